/// A JSON value with ordered object keys: what upstream embeds in annotations and params, what
/// schema literals hold, and what snapgate prints for tools. Written deterministically.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number without fraction or exponent that fits in an `Int`.
    case int(Int)
    /// Any other number.
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// An object, keys in document order.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(i)
        case .double(let d): hasher.combine(d)
        case .string(let s): hasher.combine(s)
        case .array(let items): hasher.combine(items)
        case .object(let entries):
            for entry in entries {
                hasher.combine(entry.key)
                hasher.combine(entry.value)
            }
        }
    }

    /// The value of `key` in an object; nil for a missing key or a non-object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The text of a string value.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// Compact text (no spaces), as Go's `json.Marshal` writes it.
    public var compactText: String {
        var out: [UInt8] = []
        write(into: &out, indent: nil, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Indented text (two spaces), ending without a newline.
    public var prettyText: String {
        var out: [UInt8] = []
        write(into: &out, indent: "  ", level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    // Written as UTF-8 bytes and made a string once: appending to a `String` piece by piece
    // cost ~130,000 instructions for the spec of a ten-component Snapshot, which every test
    // run of a cold pass embeds.
    private func write(into out: inout [UInt8], indent: StaticString?, level: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .double(let value): out.append(contentsOf: JSONValue.formatDouble(value).utf8)
        case .string(let value): JSONValue.writeString(value, into: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for index in items.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                items[index].write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case .object(let entries):
            guard !entries.isEmpty else {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for index in entries.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                JSONValue.writeString(entries[index].key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                entries[index].value.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: StaticString?, _ level: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<level {
            out.append(contentsOf: UnsafeBufferPointer(start: indent.utf8Start, count: indent.utf8CodeUnitCount))
        }
    }

    /// Writes `value` as a JSON string, escaping as Go's encoder does (`<`, `>`, `&` included,
    /// so the bytes match what upstream writes into annotations).
    static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Nearly every string needs no escape: one pass over its bytes, then one append.
        var text = value
        let verbatim = text.withUTF8 { bytes in
            if bytes.contains(where: needsEscape) { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if verbatim {
            out.append(UInt8(ascii: "\""))
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".utf8)
            case "\\": out.append(contentsOf: "\\\\".utf8)
            case "\n": out.append(contentsOf: "\\n".utf8)
            case "\r": out.append(contentsOf: "\\r".utf8)
            case "\t": out.append(contentsOf: "\\t".utf8)
            case "<": out.append(contentsOf: "\\u003c".utf8)
            case ">": out.append(contentsOf: "\\u003e".utf8)
            case "&": out.append(contentsOf: "\\u0026".utf8)
            case "\u{2028}": out.append(contentsOf: "\\u2028".utf8)
            case "\u{2029}": out.append(contentsOf: "\\u2029".utf8)
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    out.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether a UTF-8 byte may start something `writeString` escapes: a control character,
    /// `"`, `\\`, `<`, `>`, `&`, or the lead byte of U+2028 / U+2029 (0xE2, also the lead byte of
    /// other characters, which then take the slower path unchanged).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "&"), 0xE2:
            return true
        default:
            return false
        }
    }

    /// Go's `strconv.FormatFloat(f, 'g', -1, 64)`-like shortest form for finite numbers.
    static func formatDouble(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
