import Foundation
import SnapgateModel
import SnapgateNode

/// Walks a pipeline's DAG and then its `finally` tasks, starting ready TaskRuns up to `jobs` at a
/// time, skipping what Tekton would skip, and assembles the result.
struct Scheduler {
    enum TaskState {
        case pending
        case running
        case done(TaskRunRecord)
        case skipped(String)
    }

    enum Decision {
        case wait
        case skip(String)
        case start
    }

    let execution: PipelineExecution
    let run: StatusBuilder.Run
    let model: PipelineModel
    let params: [String: ParamValue]
    let specs: [String: YAMLNode]
    let scratch: String
    var states: [String: TaskState] = [:]
    var workspacePaths: [String: String] = [:]
    /// A DAG task failed: no further DAG task starts.
    var stopping = false
    /// A pipeline-level limit (or cancellation) stopped a TaskRun.
    var stopCause: StopCause?
    var pipelineDeadline: Deadline?
    var tasksDeadline: Deadline?
    var finallyDeadline: Deadline?

    init(
        execution: PipelineExecution, run: StatusBuilder.Run, model: PipelineModel, params: [String: ParamValue],
        specs: [String: YAMLNode], scratch: String
    ) {
        self.execution = execution
        self.run = run
        self.model = model
        self.params = params
        self.specs = specs
        self.scratch = scratch
        for task in model.allTasks { states[task.name] = .pending }
    }

    mutating func run(startTime: Timestamp, progress: @Sendable (ProgressEvent) -> Void) async -> PipelineRunResult {
        let began = ContinuousClock.now
        for workspace in model.workspaces {
            let path = "\(scratch)/workspaces/\(workspace)"
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            workspacePaths[workspace] = path
        }
        let timeouts = execution.timeouts
        pipelineDeadline = timeouts.pipeline.map { Deadline(instant: began + .milliseconds($0), cause: .pipeline) }
        tasksDeadline = timeouts.tasks.map { Deadline(instant: began + .milliseconds($0), cause: .tasks) }
        var inFinally = false
        await withTaskGroup(of: TaskRunRecord.self) { group in
            var running = 0
            while true {
                var ready: [PipelineTask] = []
                var changed = true
                while changed {
                    changed = false
                    ready = []
                    for task in inFinally ? model.finally : model.tasks {
                        guard case .pending? = states[task.name] else { continue }
                        switch decide(task) {
                        case .wait: break
                        case .start: ready.append(task)
                        case .skip(let reason):
                            states[task.name] = .skipped(reason)
                            progress(.taskSkipped(pipelineTask: task.name, reason: reason))
                            changed = true
                        }
                    }
                }
                for task in ready where running < execution.jobs {
                    let request = makeRequest(task)
                    states[task.name] = .running
                    progress(.taskStarted(pipelineTask: task.name, taskRun: request.taskRunName))
                    group.addTask { await TaskRunner.run(request) }
                    running += 1
                }
                if running == 0 {
                    guard !inFinally else { break }
                    inFinally = true
                    finallyDeadline = timeouts.finally.map {
                        Deadline(instant: .now + .milliseconds($0), cause: .finally)
                    }
                    continue
                }
                guard let record = await group.next() else { break }
                running -= 1
                finish(record, progress: progress)
            }
        }
        return result(startTime: startTime)
    }

    private mutating func finish(_ record: TaskRunRecord, progress: @Sendable (ProgressEvent) -> Void) {
        let task = record.request.pipelineTask
        let final = record.final
        states[task.name] = .done(record)
        progress(
            .taskFinished(
                pipelineTask: task.name, taskRun: record.request.taskRunName, succeeded: final.succeeded,
                reason: final.reason, elapsedMilliseconds: record.elapsedMilliseconds))
        guard !final.succeeded else { return }
        switch final.stoppedBy {
        case .pipeline?, .tasks?, .finally?, .cancelled?:
            if stopCause == nil || final.stoppedBy == .pipeline || final.stoppedBy == .cancelled {
                stopCause = final.stoppedBy
            }
        default:
            if !task.isFinally { stopping = true }
        }
    }

    private func passed(_ deadline: Deadline?) -> Bool {
        guard let deadline else { return false }
        return deadline.instant <= .now
    }

    /// Tekton's skipping rules, in Tekton's order, for a pending task.
    private func decide(_ task: PipelineTask) -> Decision {
        let cancelled = Task.isCancelled || stopCause == .cancelled
        if task.isFinally {
            if cancelled { return .skip(SkipReason.stopping) }
            if passed(pipelineDeadline) || stopCause == .pipeline { return .skip(SkipReason.pipelineTimeout) }
            if passed(finallyDeadline) || stopCause == .finally { return .skip(SkipReason.finallyTimeout) }
        } else {
            if cancelled || stopping { return .skip(SkipReason.stopping) }
            if passed(pipelineDeadline) || stopCause == .pipeline { return .skip(SkipReason.pipelineTimeout) }
            if passed(tasksDeadline) || stopCause == .tasks { return .skip(SkipReason.tasksTimeout) }
            var parentSkipped = false
            for dependency in task.dependencies {
                switch states[dependency] {
                case .pending?, .running?, nil: return .wait
                case .skipped(let reason)?: parentSkipped = parentSkipped || reason != SkipReason.when
                case .done?: break
                }
            }
            if parentSkipped { return .skip(SkipReason.parentSkipped) }
        }
        let scope = pipelineScope()
        for reference in task.resultReferences where scope.taskResults[reference.task]?[reference.result] == nil {
            return .skip(SkipReason.missingResults)
        }
        for expression in task.when {
            let input = scope.substitute(expression.input)
            let contains = scope.substitute(list: expression.values).contains(input)
            if contains != (expression.op == "in") { return .skip(SkipReason.when) }
        }
        return .start
    }

    /// Params, context, results of finished tasks and (for `finally`) task statuses.
    private func pipelineScope() -> Scope {
        var scope = Scope(params: params)
        scope.plain = [
            "context.pipelineRun.name": run.name, "context.pipelineRun.namespace": run.namespace,
            "context.pipelineRun.uid": run.uid, "context.pipeline.name": run.pipelineName,
        ]
        var anyFailed = false
        var anyOther = false
        for task in model.tasks {
            let status: String
            switch states[task.name] {
            case .done(let record)?:
                status = record.final.succeeded ? "Succeeded" : "Failed"
                scope.plain["tasks.\(task.name).reason"] = record.final.reason
            default:
                status = "None"
            }
            anyFailed = anyFailed || status == "Failed"
            anyOther = anyOther || status == "None"
            scope.plain["tasks.\(task.name).status"] = status
        }
        scope.plain["tasks.status"] = anyFailed ? "Failed" : anyOther ? "Completed" : "Succeeded"
        for task in model.allTasks {
            guard case .done(let record)? = states[task.name] else { continue }
            scope.taskResults[task.name] = Dictionary(
                record.final.results.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        }
        return scope
    }

    private func makeRequest(_ task: PipelineTask) -> TaskRunRequest {
        let taskRunName = Names.child(run.name, suffix: "-\(task.name)")
        let scope = pipelineScope()
        return TaskRunRequest(
            taskRunName: taskRunName, namespace: run.namespace, pipelineTask: task,
            taskSpec: specs[task.name] ?? .mapping([]), taskName: task.taskRef?.string("name") ?? taskRunName,
            params: task.params.map { ($0.name, scope.substitute($0.value)) }, workspacePaths: workspacePaths,
            context: scope.plain.filter { $0.key.hasPrefix("context.") }, uid: Names.uid("\(run.uid)/\(taskRunName)"),
            environment: execution.environment, logDirectory: execution.logDirectory,
            scratchDirectory: "\(scratch)/taskruns",
            deadlines: [pipelineDeadline, task.isFinally ? finallyDeadline : tasksDeadline].compactMap { $0 },
            clock: execution.clock)
    }

    private func result(startTime: Timestamp) -> PipelineRunResult {
        var records: [TaskRunRecord] = []
        var skipped: [YAMLNode] = []
        var skippedCount = 0
        var timedOutBySkip = false
        for task in model.allTasks {
            switch states[task.name] {
            case .done(let record)?: records.append(record)
            case .skipped(let reason)?:
                skipped.append(StatusBuilder.skipped(task, reason: reason))
                skippedCount += 1
                timedOutBySkip =
                    timedOutBySkip
                    || [SkipReason.pipelineTimeout, SkipReason.tasksTimeout, SkipReason.finallyTimeout]
                        .contains(reason)
            default: break
            }
        }
        let cancelledCount = records.filter { $0.final.reason == "TaskRunCancelled" }.count
        let failedCount = records.filter { !$0.final.succeeded }.count - cancelledCount
        let counts =
            "Tasks Completed: \(records.count) (Failed: \(failedCount), Cancelled \(cancelledCount)), "
            + "Skipped: \(skippedCount)"
        let timeouts = execution.timeouts
        let reason: String
        let message: String
        if stopCause == .cancelled || Task.isCancelled {
            (reason, message) = ("Cancelled", "PipelineRun \"\(run.name)\" was cancelled")
        } else if stopCause != nil || timedOutBySkip {
            let limit: Int64?
            switch stopCause {
            case .tasks?: limit = timeouts.tasks
            case .finally?: limit = timeouts.finally
            default: limit = timeouts.pipeline
            }
            reason = "PipelineRunTimeout"
            message = "PipelineRun \"\(run.name)\" failed to finish within \"\(formatGoDuration(limit ?? 0))\""
        } else if failedCount + cancelledCount > 0 {
            (reason, message) = ("Failed", counts)
        } else if skippedCount > 0 {
            (reason, message) = ("Completed", counts)
        } else {
            (reason, message) = ("Succeeded", counts)
        }
        let succeeded = reason == "Succeeded" || reason == "Completed"
        let scope = pipelineScope()
        let results: [(name: String, value: ParamValue)] = model.results.compactMap { result in
            let value = scope.substitute(result.value)
            let texts: [String]
            switch value {
            case .string(let text): texts = [text]
            case .array(let items): texts = items
            case .object(let map): texts = Array(map.values)
            }
            return texts.contains { !Scope.referencedResults(in: $0).isEmpty } ? nil : (result.name, value)
        }
        let completionTime = execution.clock()
        let status = StatusBuilder.pipelineRunStatus(
            condition: StatusBuilder.condition(
                succeeded: succeeded, reason: reason, message: message, at: completionTime),
            startTime: startTime, completionTime: completionTime, childReferences: records, skipped: skipped,
            results: results, pipelineSpec: execution.pipelineSpec)
        return PipelineRunResult(status: status, taskRuns: records.map { StatusBuilder.taskRun($0, run: run) })
    }
}
