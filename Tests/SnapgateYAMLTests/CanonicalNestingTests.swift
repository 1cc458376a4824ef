import SnapgateYAML
import Testing

/// Kubernetes' leading fields lead only at a document's root; nested mappings are plainly sorted,
/// as Go's encoder sorts map keys (a condition reads `lastTransitionTime, message, reason, status, type`).
@Test func leadingKeysOnlyAtTheRoot() {
    let condition = YAMLNode.mapping([
        ("type", .string("Succeeded")), ("status", .string("True")), ("reason", .string("Done")),
        ("lastTransitionTime", .string("2025-11-09T13:10:00Z")), ("message", .string("")),
    ])
    let document = YAMLNode.mapping([
        ("status", .mapping([("conditions", .sequence([condition]))])),
        ("spec", .mapping([("kind", .string("x")), ("apiVersion", .string("y"))])),
        ("metadata", .mapping([("name", .string("n"))])), ("kind", .string("PipelineRun")),
        ("apiVersion", .string("tekton.dev/v1")), ("extra", .bool(true)),
    ])
    #expect(
        YAMLEmitter.emit(document) == """
            apiVersion: tekton.dev/v1
            kind: PipelineRun
            metadata:
              name: "n"
            spec:
              apiVersion: "y"
              kind: x
            status:
              conditions:
                - lastTransitionTime: "2025-11-09T13:10:00Z"
                  message: ""
                  reason: Done
                  status: "True"
                  type: Succeeded
            extra: true

            """)
    #expect(YAMLParser.parse(Array(YAMLEmitter.emit(document).utf8)).documents.first?.root == document.canonicalized())
}
