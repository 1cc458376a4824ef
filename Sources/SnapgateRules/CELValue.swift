public import SnapgateModel
public import SnapgateNode

/// A value of the Common Expression Language subset snapgate evaluates for ReleasePlan
/// auto-release expressions (SPEC.md §5.2).
public enum CELValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case list([CELValue])
    /// A map with string keys (what JSON objects become).
    case map([String: CELValue])
    case timestamp(Timestamp)
    /// Milliseconds (snapgate's clock has millisecond precision).
    case duration(Int64)

    /// CEL's name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .list: return "list"
        case .map: return "map"
        case .timestamp: return "google.protobuf.Timestamp"
        case .duration: return "google.protobuf.Duration"
        }
    }

    /// A document as the JSON map upstream hands to CEL: mappings become maps, sequences lists,
    /// scalars their resolved type (an integer too large for `int` becomes a double, as JSON
    /// numbers do; anything unreadable stays a string).
    public init(_ node: YAMLNode) {
        switch node.content {
        case .mapping(let pairs):
            var map: [String: CELValue] = [:]
            for pair in pairs {
                guard let key = pair.key.scalar?.text, map[key] == nil else { continue }
                map[key] = CELValue(pair.value)
            }
            self = .map(map)
        case .sequence(let items):
            self = .list(items.map(CELValue.init))
        case .scalar(let scalar):
            switch scalar.kind {
            case .string: self = .string(scalar.text)
            case .null: self = .null
            case .bool: self = .bool(YAMLScalarKind.boolValue(scalar.text))
            case .int:
                let digits = scalar.text.filter { $0 != "_" }
                if let value = Int64(digits) {
                    self = .int(value)
                } else if let value = Double(digits) {
                    self = .double(value)
                } else {
                    self = .string(scalar.text)
                }
            case .float:
                self = Double(scalar.text.filter { $0 != "_" }).map(CELValue.double) ?? .string(scalar.text)
            }
        }
    }
}
