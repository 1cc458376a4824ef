public import SnapgateNode

/// Validates YAML objects against structural schemas the way the Kubernetes API server does
/// (apiextensions-apiserver: pruning, defaulting of absent fields, OpenAPI validation, ObjectMeta checks).
public enum SchemaValidator {
    /// How deep the walk goes before it stops descending (the YAML parser already bounds input depth at 128).
    static let maximumDepth = 160

    /// Validates a whole object (`apiVersion`, `kind`, `metadata`, `spec`, …) against its schema.
    ///
    /// `metadata` gets ObjectMeta validation whatever the schema says. The result is ordered by
    /// position (stable, so objects built in code keep walk order); an empty result means the API
    /// server would accept the object.
    public static func validate(_ object: YAMLNode, schema: StructuralSchema) -> [SchemaViolation] {
        var walker = SchemaWalker()
        walker.path.reserveCapacity(16)  // One allocation instead of growing 1, 2, 4, 8 deep.
        walker.validateResource(object, schema: schema, isRoot: true)
        let ordered = walker.violations.enumerated().sorted {
            ($0.element.mark, $0.offset) < ($1.element.mark, $1.offset)
        }
        return ordered.map(\.element)
    }
}

/// One step of a field path.
enum PathComponent {
    /// A property of an object schema (joined with `.`).
    case property(String)
    /// A key of a map (`additionalProperties`; rendered `[key]`).
    case key(String)
    /// A list index (rendered `[i]`).
    case index(Int)
}

/// The fields of an object that `validateObject` leaves alone because they are validated apart.
enum HandledFields {
    case none
    /// `metadata` (an embedded resource).
    case metadata
    /// `metadata`, `apiVersion` and `kind` (the root object).
    case rootFields

    func contains(_ key: String) -> Bool {
        // Lengths first (at hand for any string): most keys are ruled out without a comparison.
        switch (self, key.utf8.count) {
        case (.none, _): return false
        case (.metadata, 8), (.rootFields, 8): return key == "metadata"
        case (.rootFields, 10): return key == "apiVersion"
        case (.rootFields, 4): return key == "kind"
        default: return false
        }
    }
}

/// Finds mapping keys whose text repeats an earlier key's. The parser rejects a repeated key of
/// the same kind, but `1` and `"1"` share a text, and trees built in code are not checked. Small
/// mappings (nearly all) are scanned instead of hashed: no allocation, and cheaper.
struct KeyTracker {
    private static let scanLimit = 16
    private let pairs: [YAMLPair]
    private var seen: Set<String>?

    init(_ pairs: [YAMLPair]) {
        self.pairs = pairs
        seen = pairs.count > Self.scanLimit ? Set(minimumCapacity: pairs.count) : nil
    }

    /// Whether no scalar key before `index` has the text `key` (the key at `index`).
    mutating func isFirst(_ key: String, at index: Int) -> Bool {
        if seen != nil { return seen!.insert(key).inserted }
        for earlier in pairs[..<index] {
            if case .scalar(let s) = earlier.key.content, s.text == key { return false }
        }
        return true
    }
}

/// The state of one validation walk: the current path and the findings so far.
struct SchemaWalker {
    var violations: [SchemaViolation] = []
    var path: [PathComponent] = []

    var fieldPath: String {
        var out = ""
        for component in path {
            switch component {
            case .property(let name):
                if !out.isEmpty { out += "." }
                out += name
            case .key(let key): out += "[" + key + "]"
            case .index(let i): out += "[" + String(i) + "]"
            }
        }
        return out
    }

    mutating func report(_ severity: SchemaViolation.Severity, _ mark: YAMLMark, _ message: String) {
        violations.append(SchemaViolation(severity: severity, field: fieldPath, mark: mark, message: message))
    }

    mutating func error(_ mark: YAMLMark, _ message: String) { report(.error, mark, message) }

    /// Runs `body` with `component` pushed on the path.
    mutating func at(_ component: PathComponent, _ body: (inout SchemaWalker) -> Void) {
        path.append(component)
        body(&self)
        path.removeLast()
    }

    /// What go-openapi calls the path in its messages ("spec.application in body").
    var bodyPath: String {
        let field = fieldPath
        return field.isEmpty ? "body" : field + " in body"
    }

    // MARK: Resources

    /// A Kubernetes object: the root, or an embedded resource.
    mutating func validateResource(_ node: YAMLNode, schema: StructuralSchema, isRoot: Bool) {
        guard let pairs = node.mapping else {
            if isRoot {
                typeError(node, expected: "object")
            } else {
                validate(node, schema: schema, depth: path.count)
            }
            return
        }
        for field in ["apiVersion", "kind"] where isRoot {
            if let value = node[field], !value.isNull {
                if value.string == nil { at(.property(field)) { $0.typeError(value, expected: "string") } }
            } else {
                at(.property(field)) { $0.error(node.mark, "Required value") }
            }
        }
        // ObjectMeta is validated by its own rules; the rest of the object by the schema, without metadata.
        if let metadata = node["metadata"] {
            at(.property("metadata")) { $0.validateObjectMeta(metadata, parent: node, requireName: isRoot) }
        } else if isRoot {
            at(.property("metadata")) { $0.at(.property("name")) { $0.error(node.mark, Self.nameRequired) } }
        }
        validateObject(
            node, pairs: pairs, schema: schema, depth: path.count, skipping: isRoot ? .rootFields : .metadata)
    }

    static let nameRequired = "Required value: name or generateName is required"

    // MARK: Values

    /// Validates one value against its schema (the value is present and, unless nullable, not null).
    mutating func validate(_ node: YAMLNode, schema: StructuralSchema, depth: Int) {
        guard depth < SchemaValidator.maximumDepth else { return }
        if node.isNull {
            if schema.nullable || (schema.types.isEmpty && !schema.intOrString && schema.preserveUnknownFields) {
                return
            }
        }
        guard checkType(node, schema: schema) else { return }
        switch node.content {
        case .scalar(let scalar):
            validateScalar(node, scalar: scalar, schema: schema)
        case .sequence(let items):
            validateArray(node, items: items, schema: schema, depth: depth)
        case .mapping(let pairs):
            if schema.embeddedResource {
                validateResource(node, schema: schema, isRoot: false)
            } else {
                validateObject(node, pairs: pairs, schema: schema, depth: depth, skipping: .none)
            }
        }
    }
}
