/// A hand-written subset of the Tekton Pipelines schemas (`tekton.dev` `v1` and `v1beta1`).
///
/// Tekton's own CRDs declare `x-kubernetes-preserve-unknown-fields` for the whole `spec` and
/// `status` and validate in a webhook; this subset types only the fields snapgate reads, and
/// preserves everything else, so it never rejects a field Tekton accepts.
enum TektonSchemas {
    static let group = "tekton.dev"

    static var entries: [SchemaCatalog.Entry] {
        var out: [SchemaCatalog.Entry] = []
        for kind in ["Pipeline", "PipelineRun", "Task", "TaskRun"] {
            for version in ["v1", "v1beta1"] {
                out.append(
                    SchemaCatalog.Entry(
                        gvk: GroupVersionKind(group: group, version: version, kind: kind),
                        isStorageVersion: version == "v1",
                        schema: schema(kind: kind, version: version),
                        origin: .handWritten))
            }
        }
        return out
    }

    static func schema(kind: String, version: String) -> StructuralSchema {
        let v1 = version == "v1"
        var root: [String: StructuralSchema] = [
            "apiVersion": .string(),
            "kind": .string(),
            "metadata": .preservedObject,
        ]
        switch kind {
        case "PipelineRun":
            root["spec"] = .object(
                [
                    "params": .array(of: param),
                    "pipelineRef": reference,
                    "timeouts": timeouts,
                ], preserveUnknownFields: true)
            var status: [String: StructuralSchema] = runStatusFields
            status["childReferences"] = .array(of: childReference)
            status[v1 ? "results" : "pipelineResults"] = .array(of: result)
            root["status"] = .object(status, preserveUnknownFields: true)
        case "TaskRun":
            root["spec"] = .object(
                [
                    "params": .array(of: param),
                    "taskRef": reference,
                    "timeout": .string(),
                ], preserveUnknownFields: true)
            var status: [String: StructuralSchema] = runStatusFields
            status[v1 ? "results" : "taskResults"] = .array(of: result)
            root["status"] = .object(status, preserveUnknownFields: true)
        default:  // Pipeline, Task
            root["spec"] = .object(["params": .array(of: paramSpec)], preserveUnknownFields: true)
        }
        return .object(root)
    }

    /// A parameter or result value: a string, an array of strings, or an object of strings.
    static let paramValue = StructuralSchema(
        types: [.string, .array, .object], items: .string(), additionalProperties: .schema(.string()))

    /// `Param`: `{name, value}`.
    static let param = StructuralSchema.object(["name": .string(), "value": paramValue], required: ["name"])

    /// `ParamSpec` of a Pipeline or Task: typed name, type and default; the rest preserved.
    static let paramSpec = StructuralSchema.object(
        [
            "name": .string(),
            "type": .string(enumValues: ["string", "array", "object"]),
            "description": .string(),
            "default": paramValue,
        ], required: ["name"], preserveUnknownFields: true)

    /// `pipelineRef` / `taskRef`: name, resolver and resolver params typed; bundle, kind, … preserved.
    static let reference = StructuralSchema.object(
        [
            "name": .string(),
            "resolver": .string(),
            "params": .array(of: param),
        ], preserveUnknownFields: true)

    /// `timeouts` of a PipelineRun: Go durations as strings.
    static let timeouts = StructuralSchema.object(
        ["pipeline": .string(), "tasks": .string(), "finally": .string()])

    /// A Knative condition.
    static let condition = StructuralSchema.object(
        [
            "type": .string(),
            "status": .string(),
            "severity": .string(),
            "reason": .string(),
            "message": .string(),
            "lastTransitionTime": .string(format: "date-time"),
        ], required: ["type", "status"])

    /// A run result `{name, value}` (v1 TaskRun results also carry a `type`).
    static let result = StructuralSchema.object(
        ["name": .string(), "type": .string(), "value": paramValue], required: ["name"])

    /// A PipelineRun's `childReferences` item.
    static let childReference = StructuralSchema.object(
        [
            "name": .string(),
            "pipelineTaskName": .string(),
            "kind": .string(),
            "apiVersion": .string(),
        ], preserveUnknownFields: true)

    /// Status fields shared by PipelineRun and TaskRun.
    static var runStatusFields: [String: StructuralSchema] {
        [
            "conditions": .array(of: condition),
            "startTime": .string(format: "date-time"),
            "completionTime": .string(format: "date-time"),
        ]
    }
}
