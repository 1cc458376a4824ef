/// Hand-written equivalents of the Kubernetes name checks (`k8s.io/apimachinery/pkg/util/validation`),
/// returning the same messages. Lengths are in bytes, as in Go.
enum KubernetesNames {
    static let dns1123LabelMaxLength = 63
    static let dns1123SubdomainMaxLength = 253
    static let qualifiedNameMaxLength = 63
    static let labelValueMaxLength = 63

    static let dns1123LabelMessage = regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
            + "with an alphanumeric character",
        "[a-z0-9]([-a-z0-9]*[a-z0-9])?", examples: ["my-name", "123-abc"])
    static let dns1123SubdomainMessage = regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start "
            + "and end with an alphanumeric character",
        #"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"#, examples: ["example.com"])
    static let qualifiedNameMessage = regexError(
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
            + "character",
        "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]", examples: ["MyName", "my.name", "123-abc"])
    static let labelValueMessage = regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start "
            + "and end with an alphanumeric character",
        "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?", examples: ["MyValue", "my_value", "12345"])

    /// Go's `validation.RegexError`.
    static func regexError(_ message: String, _ format: String, examples: [String]) -> String {
        var out = message + " (e.g. "
        for (i, example) in examples.enumerated() {
            if i > 0 { out += " or " }
            out += "'" + example + "', "
        }
        return out + "regex used for validation is '" + format + "')"
    }

    /// Go's `validation.MaxLenError`.
    static func maxLengthError(_ length: Int) -> String { "must be no more than \(length) characters" }

    /// Runs `body` over the UTF-8 bytes of `text` in place: slicing a buffer, unlike slicing a
    /// `String.UTF8View`, retains and releases nothing (these checks run for every name and key).
    static func withBytes<R>(_ text: String, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body($0[...]) }) { return result }
        var copy = text
        return copy.withUTF8 { body($0[...]) }
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?` over the whole slice.
    static func isLabelShaped<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        guard ASCII.isLowerAlphanumeric(first), ASCII.isLowerAlphanumeric(last) else { return false }
        return bytes.allSatisfy { ASCII.isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*` over the whole slice.
    static func isSubdomainShaped<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool
    where Bytes.SubSequence == Bytes {
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ".")) ?? bytes.endIndex
            guard isLabelShaped(bytes[start..<end]) else { return false }
            if end == bytes.endIndex { return true }
            start = bytes.index(after: end)
        }
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]` over the whole slice.
    static func isQualifiedNamePartShaped<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        guard ASCII.isAlphanumeric(first), ASCII.isAlphanumeric(last) else { return false }
        return bytes.allSatisfy {
            ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    /// `IsDNS1123Label`: messages, empty when valid.
    static func dns1123LabelErrors(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > dns1123LabelMaxLength { errors.append(maxLengthError(dns1123LabelMaxLength)) }
        if !withBytes(value, isLabelShaped) { errors.append(dns1123LabelMessage) }
        return errors
    }

    /// `IsDNS1123Subdomain`: messages, empty when valid.
    static func dns1123SubdomainErrors(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > dns1123SubdomainMaxLength { errors.append(maxLengthError(dns1123SubdomainMaxLength)) }
        if !withBytes(value, isSubdomainShaped) { errors.append(dns1123SubdomainMessage) }
        return errors
    }

    /// `IsQualifiedName` without its messages: runs for every label and annotation key, so the
    /// valid case allocates nothing.
    static func isQualifiedName(_ value: String) -> Bool {
        withBytes(value) { utf8 in
            guard let slash = utf8.firstIndex(of: UInt8(ascii: "/")) else {
                return utf8.count <= qualifiedNameMaxLength && isQualifiedNamePartShaped(utf8)
            }
            let prefix = utf8[..<slash]
            let name = utf8[utf8.index(after: slash)...]
            return prefix.count <= dns1123SubdomainMaxLength && isSubdomainShaped(prefix)
                && name.count <= qualifiedNameMaxLength && isQualifiedNamePartShaped(name)
        }
    }

    /// `strings.ToLower` for annotation keys; the key itself when it has no upper-case or
    /// non-ASCII byte (nearly always, and then no new string is made).
    static func lowercased(_ key: String) -> String {
        key.utf8.contains { ASCII.isUpper($0) || $0 >= 0x80 } ? key.lowercased() : key
    }

    /// `IsQualifiedName`: messages, empty when valid (label and annotation keys, finalizers).
    static func qualifiedNameErrors(_ value: String) -> [String] {
        if isQualifiedName(value) { return [] }
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        var errors: [String] = []
        let name: Substring
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            let prefix = parts[0]
            name = parts[1]
            if prefix.isEmpty {
                errors.append("prefix part must be non-empty")
            } else {
                errors += dns1123SubdomainErrors(String(prefix)).map { "prefix part " + $0 }
            }
        default:
            return [
                "a qualified name " + qualifiedNameMessage
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
            ]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.utf8.count > qualifiedNameMaxLength {
            errors.append("name part " + maxLengthError(qualifiedNameMaxLength))
        }
        if !isQualifiedNamePartShaped(name.utf8) { errors.append("name part " + qualifiedNameMessage) }
        return errors
    }

    /// `IsValidLabelValue`: messages, empty when valid.
    static func labelValueErrors(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > labelValueMaxLength { errors.append(maxLengthError(labelValueMaxLength)) }
        if !value.isEmpty && !withBytes(value, isQualifiedNamePartShaped) { errors.append(labelValueMessage) }
        return errors
    }
}
