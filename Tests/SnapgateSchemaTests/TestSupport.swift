import SnapgateSchema
import SnapgateYAML
import Testing

/// One line per violation: `line:column severity field: message`.
func render(_ violations: [SchemaViolation]) -> [String] {
    violations.map { "\($0.mark) \($0.severity.rawValue) \($0.description)" }
}

/// Validates a YAML text (read with `MiniYAML`) against a schema and renders the findings.
func check(_ yaml: String, _ schema: StructuralSchema) -> [String] {
    render(SchemaValidator.validate(MiniYAML.parse(yaml), schema: schema))
}

/// Validates a YAML text against the Konflux catalog entry its apiVersion/kind select.
func checkKonflux(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    let object = MiniYAML.parse(yaml)
    guard let violations = SchemaCatalog.konflux.validate(object) else {
        Issue.record("no schema for the object", sourceLocation: sourceLocation)
        return []
    }
    return render(violations)
}

/// A whole-object schema whose `spec` is `spec` (metadata is validated as ObjectMeta regardless).
func objectSchema(spec: StructuralSchema) -> StructuralSchema {
    .object(["apiVersion": .string(), "kind": .string(), "metadata": StructuralSchema(types: [.object]), "spec": spec])
}

/// The header of a test object, lines 1–4, so that `spec:` is on line 5 and its fields from line 6.
let header = """
    apiVersion: example.com/v1
    kind: Example
    metadata:
      name: example
    """

/// Test inputs are read with the real YAML layer, so positions are the ones users see.
enum MiniYAML {
    static func parse(_ text: String) -> YAMLNode {
        let stream = YAMLParser.parse(Array(text.utf8), path: "test.yaml")
        precondition(stream.errors.isEmpty, "test input does not parse: \(stream.errors)")
        return stream.documents.first?.root ?? .null()
    }
}
