// Implicit typing of plain scalars: YAML 1.1 (what go-yaml v2, PyYAML and Kubernetes follow) plus
// the YAML 1.2 forms go-yaml also accepts (`0o17`, `1e3`). Hand-written byte checks: this runs on
// every plain scalar of every manifest, so it must cost a few comparisons for ordinary words.

extension YAMLScalarKind {
    /// The kind a plain (unquoted, untagged) scalar with this text resolves to.
    ///
    /// - null: `~`, `null`, `Null`, `NULL` and the empty string.
    /// - bool: `y`, `yes`, `true`, `on`, `n`, `no`, `false`, `off` (lower, capitalised or upper case).
    /// - int: decimal, octal `0755` and `0o755`, hex `0x1F`, binary `0b101`, sexagesimal `1:30`;
    ///   `_` separators allowed after the first digit.
    /// - float: `1.5`, `.5`, `1.`, `1e3`, `1.5e-3`, sexagesimal `1:30.5`, `.inf`, `-.inf`, `.nan`.
    ///   A lone `.` (and `-.`, `+.`) is a string, as in PyYAML and go-yaml.
    /// - everything else is a string (timestamps too: this layer has no timestamp kind).
    public static func resolve(plain: String) -> YAMLScalarKind {
        var text = plain
        return text.withUTF8 { resolve(plainBytes: $0) }
    }

    /// `resolve(plain:)` on UTF-8 bytes (the parser calls this straight on libyaml's buffer).
    public static func resolve(plainBytes b: UnsafeBufferPointer<UInt8>) -> YAMLScalarKind {
        guard let first = b.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return resolveNumber(b)
        case UInt8(ascii: "~"):
            return b.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if matchesWord(b, "null") { return .null }
            return b.count == 1 || matchesWord(b, "no") ? .bool : .string
        case UInt8(ascii: "y"), UInt8(ascii: "Y"):
            return b.count == 1 || matchesWord(b, "yes") ? .bool : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return matchesWord(b, "true") ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return matchesWord(b, "false") ? .bool : .string
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            return matchesWord(b, "on") || matchesWord(b, "off") ? .bool : .string
        default:
            return .string
        }
    }

    /// True when `b` is `word` (lower case, ASCII) written in lower case, capitalised, or upper case.
    private static func matchesWord(_ b: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard b.count == word.utf8CodeUnitCount else { return false }
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        let upperFirst = b[0] == w[0] &- 32
        guard b[0] == w[0] || upperFirst else { return false }
        if b.count == 1 { return true }
        // After the first letter: all lower case, or (only with an upper-case first) all upper case.
        let allUpper = upperFirst && b[1] == w[1] &- 32
        for i in 1..<b.count where b[i] != (allUpper ? w[i] &- 32 : w[i]) { return false }
        return true
    }

    private static func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    /// Ints and floats; anything that starts with a digit, a sign or a dot.
    private static func resolveNumber(_ b: UnsafeBufferPointer<UInt8>) -> YAMLScalarKind {
        var i = 0
        let n = b.count
        let signed = b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+")
        if signed { i = 1 }
        guard i < n else { return .string }
        let c = b[i]
        if c == UInt8(ascii: ".") { return resolveAfterLeadingDot(b, from: i + 1, signed: signed) }
        guard isDigit(c) else { return .string }

        if c == UInt8(ascii: "0"), i + 1 < n {
            let p = b[i + 1]
            switch p {
            case UInt8(ascii: "x"):
                return allMatch(b, from: i + 2, minCount: 1) { isDigit($0) || ($0 | 0x20) &- 97 < 6 || $0 == 95 }
                    ? .int : .string
            case UInt8(ascii: "o"):
                return allMatch(b, from: i + 2, minCount: 1) { $0 &- 48 < 8 || $0 == 95 } ? .int : .string
            case UInt8(ascii: "b"):
                return allMatch(b, from: i + 2, minCount: 1) { $0 &- 48 < 2 || $0 == 95 } ? .int : .string
            default:
                // `0[0-7_]+` is octal; otherwise it may still be a float such as `0.5` or `0e3`.
                if allMatch(b, from: i + 1, minCount: 1, { $0 &- 48 < 8 || $0 == 95 }) { return .int }
            }
        }

        // Digits and underscores, then maybe `.`, `e`, or sexagesimal `:`.
        var j = i + 1
        while j < n, isDigit(b[j]) || b[j] == UInt8(ascii: "_") { j += 1 }
        if j == n {
            // Decimal: `0` alone, or no leading zero (leading-zero forms were octal above).
            return c != UInt8(ascii: "0") || j == i + 1 ? .int : .string
        }
        switch b[j] {
        case UInt8(ascii: "."):
            return fractionAndExponent(b, from: j + 1) ? .float : .string
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            return exponent(b, from: j + 1) ? .float : .string
        case UInt8(ascii: ":"):
            return resolveSexagesimal(b, from: j, leadingZero: c == UInt8(ascii: "0"))
        default:
            return .string
        }
    }

    /// `.5`, `.5e3`, `.inf`, `-.inf`, `.nan` (no sign), after the dot at `from - 1`.
    private static func resolveAfterLeadingDot(
        _ b: UnsafeBufferPointer<UInt8>, from i: Int, signed: Bool
    ) -> YAMLScalarKind {
        guard i < b.count else { return .string }
        if isDigit(b[i]) { return fractionAndExponent(b, from: i) ? .float : .string }
        let rest = UnsafeBufferPointer(rebasing: b[i...])
        if matchesWord(rest, "inf") { return .float }
        // `.nan`, `.NaN`, `.NAN` (not `.Nan`): the one word not in lower/capitalised/upper form.
        if !signed, rest.count == 3, rest[0] | 0x20 == UInt8(ascii: "n"), rest[1] | 0x20 == UInt8(ascii: "a"),
            rest[2] == rest[0], rest[1] == UInt8(ascii: "a") || rest[0] == UInt8(ascii: "N")
        {
            return .float
        }
        return .string
    }

    /// `[0-9_]*([eE][-+]?[0-9]+)?` to the end.
    private static func fractionAndExponent(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
        if i == b.count { return true }
        guard b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") else { return false }
        return exponent(b, from: i + 1)
    }

    /// `[-+]?[0-9]+` to the end.
    private static func exponent(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        return allMatch(b, from: i, minCount: 1, isDigit)
    }

    /// `(:[0-5]?[0-9])+` then, for a float, `\.[0-9_]*`. An int must not start with `0`.
    private static func resolveSexagesimal(
        _ b: UnsafeBufferPointer<UInt8>, from start: Int, leadingZero: Bool
    ) -> YAMLScalarKind {
        var i = start
        let n = b.count
        while i < n, b[i] == UInt8(ascii: ":") {
            i += 1
            guard i < n, isDigit(b[i]) else { return .string }
            if i + 1 < n, isDigit(b[i + 1]) {
                guard b[i] <= UInt8(ascii: "5") else { return .string }
                i += 2
            } else {
                i += 1
            }
        }
        if i == n { return leadingZero ? .string : .int }
        guard b[i] == UInt8(ascii: ".") else { return .string }
        return allMatch(b, from: i + 1, minCount: 0) { isDigit($0) || $0 == UInt8(ascii: "_") } ? .float : .string
    }

    private static func allMatch(
        _ b: UnsafeBufferPointer<UInt8>, from start: Int, minCount: Int, _ accept: (UInt8) -> Bool
    ) -> Bool {
        guard b.count - start >= minCount else { return false }
        var i = start
        while i < b.count {
            if !accept(b[i]) { return false }
            i += 1
        }
        return true
    }
}
