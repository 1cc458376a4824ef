// STUB for parallel development: replaced by the schema module on merge.
public import SnapgateYAML

public struct StructuralSchema: Sendable {}
public struct SchemaCatalog: Sendable {
    public static let konflux = SchemaCatalog()
    public func schema(group: String, version: String, kind: String) -> StructuralSchema? { nil }
}
public struct SchemaViolation: Sendable, Hashable {
    public enum Severity: Sendable, Hashable { case error, warning }
    public var severity: Severity
    public var field: String
    public var mark: YAMLMark
    public var message: String
}
public enum SchemaValidator {
    public static func validate(_ object: YAMLNode, schema: StructuralSchema) -> [SchemaViolation] { [] }
}
