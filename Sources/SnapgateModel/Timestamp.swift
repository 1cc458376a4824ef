/// A point in time with millisecond precision, in UTC: the clock of the rules.
///
/// Pure (no Foundation): parsing and formatting of RFC 3339 follow Kubernetes' forms —
/// `2006-01-02T15:04:05Z` for metav1.Time, with nanoseconds for the status annotation.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    /// Creates a timestamp from milliseconds since the epoch.
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// Creates a timestamp from seconds since the epoch.
    public init(seconds: Int64) { self.milliseconds = seconds * 1000 }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// Whole seconds since the epoch (rounded down).
    public var seconds: Int64 { milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000 }

    /// This time plus `milliseconds`.
    public func adding(milliseconds delta: Int64) -> Timestamp { Timestamp(milliseconds: milliseconds + delta) }

    /// The calendar fields of this time in UTC.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int) {
        let secs = seconds
        let millis = Int(milliseconds - secs * 1000)
        var days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let secondOfDay = Int(secs - days * 86_400)
        // Civil-from-days (Howard Hinnant's algorithm), exact for the proleptic Gregorian calendar.
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthPrime + 2) / 5 + 1)
        let month = Int(monthPrime < 10 ? monthPrime + 3 : monthPrime - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, millis)
    }

    /// `2006-01-02T15:04:05Z` (seconds precision, as metav1.Time serialises).
    public var rfc3339: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):"
            + "\(pad(c.second, 2))Z"
    }

    /// RFC 3339 with the fraction Go's `time.RFC3339Nano` writes (trailing zeros dropped, none when whole).
    public var rfc3339Nano: String {
        let c = components
        var fraction = ""
        if c.millisecond != 0 {
            fraction = "." + pad(c.millisecond, 3)
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):"
            + "\(pad(c.second, 2))\(fraction)Z"
    }

    public var description: String { rfc3339Nano }

    /// Parses RFC 3339 (`2025-11-09T13:04:05Z`, `…05.123456789+02:00`, lowercase `t`/`z` too);
    /// nil when the text is not one. Fractions beyond milliseconds are truncated.
    public init?(rfc3339 text: String) {
        let b = Array(text.utf8)
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var value = 0
            for i in at..<(at + count) {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard b.count >= 20, let year = digits(0, 4), b[4] == 0x2D, let month = digits(5, 2), b[7] == 0x2D,
            let day = digits(8, 2), b[10] == 0x54 || b[10] == 0x74 || b[10] == 0x20, let hour = digits(11, 2),
            b[13] == 0x3A, let minute = digits(14, 2), b[16] == 0x3A, let second = digits(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var millis = 0
        if index < b.count, b[index] == 0x2E {
            index += 1
            var scale = 100
            let start = index
            while index < b.count, b[index] >= 0x30, b[index] <= 0x39 {
                millis += Int(b[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offsetSeconds = 0
        guard index < b.count else { return nil }
        if b[index] == 0x5A || b[index] == 0x7A {
            index += 1
        } else if b[index] == 0x2B || b[index] == 0x2D {
            guard let oh = digits(index + 1, 2), index + 3 < b.count, b[index + 3] == 0x3A,
                let om = digits(index + 4, 2)
            else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (b[index] == 0x2D ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == b.count else { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        let secs = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        self.init(milliseconds: secs * 1000 + Int64(millis))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

/// Parses a Go duration (`2h`, `90m`, `1h30m`, `45s`, `1.5h`, `300ms`) into milliseconds; nil
/// when it is not one (upstream ignores unparsable timeouts).
public func parseGoDuration(_ text: String) -> Int64? {
    var b = Array(text.utf8)[...]
    guard !b.isEmpty else { return nil }
    var sign: Double = 1
    if b.first == 0x2D || b.first == 0x2B {
        if b.first == 0x2D { sign = -1 }
        b = b.dropFirst()
    }
    if b.count == 1 && b.first == 0x30 { return 0 }
    var total: Double = 0
    var sawUnit = false
    while !b.isEmpty {
        var number = ""
        while let c = b.first, (c >= 0x30 && c <= 0x39) || c == 0x2E {
            number.append(Character(Unicode.Scalar(c)))
            b = b.dropFirst()
        }
        guard let value = Double(number) else { return nil }
        var unit = ""
        while let c = b.first, !(c >= 0x30 && c <= 0x39) && c != 0x2E {
            unit.append(Character(Unicode.Scalar(c)))
            b = b.dropFirst()
        }
        let scale: Double
        switch unit {
        case "ns": scale = 1e-6
        case "us", "µs", "μs": scale = 1e-3
        case "ms": scale = 1
        case "s": scale = 1000
        case "m": scale = 60_000
        case "h": scale = 3_600_000
        default: return nil
        }
        total += value * scale
        sawUnit = true
    }
    return sawUnit ? Int64((sign * total).rounded(.towardZero)) : nil
}

/// Formats milliseconds as Go's `time.Duration.String()` does (`1h30m0s`, `2m0s`, `500ms`).
public func formatGoDuration(_ milliseconds: Int64) -> String {
    if milliseconds == 0 { return "0s" }
    var ms = milliseconds
    var out = ""
    if ms < 0 {
        out = "-"
        ms = -ms
    }
    if ms < 1000 { return out + "\(ms)ms" }
    let hours = ms / 3_600_000
    let minutes = ms / 60_000 % 60
    let seconds = ms / 1000 % 60
    let fraction = ms % 1000
    if hours > 0 { out += "\(hours)h" }
    if hours > 0 || minutes > 0 { out += "\(minutes)m" }
    out += "\(seconds)"
    if fraction > 0 {
        var f = pad(Int(fraction), 3)
        while f.hasSuffix("0") { f.removeLast() }
        out += "." + f
    }
    return out + "s"
}
