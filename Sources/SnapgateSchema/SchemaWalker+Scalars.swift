import SnapgateNode

/// Type checks and scalar keywords: enum, pattern, lengths, bounds, format.
extension SchemaWalker {
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
        // Rendered only for a message: this runs for every string of every manifest.
        var value: String { Self.literal(node) }
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
        var literal: String { Self.literal(node) }
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
}
