public import SnapgateNode

/// The PipelineRun's `timeouts`, in milliseconds; nil means no limit. Tekton's default for
/// `pipeline` is one hour: callers apply it (`Timeouts.tektonDefault`).
public struct Timeouts: Sendable, Hashable {
    /// The whole run, finally tasks included.
    public var pipeline: Int64?
    /// The `tasks` section (the DAG), from the start of the run.
    public var tasks: Int64?
    /// The `finally` section, from when it starts.
    public var finally: Int64?

    /// Creates timeouts; nil values mean no limit.
    public init(pipeline: Int64? = nil, tasks: Int64? = nil, finally: Int64? = nil) {
        self.pipeline = pipeline
        self.tasks = tasks
        self.finally = finally
    }

    /// Tekton's default: one hour for the whole pipeline.
    public static let tektonDefault = Timeouts(pipeline: 3_600_000)
}

/// What happens during a run, for a live view. Sent from the scheduler, in order.
public enum ProgressEvent: Sendable, Hashable {
    /// A TaskRun started (retries happen inside it).
    case taskStarted(pipelineTask: String, taskRun: String)
    /// A TaskRun ended; `reason` is its `Succeeded` condition reason.
    case taskFinished(
        pipelineTask: String, taskRun: String, succeeded: Bool, reason: String, elapsedMilliseconds: Int64)
    /// A pipeline task was skipped (Tekton's skipping reason).
    case taskSkipped(pipelineTask: String, reason: String)
}

/// The outcome of a run in Tekton's shapes.
public struct PipelineRunResult: Sendable {
    /// The PipelineRun's `status` (Tekton v1).
    public var status: YAMLNode
    /// One complete TaskRun document per executed pipeline task (finally tasks included), in
    /// pipeline order; skipped tasks have none.
    public var taskRuns: [YAMLNode]

    /// Creates a result.
    public init(status: YAMLNode, taskRuns: [YAMLNode]) {
        self.status = status
        self.taskRuns = taskRuns
    }

    /// The `Succeeded` condition's status is `True`.
    public var succeeded: Bool { condition?.string("status") == "True" }

    /// The `Succeeded` condition's reason (`Succeeded`, `Completed`, `Failed`, `PipelineRunTimeout`, …).
    public var reason: String { condition?.string("reason") ?? "" }

    private var condition: YAMLNode? {
        status.items("conditions").first { $0.string("type") == "Succeeded" }
    }
}

extension YAMLNode {
    fileprivate func string(_ key: String) -> String? { self[key]?.string }
    fileprivate func items(_ key: String) -> [YAMLNode] { self[key]?.sequence ?? [] }
}
