/// A JSON value: how schema literals (`enum` members, `default` values) are held.
public enum SchemaJSON: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// A JSON boolean.
    case bool(Bool)
    /// A JSON number without fraction or exponent that fits in an `Int`.
    case int(Int)
    /// Any other JSON number.
    case double(Double)
    /// A JSON string.
    case string(String)
    /// A JSON array.
    case array([SchemaJSON])
    /// A JSON object, keys in document order.
    case object([(key: String, value: SchemaJSON)])

    public static func == (lhs: SchemaJSON, rhs: SchemaJSON) -> Bool {
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

    /// The value of `key` in an object, nil for a missing key or a non-object.
    subscript(key: String) -> SchemaJSON? {
        guard case .object(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The value rendered the way Go's `%q` / `%v` prints it in Kubernetes messages.
    var kubernetesLiteral: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return goQuoted(s)
        case .array, .object: return JSONWriter.write(self)
        }
    }
}

/// Go's `%q` rendering of a string, close enough for diagnostics: double quotes, `\"`, `\\` and
/// control characters escaped.
func goQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// Compact JSON rendering of a `SchemaJSON` (for diagnostics).
enum JSONWriter {
    static func write(_ value: SchemaJSON) -> String {
        switch value {
        case .null, .bool, .int, .double, .string: return value.kubernetesLiteral
        case .array(let items): return "[" + items.map(write).joined(separator: ",") + "]"
        case .object(let entries):
            return "{" + entries.map { goQuoted($0.key) + ":" + write($0.value) }.joined(separator: ",") + "}"
        }
    }
}
