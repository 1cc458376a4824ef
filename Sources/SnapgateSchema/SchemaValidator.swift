public import SnapgateYAML

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
        let handled: Set<String> = isRoot ? ["metadata", "apiVersion", "kind"] : ["metadata"]
        validateObject(node, pairs: pairs, schema: schema, depth: path.count, skipping: handled)
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
                validateObject(node, pairs: pairs, schema: schema, depth: depth, skipping: [])
            }
        }
    }

    /// The JSON type name of a node, as go-openapi reports it.
    static func jsonType(_ node: YAMLNode) -> String {
        switch node.content {
        case .mapping: return "object"
        case .sequence: return "array"
        case .scalar(let s):
            switch s.kind {
            case .string: return "string"
            case .int: return "integer"
            case .float: return "number"
            case .bool: return "boolean"
            case .null: return "null"
            }
        }
    }

    /// Whether a scalar holds an integer value (an `int` node, or a float with no fraction: the API
    /// server sees JSON, where `1.0` is `1`).
    static func isInteger(_ scalar: YAMLScalar) -> Bool {
        switch scalar.kind {
        case .int: return true
        case .float:
            guard let value = YAMLNumbers.float(scalar.text), value.isFinite else { return false }
            return value.rounded() == value
        default: return false
        }
    }

    static func satisfies(_ node: YAMLNode, _ type: SchemaType) -> Bool {
        switch (type, node.content) {
        case (.object, .mapping), (.array, .sequence): return true
        case (.string, .scalar(let s)): return s.kind == .string
        case (.boolean, .scalar(let s)): return s.kind == .bool
        case (.number, .scalar(let s)): return s.kind == .int || s.kind == .float
        case (.integer, .scalar(let s)): return isInteger(s)
        default: return false
        }
    }

    /// Reports a type mismatch; returns whether the node has an allowed type.
    mutating func checkType(_ node: YAMLNode, schema: StructuralSchema) -> Bool {
        if schema.intOrString {
            if case .scalar(let s) = node.content, s.kind == .string || Self.isInteger(s) { return true }
            typeError(node, expected: "integer or string")
            return false
        }
        if schema.types.isEmpty || schema.types.contains(where: { Self.satisfies(node, $0) }) { return true }
        let names = schema.types.map(\.rawValue)
        let expected =
            names.count <= 1
            ? (names.first ?? "") : names.dropLast().joined(separator: ", ") + " or " + names.last!
        typeError(node, expected: expected)
        return false
    }

    /// `Invalid value: "integer": spec.x in body must be of type string: "integer"`, with a hint when a
    /// YAML scalar that is not a string stands where a string belongs.
    mutating func typeError(_ node: YAMLNode, expected: String) {
        let actual = Self.jsonType(node)
        var message = "Invalid value: \"\(actual)\": \(bodyPath) must be of type \(expected): \"\(actual)\""
        if expected.hasPrefix("string") || expected.hasSuffix("string"),
            case .scalar(let s) = node.content, s.kind == .int || s.kind == .float || s.kind == .bool
        {
            message += " " + Self.quoteHint
        }
        error(node.mark, message)
    }

    static let quoteHint = "(quote the value to make it a string)"

    /// How Kubernetes prints a value in `Invalid value: <value>`: strings quoted, numbers and booleans bare.
    static func literal(_ node: YAMLNode) -> String {
        guard case .scalar(let s) = node.content else { return "\"" + jsonType(node) + "\"" }
        switch s.kind {
        case .string: return goQuoted(s.text)
        case .int: return YAMLNumbers.integer(s.text).map(formatNumber) ?? s.text
        case .float: return YAMLNumbers.float(s.text).map(formatNumber) ?? s.text
        case .bool: return s.text
        case .null: return "null"
        }
    }

    static func formatNumber(_ value: Double) -> String {
        if value.isFinite, value.rounded() == value, abs(value) < 1e18 { return String(Int64(value)) }
        return String(value)
    }

    /// Whether a node equals a schema literal (enum member).
    static func equals(_ node: YAMLNode, _ value: JSONValue) -> Bool {
        guard case .scalar(let s) = node.content else { return false }
        switch (s.kind, value) {
        case (.string, .string(let v)): return s.text == v
        case (.bool, .bool(let v)): return (s.text == "true") == v
        case (.null, .null): return true
        case (.int, .int), (.int, .double), (.float, .int), (.float, .double):
            let number = s.kind == .int ? YAMLNumbers.integer(s.text) : YAMLNumbers.float(s.text)
            switch value {
            case .int(let v): return number == Double(v)
            case .double(let v): return number == v
            default: return false
            }
        default: return false
        }
    }

    mutating func validateScalar(_ node: YAMLNode, scalar: YAMLScalar, schema: StructuralSchema) {
        if let members = schema.enumValues, !members.contains(where: { Self.equals(node, $0) }) {
            let supported = members.map { member -> String in
                if case .string(let s) = member { return goQuoted(s) }
                return goQuoted(member.kubernetesLiteral)
            }
            error(
                node.mark,
                "Unsupported value: \(Self.literal(node)): supported values: " + supported.joined(separator: ", "))
        }
        switch scalar.kind {
        case .string:
            validateString(node, text: scalar.text, schema: schema)
        case .int, .float:
            let value = scalar.kind == .int ? YAMLNumbers.integer(scalar.text) : YAMLNumbers.float(scalar.text)
            if let value { validateNumber(node, value: value, schema: schema) }
        case .bool, .null:
            break
        }
    }

    mutating func validateString(_ node: YAMLNode, text: String, schema: StructuralSchema) {
        let value = Self.literal(node)
        if let maxLength = schema.maxLength, text.unicodeScalars.count > maxLength {
            error(node.mark, "Too long: may not be more than \(maxLength) bytes")
        }
        if let minLength = schema.minLength, text.unicodeScalars.count < minLength {
            error(node.mark, "Invalid value: \(value): \(bodyPath) should be at least \(minLength) chars long")
        }
        if let pattern = schema.pattern, !pattern.matches(text) {
            error(node.mark, "Invalid value: \(value): \(bodyPath) should match '\(pattern.source)'")
        }
        if schema.format == "date-time", !DateTimeFormat.isDateTime(text) {
            error(node.mark, "Invalid value: \(value): \(bodyPath) must be of type date-time: \(value)")
        }
    }

    mutating func validateNumber(_ node: YAMLNode, value: Double, schema: StructuralSchema) {
        let literal = Self.literal(node)
        if let minimum = schema.minimum {
            let bound = Self.formatNumber(minimum)
            if schema.exclusiveMinimum ? value <= minimum : value < minimum {
                let relation = schema.exclusiveMinimum ? "greater than" : "greater than or equal to"
                error(node.mark, "Invalid value: \(literal): \(bodyPath) should be \(relation) \(bound)")
            }
        }
        if let maximum = schema.maximum {
            let bound = Self.formatNumber(maximum)
            if schema.exclusiveMaximum ? value >= maximum : value > maximum {
                let relation = schema.exclusiveMaximum ? "less than" : "less than or equal to"
                error(node.mark, "Invalid value: \(literal): \(bodyPath) should be \(relation) \(bound)")
            }
        }
    }

    mutating func validateArray(_ node: YAMLNode, items: [YAMLNode], schema: StructuralSchema, depth: Int) {
        if let maxItems = schema.maxItems, items.count > maxItems {
            error(node.mark, "Too many: \(items.count): must have at most \(maxItems) items")
        }
        if let minItems = schema.minItems, items.count < minItems {
            error(node.mark, "Invalid value: \(items.count): \(bodyPath) should have at least \(minItems) items")
        }
        if let itemSchema = schema.items {
            for (i, item) in items.enumerated() {
                at(.index(i)) { $0.validate(item, schema: itemSchema, depth: depth + 1) }
            }
        }
        switch schema.listType {
        case "set": checkSetDuplicates(items)
        case "map": checkMapDuplicates(items, keys: schema.listMapKeys)
        default: break
        }
    }

    /// `x-kubernetes-list-type: set`: scalar items must be unique.
    mutating func checkSetDuplicates(_ items: [YAMLNode]) {
        var seen = Set<YAMLNode>()
        for (i, item) in items.enumerated() where !seen.insert(item).inserted {
            at(.index(i)) { $0.error(item.mark, "Duplicate value: \(Self.literal(item))") }
        }
    }

    /// `x-kubernetes-list-type: map`: no two items may have the same values for the map keys.
    mutating func checkMapDuplicates(_ items: [YAMLNode], keys: [String]) {
        guard !keys.isEmpty else { return }
        var seen = Set<[YAMLNode?]>()
        for (i, item) in items.enumerated() where item.mapping != nil {
            let identity = keys.map { item[$0] }
            if !seen.insert(identity).inserted {
                let rendered = zip(keys, identity).map { key, value in
                    "\"\(key)\":" + (value.map(Self.literal) ?? "<nil>")
                }
                at(.index(i)) {
                    $0.error(
                        item.mark, "Duplicate value: map[string]interface {}{" + rendered.joined(separator: ", ") + "}")
                }
            }
        }
    }

    mutating func validateObject(
        _ node: YAMLNode, pairs: [YAMLPair], schema: StructuralSchema, depth: Int, skipping: Set<String>
    ) {
        if let maxProperties = schema.maxProperties, pairs.count > maxProperties {
            error(node.mark, "Too many: \(pairs.count): must have at most \(maxProperties) items")
        }
        if let minProperties = schema.minProperties, pairs.count < minProperties {
            error(
                node.mark, "Invalid value: \(pairs.count): \(bodyPath) should have at least \(minProperties) properties"
            )
        }
        var seen = Set<String>()
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                error(pair.key.mark, "Invalid value: \"\(Self.jsonType(pair.key))\": a mapping key must be a scalar")
                continue
            }
            guard seen.insert(key).inserted else {
                at(.property(key)) { $0.report(.warning, pair.key.mark, "duplicate field \"\($0.fieldPath)\"") }
                continue
            }
            if skipping.contains(key) { continue }
            let value = pair.value
            if let property = schema.properties[key] {
                if value.isNull && !property.nullable { continue }  // pruned, then defaulted
                at(.property(key)) { $0.validate(value, schema: property, depth: depth + 1) }
                continue
            }
            switch schema.additionalProperties {
            case .schema(let values)?:
                if value.isNull && !values.nullable { continue }
                at(.key(key)) { $0.validate(value, schema: values, depth: depth + 1) }
            case .allowed(true)?:
                continue
            case .allowed(false)?, nil:
                if schema.preserveUnknownFields { continue }
                at(.property(key)) { $0.report(.warning, pair.key.mark, "unknown field \"\($0.fieldPath)\"") }
            }
        }
        for name in schema.required where !skipping.contains(name) {
            let value = node[name]
            let property = schema.properties[name]
            if let value, !value.isNull || property?.nullable == true { continue }
            if property?.defaultValue != nil { continue }
            at(.property(name)) { $0.error(node.mark, "Required value") }
        }
        for rule in schema.validations {
            guard let holds = CELSubset.evaluate(rule.rule, on: node) else { continue }
            if !holds {
                let message = rule.message.isEmpty ? "failed rule: \(rule.rule)" : rule.message
                error(node.mark, "Invalid value: \"object\": \(message)")
            }
        }
    }
}
