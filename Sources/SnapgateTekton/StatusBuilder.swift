import SnapgateModel
import SnapgateNode

/// Pure builders of the Tekton v1 documents snapgate records: TaskRuns and the PipelineRun status.
enum StatusBuilder {
    /// The identity of the run the documents belong to.
    struct Run: Sendable {
        var name: String
        var namespace: String
        var uid: String
        var pipelineName: String
    }

    static func condition(succeeded: Bool, reason: String, message: String, at time: Timestamp) -> YAMLNode {
        Condition(
            type: "Succeeded", status: succeeded ? "True" : "False", reason: reason, message: message,
            lastTransitionTime: time.rfc3339
        ).node
    }

    static func params(_ params: [(name: String, value: ParamValue)]) -> YAMLNode {
        .sequence(params.map { .mapping([("name", .string($0.name)), ("value", $0.value.node)]) })
    }

    static func results(_ results: [(name: String, value: ParamValue)]) -> YAMLNode {
        .sequence(
            results.map {
                .mapping([("name", .string($0.name)), ("type", .string($0.value.typeName)), ("value", $0.value.node)])
            })
    }

    /// A complete TaskRun document.
    static func taskRun(_ record: TaskRunRecord, run: Run) -> YAMLNode {
        let request = record.request
        let task = request.pipelineTask
        var labels: [String: String] = [
            "app.kubernetes.io/managed-by": "tekton-pipelines",
            "tekton.dev/memberOf": task.isFinally ? "finally" : "tasks",
            "tekton.dev/pipeline": run.pipelineName,
            "tekton.dev/pipelineRun": run.name,
            "tekton.dev/pipelineTask": task.name,
        ]
        if let taskName = task.taskRef?.string("name") { labels["tekton.dev/task"] = taskName }
        let owner = OwnerReference(
            apiVersion: "tekton.dev/v1", kind: "PipelineRun", name: run.name, uid: run.uid, controller: true,
            blockOwnerDeletion: true)
        let metadata = YAMLNode.mapping([
            ("name", .string(request.taskRunName)), ("namespace", .string(run.namespace)),
            ("labels", .stringMap(labels)), ("ownerReferences", .sequence([owner.node])),
        ])

        var spec: [(String, YAMLNode)] = []
        if !request.params.isEmpty { spec.append(("params", params(request.params))) }
        if let taskRef = task.taskRef {
            spec.append(("taskRef", taskRef))
        } else {
            spec.append(("taskSpec", request.taskSpec))
        }
        if let timeout = task.timeoutMilliseconds { spec.append(("timeout", .string(formatGoDuration(timeout)))) }
        if task.retries > 0 { spec.append(("retries", .int(task.retries))) }

        var status = attemptStatus(record.final)
        if record.attempts.count > 1 {
            status.append(("retriesStatus", .sequence(record.attempts.dropLast().map { .mapping(attemptStatus($0)) })))
        }
        status.append(("taskSpec", request.taskSpec))
        return .mapping([
            ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("TaskRun")), ("metadata", metadata),
            ("spec", .mapping(spec)), ("status", .mapping(status)),
        ])
    }

    private static func attemptStatus(_ attempt: AttemptRecord) -> [(String, YAMLNode)] {
        var status: [(String, YAMLNode)] = [
            (
                "conditions",
                .sequence([
                    condition(
                        succeeded: attempt.succeeded, reason: attempt.reason, message: attempt.message,
                        at: attempt.completionTime)
                ])
            ),
            ("startTime", .string(attempt.startTime.rfc3339)),
            ("completionTime", .string(attempt.completionTime.rfc3339)),
        ]
        if !attempt.steps.isEmpty { status.append(("steps", .sequence(attempt.steps.map(step)))) }
        if !attempt.results.isEmpty { status.append(("results", results(attempt.results))) }
        return status
    }

    private static func step(_ step: StepRecord) -> YAMLNode {
        var terminated: [(String, YAMLNode)] = [
            ("exitCode", .int(Int(step.exitCode))), ("reason", .string(step.reason)),
        ]
        if let startedAt = step.startedAt { terminated.append(("startedAt", .string(startedAt.rfc3339))) }
        if let finishedAt = step.finishedAt { terminated.append(("finishedAt", .string(finishedAt.rfc3339))) }
        if let message = step.message { terminated.append(("message", .string(message))) }
        return .mapping([
            ("name", .string(step.name)), ("container", .string("step-\(step.name)")), ("image", .string(step.image)),
            ("terminated", .mapping(terminated)), ("terminationReason", .string(step.terminationReason)),
        ])
    }

    /// A skipped task's `skippedTasks` entry.
    static func skipped(_ task: PipelineTask, reason: String) -> YAMLNode {
        var entry: [(String, YAMLNode)] = [("name", .string(task.name)), ("reason", .string(reason))]
        if reason == SkipReason.when { entry.append(("whenExpressions", .sequence(task.when.map(\.node)))) }
        return .mapping(entry)
    }

    /// A PipelineRun status.
    static func pipelineRunStatus(
        condition: YAMLNode, startTime: Timestamp, completionTime: Timestamp, childReferences: [TaskRunRecord],
        skipped: [YAMLNode], results: [(name: String, value: ParamValue)], pipelineSpec: YAMLNode
    ) -> YAMLNode {
        var status: [(String, YAMLNode)] = [
            ("conditions", .sequence([condition])), ("startTime", .string(startTime.rfc3339)),
            ("completionTime", .string(completionTime.rfc3339)),
        ]
        if !childReferences.isEmpty {
            status.append(
                (
                    "childReferences",
                    .sequence(
                        childReferences.map {
                            .mapping([
                                ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("TaskRun")),
                                ("name", .string($0.request.taskRunName)),
                                ("pipelineTaskName", .string($0.request.pipelineTask.name)),
                            ])
                        })
                ))
        }
        if !skipped.isEmpty { status.append(("skippedTasks", .sequence(skipped))) }
        if !results.isEmpty {
            status.append(
                (
                    "results",
                    .sequence(results.map { .mapping([("name", .string($0.name)), ("value", $0.value.node)]) })
                ))
        }
        status.append(("pipelineSpec", pipelineSpec))
        return .mapping(status)
    }
}

/// Tekton v1's skipping reasons (`skippedTasks[].reason`).
enum SkipReason {
    static let when = "When Expressions evaluated to false"
    static let parentSkipped = "Parent Tasks were skipped"
    static let missingResults = "Results were missing"
    static let stopping = "PipelineRun was stopping"
    static let pipelineTimeout = "PipelineRun timeout has been reached"
    static let tasksTimeout = "PipelineRun Tasks timeout has been reached"
    static let finallyTimeout = "PipelineRun Finally timeout has been reached"
}
