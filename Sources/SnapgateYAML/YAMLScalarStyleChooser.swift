// How the emitter writes one scalar so that any YAML 1.1 reader (libyaml, go-yaml, PyYAML) reads
// back the same text and kind: plain when that is unambiguous, a literal block for multi-line
// text when the block represents it exactly, double quotes otherwise.

/// The written forms a scalar can take.
enum YAMLScalarForm: Equatable {
    case plain
    case doubleQuoted
    /// A literal block (`|`), for multi-line strings.
    case literal
    /// `!!kind "text"`: a typed scalar whose text would not resolve to its kind.
    case taggedQuoted
}

enum YAMLScalarStyleChooser {
    /// The form for `scalar`; `allowBlock` is false for mapping keys.
    static func form(of scalar: YAMLScalar, allowBlock: Bool) -> YAMLScalarForm {
        var text = scalar.text
        return text.withUTF8 { form(of: $0, kind: scalar.kind, allowBlock: allowBlock) }
    }

    /// The form for a scalar of `kind` whose text is `bytes`.
    static func form(of bytes: UnsafeBufferPointer<UInt8>, kind: YAMLScalarKind, allowBlock: Bool) -> YAMLScalarForm {
        if kind != .string {
            if bytes.isEmpty && kind == .null { return .plain }  // Written as `null`.
            let resolved = YAMLScalarKind.resolve(plainBytes: bytes)
            return resolved == kind && isPlainSafe(bytes) ? .plain : .taggedQuoted
        }
        if isPlainSafe(bytes), YAMLScalarKind.resolve(plainBytes: bytes) == .string, !looksTypedToOtherReaders(bytes) {
            return .plain
        }
        if allowBlock, isLiteralSafe(bytes) { return .literal }
        return .doubleQuoted
    }

    /// Bytes that may not start a plain scalar: the YAML indicators, white space. A bit set of
    /// the ASCII range (every scalar's first byte is looked up: no hashing).
    private static let badFirst: (low: UInt64, high: UInt64) = "-?:,[]{}#&*!|>'\"%@` \t".utf8.reduce((0, 0)) {
        $1 < 64 ? ($0.low | 1 << UInt64($1), $0.high) : ($0.low, $0.high | 1 << UInt64($1 - 64))
    }

    private static func isBadFirst(_ c: UInt8) -> Bool {
        c < 64 ? badFirst.low & (1 << UInt64(c)) != 0 : c < 128 && badFirst.high & (1 << UInt64(c - 64)) != 0
    }

    /// True when `b`, written plain in block context, reads back as the same text. Conservative:
    /// some safe texts are refused (they are then quoted, which is always correct).
    static func isPlainSafe(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, let last = b.last else { return false }
        if isBadFirst(first) {
            // `-`, `?` and `:` start a plain scalar when a non-space follows (`--port`, `:8080`).
            let dashLike = first == UInt8(ascii: "-") || first == UInt8(ascii: "?") || first == UInt8(ascii: ":")
            guard dashLike, b.count > 1, b[1] != UInt8(ascii: " "), b[1] != UInt8(ascii: "\t") else { return false }
        }
        if last == UInt8(ascii: " ") || last == UInt8(ascii: ":") { return false }
        // Document markers.
        if b.count >= 3, first == UInt8(ascii: ".") || first == UInt8(ascii: "-"), b[1] == first, b[2] == first {
            return false
        }
        if b.count == 2, first == UInt8(ascii: "<"), last == UInt8(ascii: "<") { return false }  // Merge key.
        if b.count == 1, first == UInt8(ascii: "=") { return false }  // YAML 1.1 "value" key.
        var previous: UInt8 = 0
        var ascii = true
        for c in b {
            if c < 0x20 || c == 0x7F { return false }
            if c == UInt8(ascii: " "), previous == UInt8(ascii: ":") { return false }
            if c == UInt8(ascii: "#"), previous == UInt8(ascii: " ") { return false }
            if c >= 0x80 { ascii = false }
            previous = c
        }
        // ASCII text (nearly all) is printable by the checks above: no second pass.
        return ascii || allPrintable(b)
    }

    /// True for texts another YAML reader might type though `resolve` calls them strings:
    /// timestamps (`2001-12-14`) and what go-yaml reads as a float (`08`, `1_0.5`).
    private static func looksTypedToOtherReaders(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        func digit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }
        if b.count >= 5, digit(b[0]), digit(b[1]), digit(b[2]), digit(b[3]), b[4] == UInt8(ascii: "-") {
            return true
        }
        // go-yaml: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` after removing `_`.
        switch b.first ?? 0 {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"): break
        default: return false
        }
        let chars = b.filter { $0 != UInt8(ascii: "_") }
        var i = 0
        func skipSign() {
            if i < chars.count, chars[i] == UInt8(ascii: "-") || chars[i] == UInt8(ascii: "+") { i += 1 }
        }
        func skipDigits() -> Int {
            let start = i
            while i < chars.count, digit(chars[i]) { i += 1 }
            return i - start
        }
        skipSign()
        var mantissa = skipDigits()
        if i < chars.count, chars[i] == UInt8(ascii: ".") {
            i += 1
            mantissa += skipDigits()
        }
        guard mantissa > 0 else { return false }
        if i < chars.count, chars[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            skipSign()
            if skipDigits() == 0 { return false }
        }
        return i == chars.count
    }

    /// True when a literal block (`|`) reproduces `b` exactly and legibly: it has a line break and
    /// some text, no carriage return, no line ending in white space (editors strip it, and
    /// white-space-only lines confuse indentation), and only printable characters.
    private static func isLiteralSafe(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawBreak = false
        var sawText = false
        var previous: UInt8 = 0
        for c in b {
            switch c {
            case UInt8(ascii: "\n"):
                if previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") { return false }
                sawBreak = true
            case UInt8(ascii: "\t"):
                break
            case 0..<0x20, 0x7F:
                return false
            default:
                sawText = true
            }
            previous = c
        }
        if previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") { return false }
        return sawBreak && sawText && allPrintable(b)
    }

    /// False when `b` holds a character YAML cannot carry unescaped: C1 controls (U+0085 is a
    /// line break to YAML 1.1), U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF.
    private static func allPrintable(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            if c == 0xC2, i + 1 < b.count, b[i + 1] < 0xA0 { return false }  // U+0080…U+009F
            if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return false }
            if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return false }
            if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] >= 0xBE { return false }
            i += 1
        }
        return true
    }
}
