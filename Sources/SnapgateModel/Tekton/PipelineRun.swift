public import SnapgateNode

/// A `{name, value}` result of a Tekton run. Values are kept as nodes: Tekton results may be
/// strings, arrays or objects; the integration service reads string ones.
public struct RunResult: Sendable, Hashable {
    public var name: String
    public var value: YAMLNode

    /// Creates a result.
    public init(name: String, value: YAMLNode) {
        self.name = name
        self.value = value
    }

    /// The value when it is a string.
    public var stringValue: String? { value.string }
}

/// An entry of `status.childReferences` of a PipelineRun.
public struct ChildReference: Sendable, Hashable {
    public var name: String
    public var pipelineTaskName: String
    public var kind: String

    /// Creates a child reference.
    public init(name: String, pipelineTaskName: String, kind: String = "TaskRun") {
        self.name = name
        self.pipelineTaskName = pipelineTaskName
        self.kind = kind
    }
}

/// The parts of a Tekton run's `status` that the integration service reads.
public struct RunStatus: Sendable, Hashable {
    public var conditions: [Condition]
    /// RFC 3339.
    public var startTime: String?
    /// RFC 3339.
    public var completionTime: String?
    public var results: [RunResult]

    /// Reads a status; `resultKeys` are tried in order (v1 `results`, v1beta1 `pipelineResults` /
    /// `taskResults`).
    public init(node: YAMLNode?, resultKeys: [String]) {
        let node = node ?? .mapping([])
        conditions = node.items("conditions").map(Condition.init(node:))
        startTime = node.string("startTime")
        completionTime = node.string("completionTime")
        let key = resultKeys.first { node[$0]?.sequence != nil } ?? resultKeys[0]
        results = node.items(key).map { RunResult(name: $0.stringOrEmpty("name"), value: $0["value"] ?? .null()) }
    }

    /// The `Succeeded` condition, Tekton's summary of a run.
    public var succeeded: Condition? { conditions.condition("Succeeded") }

    /// The string value of the named result.
    public func result(_ name: String) -> String? { results.first { $0.name == name }?.stringValue }
}

/// `tekton.dev/v1` PipelineRun: build records (label `pipelines.appstudio.openshift.io/type:
/// build`) and the integration test runs snapgate writes (SPEC.md §1, §3, §4).
public struct PipelineRun: Sendable, Hashable {
    public var metadata: ObjectMeta
    /// `spec` as written.
    public var spec: YAMLNode
    public var status: RunStatus
    /// `status.childReferences`.
    public var childReferences: [ChildReference]

    /// Reads a PipelineRun from its document.
    public init(node: YAMLNode, metadata: ObjectMeta) {
        self.metadata = metadata
        spec = node.mapping("spec") ?? .mapping([])
        let status = node.mapping("status")
        self.status = RunStatus(node: status, resultKeys: ["results", "pipelineResults"])
        childReferences = (status?.items("childReferences") ?? []).map {
            ChildReference(
                name: $0.stringOrEmpty("name"), pipelineTaskName: $0.stringOrEmpty("pipelineTaskName"),
                kind: $0.string("kind") ?? "TaskRun")
        }
    }

    /// Label `pipelines.appstudio.openshift.io/type` (`build`, `test`, …).
    public var pipelineType: String? { metadata.labels["pipelines.appstudio.openshift.io/type"] }
}

/// `tekton.dev/v1` TaskRun: the per-task results of a test run (`TEST_OUTPUT`, SPEC.md §4.3).
public struct TaskRun: Sendable, Hashable {
    public var metadata: ObjectMeta
    public var status: RunStatus

    /// Reads a TaskRun from its document.
    public init(node: YAMLNode, metadata: ObjectMeta) {
        self.metadata = metadata
        status = RunStatus(node: node.mapping("status"), resultKeys: ["results", "taskResults"])
    }

    /// Label `tekton.dev/pipelineRun`: the run this TaskRun belongs to.
    public var pipelineRunName: String? { metadata.labels["tekton.dev/pipelineRun"] }
    /// Label `tekton.dev/pipelineTask`: the task of the pipeline it ran.
    public var pipelineTaskName: String? { metadata.labels["tekton.dev/pipelineTask"] }
}

/// `tekton.dev/v1` Pipeline or Task, kept as written: the local executor interprets the spec.
public struct TektonDefinition: Sendable, Hashable {
    public var metadata: ObjectMeta
    /// `spec` as written.
    public var spec: YAMLNode

    /// Reads a Pipeline or Task from its document.
    public init(node: YAMLNode, metadata: ObjectMeta) {
        self.metadata = metadata
        spec = node.mapping("spec") ?? .mapping([])
    }
}
