import Foundation
public import SnapgateModel
public import SnapgateNode

/// Runs one Tekton v1 Pipeline on this machine, each step a host process (a step's `image` is
/// recorded, never pulled), and reports Tekton-shaped results.
///
/// Deadlines use the monotonic clock; recorded times come from the injected `clock`.
public struct PipelineExecution: Sendable {
    public var pipelineRunName: String
    public var namespace: String
    /// The Pipeline's `spec` (or a PipelineRun's `pipelineSpec`).
    public var pipelineSpec: YAMLNode
    public var params: [String: ParamValue]
    public var timeouts: Timeouts
    /// How many TaskRuns may run at once (at least 1).
    public var jobs: Int
    /// Step logs go to `<logDirectory>/<taskRun>/<step>.log` (`<step>-retry<n>.log` for retries).
    public var logDirectory: String
    /// The whole environment of a step besides `HOME` (a fresh directory) and `PATH` (this
    /// map's, or a standard one): the caller's allow-list of host variables.
    public var environment: [String: String]
    public var clock: @Sendable () -> Timestamp
    /// Returns the Task spec a `taskRef` node names; a thrown error fails the run (`CouldntGetTask`).
    public var resolveTask: @Sendable (YAMLNode) throws -> YAMLNode
    /// `$(context.pipeline.name)` and the `tekton.dev/pipeline` label; the run's name when nil (as
    /// Tekton does for an embedded `pipelineSpec`).
    public var pipelineName: String?
    /// `$(context.pipelineRun.uid)`; derived from the namespace and name when nil.
    public var uid: String?

    /// Creates an execution; nothing runs until `run(progress:)`.
    public init(
        pipelineRunName: String, namespace: String, pipelineSpec: YAMLNode, params: [String: ParamValue],
        timeouts: Timeouts, jobs: Int, logDirectory: String, environment: [String: String],
        clock: @escaping @Sendable () -> Timestamp, pipelineName: String? = nil, uid: String? = nil,
        resolveTask: @escaping @Sendable (YAMLNode) throws -> YAMLNode
    ) {
        self.pipelineRunName = pipelineRunName
        self.namespace = namespace
        self.pipelineSpec = pipelineSpec
        self.params = params
        self.timeouts = timeouts
        self.jobs = max(1, jobs)
        self.logDirectory = logDirectory
        self.environment = environment
        self.clock = clock
        self.pipelineName = pipelineName
        self.uid = uid
        self.resolveTask = resolveTask
    }

    /// Runs the pipeline to its end: the DAG, then `finally`. Never throws: problems become the
    /// `Succeeded` condition (`PipelineValidationFailed`, `ParameterMissing`, `CouldntGetTask`,
    /// `Failed`, `PipelineRunTimeout`, `Cancelled`). Cancelling the calling task kills running steps.
    public func run(progress: @Sendable (ProgressEvent) -> Void) async -> PipelineRunResult {
        let startTime = clock()
        let run = StatusBuilder.Run(
            name: pipelineRunName, namespace: namespace, uid: uid ?? Names.uid("\(namespace)/\(pipelineRunName)"),
            pipelineName: pipelineName ?? pipelineRunName)
        let prepared: (model: PipelineModel, params: [String: ParamValue], specs: [String: YAMLNode])
        do {
            prepared = try prepare(run)
        } catch {
            let condition = StatusBuilder.condition(
                succeeded: false, reason: error.reason, message: error.message, at: clock())
            return PipelineRunResult(
                status: StatusBuilder.pipelineRunStatus(
                    condition: condition, startTime: startTime, completionTime: clock(), childReferences: [],
                    skipped: [], results: [], pipelineSpec: pipelineSpec),
                taskRuns: [])
        }
        let scratch = makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var scheduler = Scheduler(
            execution: self, run: run, model: prepared.model, params: prepared.params, specs: prepared.specs,
            scratch: scratch)
        return await scheduler.run(startTime: startTime, progress: progress)
    }

    private func prepare(
        _ run: StatusBuilder.Run
    ) throws(RunFailure) -> (model: PipelineModel, params: [String: ParamValue], specs: [String: YAMLNode]) {
        let model = try PipelineModel(spec: pipelineSpec)
        let values = try ParamSpec.resolve(
            model.params, provided: params, owner: "PipelineRun \(namespace)/\(pipelineRunName)")
        var specs: [String: YAMLNode] = [:]
        for task in model.allTasks {
            if let spec = task.taskSpec {
                specs[task.name] = spec
                continue
            }
            guard let taskRef = task.taskRef else { continue }
            let refName = taskRef.string("name") ?? task.name
            do {
                specs[task.name] = try resolveTask(taskRef)
            } catch {
                throw RunFailure(
                    reason: "CouldntGetTask",
                    message: "Pipeline \(namespace)/\(run.pipelineName) can't be Run; it contains Tasks that don't "
                        + "exist: Couldn't retrieve Task \"\(refName)\": \(error)")
            }
        }
        return (model, values, specs)
    }

    private func makeScratchDirectory() -> String {
        var template = Array("\(NSTemporaryDirectory())/snapgate-tekton-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let result = mkdtemp(buffer.baseAddress!) else { return nil }
            return String(cString: result)
        }
        if let path { return path }
        let fallback = "\(NSTemporaryDirectory())/snapgate-tekton-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: fallback, withIntermediateDirectories: true)
        return fallback
    }
}
