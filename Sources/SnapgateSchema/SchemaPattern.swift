/// A schema's `pattern`: the expression text and a matcher compiled once.
///
/// The patterns the Konflux CRDs use (Kubernetes names, label-style keys, resource quantities, …)
/// are recognised by their exact text and checked by hand-written scanners; any other pattern is
/// compiled with Swift `Regex` once, when the schema is built.
public struct SchemaPattern: Sendable, Hashable {
    /// The pattern as written in the schema.
    public let source: String
    let matcher: Matcher

    enum Matcher: Sendable, Hashable {
        case dns1123Label
        case emptyOrDNS1123Label
        case labelSlashLabel
        case qualifiedNameShape
        case conditionTypeShape
        case quantity
        case decimalVersion
        case componentKind
        case regex(CompiledRegex)
        case invalid
    }

    /// Compiles `source`; a pattern Swift `Regex` cannot compile never matches anything.
    public init(_ source: String) {
        self.source = source
        switch source {
        case #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#: matcher = .dns1123Label
        case #"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#: matcher = .emptyOrDNS1123Label
        case #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#: matcher = .labelSlashLabel
        case #"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$"#:
            matcher = .qualifiedNameShape
        case #"^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$"#: matcher = .conditionTypeShape
        case #"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$"#:
            matcher = .quantity
        case #"^[0-9]+(\.[0-9]+)?$"#: matcher = .decimalVersion
        case #"(?i)^(component|componentGroup)$"#: matcher = .componentKind
        default:
            if let compiled = CompiledRegex(source) {
                matcher = .regex(compiled)
            } else {
                matcher = .invalid
            }
        }
    }

    /// Whether the pattern has a hand-written matcher (rather than a `Regex`).
    public var isHandWritten: Bool {
        switch matcher {
        case .regex, .invalid: return false
        default: return true
        }
    }

    /// Whether `text` matches, with Go `regexp.MatchString` semantics (a match anywhere).
    public func matches(_ text: String) -> Bool {
        let utf8 = text.utf8
        switch matcher {
        case .dns1123Label: return KubernetesNames.withBytes(text, KubernetesNames.isLabelShaped)
        case .emptyOrDNS1123Label: return utf8.isEmpty || KubernetesNames.withBytes(text, KubernetesNames.isLabelShaped)
        case .labelSlashLabel:
            return KubernetesNames.withBytes(text) { bytes in
                guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return false }
                return KubernetesNames.isLabelShaped(bytes[..<slash])
                    && KubernetesNames.isLabelShaped(bytes[bytes.index(after: slash)...])
            }
        case .qualifiedNameShape:
            return KubernetesNames.withBytes(text) { bytes in
                guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else {
                    return KubernetesNames.isQualifiedNamePartShaped(bytes)
                }
                return KubernetesNames.isSubdomainShaped(bytes[..<slash])
                    && KubernetesNames.isQualifiedNamePartShaped(bytes[bytes.index(after: slash)...])
            }
        case .conditionTypeShape: return Self.isConditionTypeShaped(utf8)
        case .quantity: return QuantityScanner.isQuantity(utf8)
        case .decimalVersion: return Self.isDecimalVersion(utf8)
        case .componentKind:
            let lower = text.lowercased()
            return lower == "component" || lower == "componentgroup"
        case .regex(let compiled): return compiled.matches(text)
        case .invalid: return false
        }
    }

    public static func == (lhs: SchemaPattern, rhs: SchemaPattern) -> Bool { lhs.source == rhs.source }

    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// `^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$`
    private static func isConditionTypeShaped(_ utf8: String.UTF8View) -> Bool {
        guard let first = utf8.first, ASCII.isLetter(first) else { return false }
        var last = first
        for byte in utf8.dropFirst() {
            guard
                ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ",")
                    || byte == UInt8(ascii: ":")
            else { return false }
            last = byte
        }
        return ASCII.isAlphanumeric(last) || last == UInt8(ascii: "_")
    }

    /// `^[0-9]+(\.[0-9]+)?$`
    private static func isDecimalVersion(_ utf8: String.UTF8View) -> Bool {
        var digitsBefore = 0
        var digitsAfter = 0
        var sawDot = false
        for byte in utf8 {
            if ASCII.isDigit(byte) {
                if sawDot { digitsAfter += 1 } else { digitsBefore += 1 }
            } else if byte == UInt8(ascii: "."), !sawDot {
                sawDot = true
            } else {
                return false
            }
        }
        return digitsBefore > 0 && (!sawDot || digitsAfter > 0)
    }
}

/// A Swift `Regex` compiled from a schema pattern, shared by reference.
final class CompiledRegex: Sendable, Hashable {
    // `Regex` is a value type that is safe to share once built (matching does not mutate it), but
    // it is not declared `Sendable` for every output type; `AnyRegexOutput` is the only one used.
    nonisolated(unsafe) private let regex: Regex<AnyRegexOutput>
    private let source: String

    init?(_ source: String) {
        guard let regex = try? Regex(source) else { return nil }
        self.regex = regex
        self.source = source
    }

    func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }

    static func == (lhs: CompiledRegex, rhs: CompiledRegex) -> Bool { lhs.source == rhs.source }

    func hash(into hasher: inout Hasher) { hasher.combine(source) }
}

/// ASCII byte classes.
enum ASCII {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isLower(b) || isUpper(b) }
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    @inline(__always) static func isLowerAlphanumeric(_ b: UInt8) -> Bool { isLower(b) || isDigit(b) }
}

/// Recognises Kubernetes resource quantities (the `resource.Quantity` pattern).
enum QuantityScanner {
    /// `^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$`
    static func isQuantity(_ utf8: String.UTF8View) -> Bool {
        let bytes = Array(utf8)
        var i = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard scanNumber(bytes, &i) else { return false }
        if i == bytes.count { return true }
        let suffix = bytes[i...]
        if suffix.count == 2, suffix.last == UInt8(ascii: "i"), "KMGTPE".utf8.contains(suffix.first!) { return true }
        if suffix.count == 1, "numkMGTPE".utf8.contains(suffix.first!) { return true }
        guard bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") else { return false }
        i += 1
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        return scanNumber(bytes, &i) && i == bytes.count
    }

    /// `([0-9]+(\.[0-9]*)?)|(\.[0-9]+)`, greedily (what follows never starts with a digit or '.').
    private static func scanNumber(_ bytes: [UInt8], _ i: inout Int) -> Bool {
        var integerDigits = 0
        while i < bytes.count, ASCII.isDigit(bytes[i]) {
            i += 1
            integerDigits += 1
        }
        var fractionDigits = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, ASCII.isDigit(bytes[i]) {
                i += 1
                fractionDigits += 1
            }
        }
        return integerDigits > 0 || fractionDigits > 0
    }
}
