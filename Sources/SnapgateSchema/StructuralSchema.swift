public import SnapgateNode

/// The type a schema node allows (`type:` in an OpenAPI v3 structural schema).
public enum SchemaType: String, Sendable, Hashable, CaseIterable {
    case object
    case array
    case string
    case integer
    case number
    case boolean
}

/// What a schema says about keys its `properties` do not list.
public enum AdditionalProperties: Sendable {
    /// `additionalProperties: true` (any value) or `false` (none).
    case allowed(Bool)
    /// `additionalProperties: <schema>`: every unlisted key's value must satisfy the schema.
    case schema(StructuralSchema)
}

/// One `x-kubernetes-validations` rule (a CEL expression and the message shown when it fails).
public struct ValidationRule: Sendable, Hashable {
    /// The CEL expression.
    public var rule: String
    /// The message reported when the rule evaluates to false (empty: Kubernetes' default message).
    public var message: String

    /// Creates a rule.
    public init(rule: String, message: String) {
        self.rule = rule
        self.message = message
    }
}

/// A node of a Kubernetes structural schema (the `openAPIV3Schema` of a CRD version), reduced to
/// the keywords the API server validates with.
///
/// Instances are immutable and shared; a schema tree is built once (by `SchemaCatalog` or in code)
/// and read concurrently by any number of validations.
public final class StructuralSchema: Sendable {
    /// The allowed types; empty means any type (int-or-string and preserve-unknown-fields nodes).
    ///
    /// CRD schemas have at most one. More than one is a snapgate extension for hand-written schemas
    /// (a Tekton parameter value may be a string, an array or an object).
    public let types: [SchemaType]
    /// Known fields of an object, by name.
    public let properties: [String: StructuralSchema]
    /// Fields an object must have.
    public let required: [String]
    /// The schema of every array item.
    public let items: StructuralSchema?
    /// What unlisted object keys may hold; nil when the schema does not say (they are pruned).
    public let additionalProperties: AdditionalProperties?
    /// The allowed values, if restricted.
    public let enumValues: [JSONValue]?
    /// A regular expression strings must match (RE2 syntax, unanchored like Go's `MatchString`).
    public let pattern: SchemaPattern?
    /// A named string format (`date-time` is checked; others are informational).
    public let format: String?
    /// Lower bound of a number.
    public let minimum: Double?
    /// Upper bound of a number.
    public let maximum: Double?
    /// Whether `minimum` itself is excluded.
    public let exclusiveMinimum: Bool
    /// Whether `maximum` itself is excluded.
    public let exclusiveMaximum: Bool
    /// Minimum string length, in Unicode scalars.
    public let minLength: Int?
    /// Maximum string length, in Unicode scalars.
    public let maxLength: Int?
    /// Minimum array length.
    public let minItems: Int?
    /// Maximum array length.
    public let maxItems: Int?
    /// Minimum number of object keys.
    public let minProperties: Int?
    /// Maximum number of object keys.
    public let maxProperties: Int?
    /// Whether `null` is a valid value (otherwise a null field is pruned, i.e. treated as absent).
    public let nullable: Bool
    /// `x-kubernetes-preserve-unknown-fields`: unlisted keys are kept and not reported.
    public let preserveUnknownFields: Bool
    /// `x-kubernetes-int-or-string`: the value may be an integer or a string.
    public let intOrString: Bool
    /// `x-kubernetes-embedded-resource`: the value is a Kubernetes object with apiVersion, kind and metadata.
    public let embeddedResource: Bool
    /// `x-kubernetes-list-type`: `atomic`, `set` or `map`.
    public let listType: String?
    /// `x-kubernetes-list-map-keys`: the keys identifying items of a `map` list.
    public let listMapKeys: [String]
    /// `x-kubernetes-map-type`: `granular` or `atomic` (informational).
    public let mapType: String?
    /// The value the API server fills in when the field is absent.
    public let defaultValue: JSONValue?
    /// `x-kubernetes-validations` rules (snapgate evaluates the simple forms it recognises).
    public let validations: [ValidationRule]
    /// `validations` parsed once (nil for a rule outside the subset snapgate evaluates).
    let compiledValidations: [CELSubset.Rule?]
    /// `properties` as a list, for `property(_:)`.
    private let propertyList: [(name: String, schema: StructuralSchema)]

    /// Creates a schema node; every keyword is optional.
    public init(
        types: [SchemaType] = [],
        properties: [String: StructuralSchema] = [:],
        required: [String] = [],
        items: StructuralSchema? = nil,
        additionalProperties: AdditionalProperties? = nil,
        enumValues: [JSONValue]? = nil,
        pattern: SchemaPattern? = nil,
        format: String? = nil,
        minimum: Double? = nil,
        maximum: Double? = nil,
        exclusiveMinimum: Bool = false,
        exclusiveMaximum: Bool = false,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        minItems: Int? = nil,
        maxItems: Int? = nil,
        minProperties: Int? = nil,
        maxProperties: Int? = nil,
        nullable: Bool = false,
        preserveUnknownFields: Bool = false,
        intOrString: Bool = false,
        embeddedResource: Bool = false,
        listType: String? = nil,
        listMapKeys: [String] = [],
        mapType: String? = nil,
        defaultValue: JSONValue? = nil,
        validations: [ValidationRule] = []
    ) {
        self.types = types
        self.properties = properties
        self.required = required
        self.items = items
        self.additionalProperties = additionalProperties
        self.enumValues = enumValues
        self.pattern = pattern
        self.format = format
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.minLength = minLength
        self.maxLength = maxLength
        self.minItems = minItems
        self.maxItems = maxItems
        self.minProperties = minProperties
        self.maxProperties = maxProperties
        self.nullable = nullable
        self.preserveUnknownFields = preserveUnknownFields
        self.intOrString = intOrString
        self.embeddedResource = embeddedResource
        self.listType = listType
        self.listMapKeys = listMapKeys
        self.mapType = mapType
        self.defaultValue = defaultValue
        self.validations = validations
        compiledValidations = validations.map { CELSubset.compile($0.rule) }
        propertyList = properties.map { (name: $0.key, schema: $0.value) }
    }

    /// The schema of the listed property `name`. Validation asks this for every field of every
    /// object: most objects have a few properties, and comparing a few short strings (small ones
    /// compare as two words, and most differ in length) is cheaper than hashing the name — up to
    /// a few dozen properties.
    func property(_ name: String) -> StructuralSchema? {
        guard propertyList.count <= 32 else { return properties[name] }
        // By index, lengths first: `for entry in propertyList` copied every entry scanned (two
        // reference counts each, on objects every parsing core shares).
        let length = name.utf8.count
        for index in propertyList.indices
        where propertyList[index].name.utf8.count == length && propertyList[index].name == name {
            return propertyList[index].schema
        }
        return nil
    }

    /// The single declared type, or nil when the node allows several (or any).
    public var type: SchemaType? { types.count == 1 ? types[0] : nil }

    /// The schema of the field `name`: its property schema, else the `additionalProperties` schema.
    public func field(_ name: String) -> StructuralSchema? {
        if let schema = properties[name] { return schema }
        if case .schema(let schema) = additionalProperties { return schema }
        return nil
    }
}

extension StructuralSchema {
    /// A string schema.
    public static func string(
        format: String? = nil,
        pattern: SchemaPattern? = nil,
        enumValues: [String]? = nil,
        maxLength: Int? = nil
    ) -> StructuralSchema {
        StructuralSchema(
            types: [.string], enumValues: enumValues.map { $0.map(JSONValue.string) }, pattern: pattern,
            format: format, maxLength: maxLength)
    }

    /// A boolean schema.
    public static var boolean: StructuralSchema { StructuralSchema(types: [.boolean]) }

    /// An integer schema.
    public static func integer(minimum: Double? = nil) -> StructuralSchema {
        StructuralSchema(types: [.integer], minimum: minimum)
    }

    /// An array schema whose items satisfy `items`.
    public static func array(of items: StructuralSchema) -> StructuralSchema {
        StructuralSchema(types: [.array], items: items)
    }

    /// An object schema with the given fields; unknown fields are reported unless
    /// `preserveUnknownFields` is set.
    public static func object(
        _ properties: [String: StructuralSchema],
        required: [String] = [],
        preserveUnknownFields: Bool = false
    ) -> StructuralSchema {
        StructuralSchema(
            types: [.object], properties: properties, required: required,
            preserveUnknownFields: preserveUnknownFields)
    }

    /// An object schema whose every value satisfies `values` (a `map[string]T`).
    public static func map(of values: StructuralSchema) -> StructuralSchema {
        StructuralSchema(types: [.object], additionalProperties: .schema(values))
    }

    /// An object that keeps and accepts anything (`type: object` + preserve-unknown-fields).
    public static var preservedObject: StructuralSchema {
        StructuralSchema(types: [.object], preserveUnknownFields: true)
    }
}
