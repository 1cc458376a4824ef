/// The `date-time` string format as the API server checks it (kube-openapi `strfmt.IsDateTime`).
///
/// The value is lower-cased and split at `t`; the first part must be a valid calendar date
/// `YYYY-MM-DD`, the second must match `^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$`
/// with hour ≤ 23, minute ≤ 59 and second ≤ 59.
enum DateTimeFormat {
    static func isDateTime(_ text: String) -> Bool {
        guard text.utf8.count >= 4 else { return false }
        let parts = text.lowercased().utf8.split(separator: UInt8(ascii: "t"), omittingEmptySubsequences: false)
        guard parts.count >= 2, isDate(Array(parts[0])) else { return false }
        return isTime(Array(parts[1]))
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy(ASCII.isDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// Go `time.Parse("2006-01-02", s)`.
    private static func isDate(_ b: [UInt8]) -> Bool {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let year = number(b[0..<4]), let month = number(b[5..<7]), let day = number(b[8..<10])
        else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    private static func isTime(_ b: [UInt8]) -> Bool {
        guard b.count >= 9, b[2] == UInt8(ascii: ":"), b[5] == UInt8(ascii: ":"),
            let hour = number(b[0..<2]), let minute = number(b[3..<5]), let second = number(b[6..<8])
        else { return false }
        guard hour <= 23, minute <= 59, second <= 59 else { return false }
        let rest = b[8...]
        if isZone(rest) { return true }
        // `(.[0-9]+)`: any one character, then digits (the zone never starts with a digit).
        var i = rest.startIndex + 1
        guard i < rest.endIndex, ASCII.isDigit(rest[i]) else { return false }
        while i < rest.endIndex, ASCII.isDigit(rest[i]) { i += 1 }
        return isZone(rest[i...])
    }

    /// `z|([+-][0-9]{2}:[0-9]{2})` over the whole slice.
    private static func isZone(_ b: ArraySlice<UInt8>) -> Bool {
        if b.count == 1 { return b.first == UInt8(ascii: "z") }
        guard b.count == 6 else { return false }
        let s = b.startIndex
        return (b[s] == UInt8(ascii: "+") || b[s] == UInt8(ascii: "-")) && ASCII.isDigit(b[s + 1])
            && ASCII.isDigit(b[s + 2]) && b[s + 3] == UInt8(ascii: ":") && ASCII.isDigit(b[s + 4])
            && ASCII.isDigit(b[s + 5])
    }
}

/// Numeric readings of YAML scalars (YAML 1.1 integer and float forms, as go-yaml resolves them).
enum YAMLNumbers {
    /// The value of an `int` scalar: decimal, `0x`, `0o`, `0b`, YAML 1.1 leading-zero octal, `_` separators.
    static func integer(_ text: String) -> Double? {
        var s = Substring(text.filter { $0 != "_" })
        var sign = 1.0
        if s.hasPrefix("-") {
            sign = -1
            s = s.dropFirst()
        } else if s.hasPrefix("+") {
            s = s.dropFirst()
        }
        let value: UInt64?
        if s.hasPrefix("0x") || s.hasPrefix("0X") {
            value = UInt64(s.dropFirst(2), radix: 16)
        } else if s.hasPrefix("0o") || s.hasPrefix("0O") {
            value = UInt64(s.dropFirst(2), radix: 8)
        } else if s.hasPrefix("0b") || s.hasPrefix("0B") {
            value = UInt64(s.dropFirst(2), radix: 2)
        } else if s.count > 1, s.hasPrefix("0") {
            value = UInt64(s.dropFirst(), radix: 8)
        } else {
            value = UInt64(s)
        }
        return value.map { sign * Double($0) }
    }

    /// The value of a `float` scalar, including `.inf`, `-.inf` and `.nan`.
    static func float(_ text: String) -> Double? {
        let s = text.filter { $0 != "_" }.lowercased()
        switch s {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: return Double(s)
        }
    }
}
