public import SnapgateNode

extension StructuralSchema {
    /// Why a JSON document could not be read as a structural schema.
    struct DecodingFailure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// Builds a schema from an `openAPIV3Schema` document in JSON.
    ///
    /// `patterns` caches compiled patterns across the schemas built together.
    static func decode(json: String, patterns: inout [String: SchemaPattern]) throws -> StructuralSchema {
        try decode(try JSONValue.parse(json), path: "openAPIV3Schema", patterns: &patterns)
    }

    private static func decode(
        _ value: JSONValue, path: String, patterns: inout [String: SchemaPattern]
    ) throws(DecodingFailure) -> StructuralSchema {
        guard case .object = value else { throw DecodingFailure(path: path, reason: "not an object") }

        func string(_ key: String) throws(DecodingFailure) -> String? {
            guard let v = value[key] else { return nil }
            guard case .string(let s) = v else { throw DecodingFailure(path: path, reason: "\(key) is not a string") }
            return s
        }
        func bool(_ key: String) throws(DecodingFailure) -> Bool {
            guard let v = value[key] else { return false }
            guard case .bool(let b) = v else { throw DecodingFailure(path: path, reason: "\(key) is not a boolean") }
            return b
        }
        func int(_ key: String) throws(DecodingFailure) -> Int? {
            guard let v = value[key] else { return nil }
            guard case .int(let i) = v else { throw DecodingFailure(path: path, reason: "\(key) is not an integer") }
            return i
        }
        func number(_ key: String) throws(DecodingFailure) -> Double? {
            switch value[key] {
            case nil: return nil
            case .int(let i): return Double(i)
            case .double(let d): return d
            default: throw DecodingFailure(path: path, reason: "\(key) is not a number")
            }
        }
        func strings(_ key: String) throws(DecodingFailure) -> [String] {
            guard let v = value[key] else { return [] }
            guard case .array(let items) = v else { throw DecodingFailure(path: path, reason: "\(key) is not a list") }
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else {
                    throw DecodingFailure(path: path, reason: "\(key) holds a non-string")
                }
                out.append(s)
            }
            return out
        }

        var types: [SchemaType] = []
        if let name = try string("type") {
            guard let type = SchemaType(rawValue: name) else {
                throw DecodingFailure(path: path, reason: "unknown type \(name)")
            }
            types = [type]
        }
        var properties: [String: StructuralSchema] = [:]
        if case .object(let entries)? = value["properties"] {
            for (name, sub) in entries {
                properties[name] = try decode(sub, path: path + ".properties." + name, patterns: &patterns)
            }
        }
        let items = try value["items"].map { v throws(DecodingFailure) in
            try decode(v, path: path + ".items", patterns: &patterns)
        }
        var additional: AdditionalProperties?
        switch value["additionalProperties"] {
        case nil: additional = nil
        case .bool(let b)?: additional = .allowed(b)
        case let v?: additional = .schema(try decode(v, path: path + ".additionalProperties", patterns: &patterns))
        }
        var enumValues: [JSONValue]?
        if let v = value["enum"] {
            guard case .array(let members) = v else { throw DecodingFailure(path: path, reason: "enum is not a list") }
            enumValues = members
        }
        var pattern: SchemaPattern?
        if let source = try string("pattern") {
            if let cached = patterns[source] {
                pattern = cached
            } else {
                let compiled = SchemaPattern(source)
                patterns[source] = compiled
                pattern = compiled
            }
        }
        var validations: [ValidationRule] = []
        if case .array(let rules)? = value["x-kubernetes-validations"] {
            for rule in rules {
                guard case .string(let expression)? = rule["rule"] else {
                    throw DecodingFailure(path: path, reason: "validation rule without rule")
                }
                var message = ""
                if case .string(let m)? = rule["message"] { message = m }
                validations.append(ValidationRule(rule: expression, message: message))
            }
        }
        return StructuralSchema(
            types: types,
            properties: properties,
            required: try strings("required"),
            items: items,
            additionalProperties: additional,
            enumValues: enumValues,
            pattern: pattern,
            format: try string("format"),
            minimum: try number("minimum"),
            maximum: try number("maximum"),
            exclusiveMinimum: try bool("exclusiveMinimum"),
            exclusiveMaximum: try bool("exclusiveMaximum"),
            minLength: try int("minLength"),
            maxLength: try int("maxLength"),
            minItems: try int("minItems"),
            maxItems: try int("maxItems"),
            minProperties: try int("minProperties"),
            maxProperties: try int("maxProperties"),
            nullable: try bool("nullable"),
            preserveUnknownFields: try bool("x-kubernetes-preserve-unknown-fields"),
            intOrString: try bool("x-kubernetes-int-or-string"),
            embeddedResource: try bool("x-kubernetes-embedded-resource"),
            listType: try string("x-kubernetes-list-type"),
            listMapKeys: try strings("x-kubernetes-list-map-keys"),
            mapType: try string("x-kubernetes-map-type"),
            defaultValue: value["default"],
            validations: validations
        )
    }
}
