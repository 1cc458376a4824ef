public import SnapgateNode

extension JSONValue {
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

/// Compact JSON rendering of a `JSONValue` (for diagnostics).
enum JSONWriter {
    static func write(_ value: JSONValue) -> String {
        switch value {
        case .null, .bool, .int, .double, .string: return value.kubernetesLiteral
        case .array(let items): return "[" + items.map(write).joined(separator: ",") + "]"
        case .object(let entries):
            return "{" + entries.map { goQuoted($0.key) + ":" + write($0.value) }.joined(separator: ",") + "}"
        }
    }
}
