import Foundation
public import SnapgateGit
public import SnapgateModel
import SnapgateNode
public import SnapgateRules
public import SnapgateTekton

/// The `local` executor (issue 4): resolves each test PipelineRun's pipeline from the repository
/// and runs it on this machine with the Tekton engine, steps as host processes. Opt-in, because it
/// runs code from the repository.
public struct LocalExecutor: RunExecutor {
    /// The variables a step may see from snapgate's environment; everything else (tokens,
    /// credentials, CI secrets) stays out.
    public static let environmentAllowList = ["PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ"]

    public let resolver: PipelineResolver
    /// Where step logs go: outside the work tree (GITOPS.md: no untracked files).
    public let logDirectory: String
    /// How many tasks of one pipeline run at once.
    public let jobs: Int
    /// The times recorded in statuses.
    public let clock: @Sendable () -> Timestamp
    /// Called on every task state change, for progress views.
    public let progress: @Sendable (String, ProgressEvent) -> Void

    /// Creates a local executor for `repository`; logs go under `<git dir>/snapgate/logs` unless
    /// `logDirectory` is given.
    public init(
        repository: GitRepository, logDirectory: String? = nil, jobs: Int? = nil,
        clock: @escaping @Sendable () -> Timestamp,
        progress: @escaping @Sendable (String, ProgressEvent) -> Void = { _, _ in }
    ) {
        resolver = PipelineResolver(repository: repository)
        self.logDirectory = logDirectory ?? repository.gitDirectory + "/snapgate/logs"
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.clock = clock
        self.progress = progress
    }

    public func execute(_ runs: [ManifestObject], in world: World) async -> [ExecutedRun] {
        var executed: [ExecutedRun] = []
        for run in runs {
            executed.append(await execute(run, in: world))
        }
        return executed
    }

    private func execute(_ run: ManifestObject, in world: World) async -> ExecutedRun {
        let resolved: ResolvedPipeline
        switch await resolver.resolve(run, in: world) {
        case .success(let pipeline): resolved = pipeline
        case .failure(let failure): return failed(run, reason: failure.reason, message: failure.message)
        }
        let spec = run.node.mapping("spec") ?? .mapping([])
        var params: [String: ParamValue] = [:]
        for param in spec.items("params") {
            guard let name = param.string("name"), let value = param["value"].flatMap(ParamValue.init(node:)) else {
                continue
            }
            params[name] = value
        }
        let tasks = resolved.tasks
        let environment = ProcessInfo.processInfo.environment.filter { Self.environmentAllowList.contains($0.key) }
        let name = run.key.name
        let execution = PipelineExecution(
            pipelineRunName: name, namespace: run.key.namespace, pipelineSpec: resolved.spec, params: params,
            timeouts: timeouts(spec.mapping("timeouts")), jobs: jobs, logDirectory: logDirectory + "/" + name,
            environment: environment, clock: clock, pipelineName: resolved.name,
            resolveTask: { ref in
                guard let task = tasks[ResolvedPipeline.key(of: ref)] else {
                    throw ResolutionFailure(reason: "CouldntGetTask", message: "the task was not resolved beforehand")
                }
                return task
            })
        let progress = self.progress
        let result = await execution.run(progress: { progress(name, $0) })
        return ExecutedRun(key: run.key, status: result.status, taskRuns: result.taskRuns)
    }

    /// `spec.timeouts` of the run (written from the scenario's annotations, SPEC.md §3.2), else
    /// Tekton's default of one hour.
    private func timeouts(_ node: YAMLNode?) -> Timeouts {
        guard let node else { return .tektonDefault }
        let pipeline = node.string("pipeline").flatMap(parseGoDuration)
        let tasks = node.string("tasks").flatMap(parseGoDuration)
        let finally = node.string("finally").flatMap(parseGoDuration)
        if pipeline == nil && tasks == nil && finally == nil { return .tektonDefault }
        return Timeouts(pipeline: pipeline ?? Timeouts.tektonDefault.pipeline, tasks: tasks, finally: finally)
    }

    /// The status of a run that could not start, in Tekton's shape.
    private func failed(_ run: ManifestObject, reason: String, message: String) -> ExecutedRun {
        let time = clock().rfc3339
        let status = YAMLNode.mapping([
            ("startTime", .string(time)), ("completionTime", .string(time)),
            (
                "conditions",
                .sequence([
                    Condition(
                        type: "Succeeded", status: "False", reason: reason, message: message, lastTransitionTime: time
                    )
                    .node
                ])
            ),
        ])
        return ExecutedRun(key: run.key, status: status, taskRuns: [])
    }
}
