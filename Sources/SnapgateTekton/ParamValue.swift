public import SnapgateNode

/// The value of a Tekton parameter or result: `string`, `array` or `object` (string values).
public enum ParamValue: Sendable, Hashable {
    case string(String)
    case array([String])
    case object([String: String])

    /// The Tekton type name: `string`, `array` or `object`.
    public var typeName: String {
        switch self {
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Reads a value from a node: a scalar as its text, a sequence of scalars, or a mapping of
    /// scalars. Nil for anything else.
    public init?(node: YAMLNode) {
        switch node.content {
        case .scalar(let scalar):
            self = .string(scalar.kind == .null ? "" : scalar.text)
        case .sequence(let items):
            var values: [String] = []
            for item in items {
                guard let scalar = item.scalar else { return nil }
                values.append(scalar.text)
            }
            self = .array(values)
        case .mapping(let pairs):
            var values: [String: String] = [:]
            for pair in pairs {
                guard let key = pair.key.scalar?.text, let value = pair.value.scalar?.text else { return nil }
                values[key] = value
            }
            self = .object(values)
        }
    }

    /// The value as a node (object keys sorted).
    public var node: YAMLNode {
        switch self {
        case .string(let text): return .string(text)
        case .array(let items): return .sequence(items.map { .string($0) })
        case .object(let map): return .stringMap(map)
        }
    }

    /// The text of a string value.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
