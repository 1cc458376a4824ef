public import SnapgateModel
public import SnapgateNode
public import SnapgateRules

/// What running one test PipelineRun produced: its Tekton status and its TaskRuns.
public struct ExecutedRun: Sendable {
    /// The PipelineRun that ran.
    public var key: ObjectKey
    /// Its `status` in Tekton v1's shape.
    public var status: YAMLNode
    /// The TaskRun documents of its tasks (finally tasks included), complete.
    public var taskRuns: [YAMLNode]

    /// Creates the result of a run.
    public init(key: ObjectKey, status: YAMLNode, taskRuns: [YAMLNode]) {
        self.key = key
        self.status = status
        self.taskRuns = taskRuns
    }
}

/// Runs the test PipelineRuns a pass created, within the pass (ARCHITECTURE.md: Decide ⇄
/// Execute to a fixpoint). `none` is the absence of an executor: someone else fills in results.
public protocol RunExecutor: Sendable {
    /// Runs `runs` (test PipelineRuns without a status) and returns what each produced. A run that
    /// cannot start (its pipeline cannot be resolved, say) still returns a failed status.
    func execute(_ runs: [ManifestObject], in world: World) async -> [ExecutedRun]
}

extension Reconciliation {
    /// Test PipelineRuns waiting for an executor: labelled `pipelines.appstudio.openshift.io/type:
    /// test`, still carrying the integration finalizer, with no status and not cancelled.
    public var pendingTestRuns: [ManifestObject] {
        world.all(.pipelineRun).filter { object in
            guard let run = object.pipelineRun, run.pipelineType == "test" else { return false }
            return object.node["status"] == nil && object.node.mapping("spec")?.string("status") == nil
                && run.metadata.finalizers.contains("test.appstudio.openshift.io/pipelinerun")
        }
    }

    /// Records what an executor produced: the run's status, and its TaskRuns as new objects.
    public mutating func apply(_ executed: ExecutedRun) {
        update(executed.key) { $0.setting("status", to: executed.status) }
        for taskRun in executed.taskRuns {
            create(taskRun)
        }
    }
}
