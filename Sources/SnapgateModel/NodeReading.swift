public import SnapgateNode

/// Lenient, never-failing reads of typed values from a node tree.
///
/// Type problems are reported by schema validation (SnapgateSchema), which knows the CRDs; the
/// typed model only extracts what is there, so a wrong type reads as absent instead of trapping.
extension YAMLNode {
    /// The string at `key` of a mapping node; nil when absent, null or not a string.
    public func string(_ key: String) -> String? { self[key]?.string }

    /// The string at `key`, or "" when absent.
    public func stringOrEmpty(_ key: String) -> String { self[key]?.string ?? "" }

    /// The boolean at `key` of a mapping node.
    public func bool(_ key: String) -> Bool? {
        guard let scalar = self[key]?.scalar, scalar.kind == .bool else { return nil }
        return YAMLScalarKind.boolValue(scalar.text)
    }

    /// The integer at `key` of a mapping node (decimal only, as JSON has).
    public func int(_ key: String) -> Int? {
        guard let scalar = self[key]?.scalar, scalar.kind == .int else { return nil }
        return Int(String(scalar.text.filter { $0 != "_" }))
    }

    /// The mapping at `key`, or nil when absent, null or not a mapping.
    public func mapping(_ key: String) -> YAMLNode? {
        guard let node = self[key], node.mapping != nil else { return nil }
        return node
    }

    /// The items of the sequence at `key`; empty when absent, null or not a sequence.
    public func items(_ key: String) -> [YAMLNode] { self[key]?.sequence ?? [] }

    /// The string items of the sequence at `key`, skipping non-strings.
    public func strings(_ key: String) -> [String] { items(key).compactMap(\.string) }

    /// A `map[string]string` at `key` (labels, annotations): string keys with string values only.
    public func stringMap(_ key: String) -> StringMap {
        guard case .mapping(let pairs)? = self[key]?.content else { return StringMap() }
        return StringMap(count: pairs.count) { index in
            guard let k = pairs[index].key.string, let v = pairs[index].value.string else { return nil }
            return (k, v)
        }
    }

    /// The node at a dotted path of mapping keys (`"spec.resolverRef"`).
    public func at(_ path: String) -> YAMLNode? {
        var node: YAMLNode? = self
        for key in path.split(separator: ".") {
            node = node?[String(key)]
        }
        return node
    }
}

extension YAMLScalarKind {
    /// The truth value of a YAML 1.1 boolean text (`true`, `yes`, `on`, `y` and their forms).
    public static func boolValue(_ text: String) -> Bool {
        switch text.lowercased() {
        case "true", "yes", "on", "y": return true
        default: return false
        }
    }
}

extension YAMLNode {
    /// A mapping node from string keys to string values, keys sorted (for labels and annotations).
    public static func stringMap(_ map: [String: String]) -> YAMLNode {
        .mapping(map.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
    }

    /// A mapping node of `map`'s entries, in its (key) order.
    public static func stringMap(_ map: StringMap) -> YAMLNode {
        .mapping(map.map { ($0.key, .string($0.value)) })
    }

    /// Returns a mapping node with `key` set to `value` (replacing an existing entry in place,
    /// appending otherwise). Non-mapping nodes are returned unchanged.
    public func setting(_ key: String, to value: YAMLNode) -> YAMLNode {
        guard case .mapping(var pairs) = content else { return self }
        if let index = pairs.firstIndex(where: { $0.key.string == key }) {
            pairs[index].value = value
        } else {
            pairs.append(YAMLPair(key: .string(key), value: value))
        }
        return YAMLNode(.mapping(pairs), mark: mark)
    }

    /// Returns a mapping node without `key`.
    public func removing(_ key: String) -> YAMLNode {
        guard case .mapping(let pairs) = content else { return self }
        return YAMLNode(.mapping(pairs.filter { $0.key.string != key }), mark: mark)
    }
}
