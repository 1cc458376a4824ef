import Foundation
import SnapgateModel
import SnapgateNode

/// Everything one TaskRun needs, prepared by the scheduler.
struct TaskRunRequest: Sendable {
    var taskRunName: String
    var namespace: String
    var pipelineTask: PipelineTask
    /// The Task spec, inline or resolved from the `taskRef`.
    var taskSpec: YAMLNode
    /// The name `$(context.task.name)` gives: the referenced Task, else the TaskRun.
    var taskName: String
    /// The pipeline task's params after pipeline-level substitution.
    var params: [(name: String, value: ParamValue)]
    /// Pipeline workspace name → its directory.
    var workspacePaths: [String: String]
    /// Pipeline-level plain references (`context.pipelineRun.name`, …).
    var context: [String: String]
    var uid: String
    var environment: [String: String]
    var logDirectory: String
    var scratchDirectory: String
    /// Pipeline-level limits (pipeline, tasks or finally timeouts).
    var deadlines: [Deadline]
    var clock: @Sendable () -> Timestamp
}

/// The state of one step after an attempt.
struct StepRecord: Sendable {
    var name: String
    var image: String
    var exitCode: Int32
    /// `terminated.reason`: `Completed`, `Error`, `TaskRunTimeout`, `TaskRunCancelled`.
    var reason: String
    /// Tekton's `terminationReason`: `Completed`, `Continued`, `Error`, `TimeoutExceeded`, `Skipped`, …
    var terminationReason: String
    var startedAt: Timestamp?
    var finishedAt: Timestamp?
    /// The tail of the step's log, for the step that ended the TaskRun.
    var message: String?
}

/// One attempt of a TaskRun.
struct AttemptRecord: Sendable {
    var startTime: Timestamp
    var completionTime: Timestamp
    var succeeded: Bool
    var reason: String
    var message: String
    var steps: [StepRecord]
    var results: [(name: String, value: ParamValue)]
    var stoppedBy: StopCause?
}

/// A finished TaskRun: its attempts in order, the last one deciding.
struct TaskRunRecord: Sendable {
    var request: TaskRunRequest
    var attempts: [AttemptRecord]
    var elapsedMilliseconds: Int64

    var final: AttemptRecord { attempts[attempts.count - 1] }
}

/// Runs one TaskRun: steps in order as processes, results read from files, retried up to the
/// pipeline task's `retries` while it fails for its own reasons.
enum TaskRunner {
    /// At most this much of a failing step's log goes into `steps[].terminated.message`.
    static let logTailBytes = 4096

    static func run(_ request: TaskRunRequest) async -> TaskRunRecord {
        let began = ContinuousClock.now
        var attempts: [AttemptRecord] = []
        for attempt in 0...request.pipelineTask.retries {
            let record = await runAttempt(request, attempt: attempt)
            attempts.append(record)
            if record.succeeded || record.reason == "TaskRunValidationFailed" { break }
            if let cause = record.stoppedBy, cause != .task && cause != .step { break }
        }
        let elapsed = ContinuousClock.now - began
        return TaskRunRecord(
            request: request, attempts: attempts,
            elapsedMilliseconds: elapsed.components.seconds * 1000 + elapsed.components.attoseconds
                / 1_000_000_000_000_000)
    }

    private static func runAttempt(_ request: TaskRunRequest, attempt: Int) async -> AttemptRecord {
        let startTime = request.clock()
        let attemptBegan = ContinuousClock.now
        func finish(
            _ succeeded: Bool, _ reason: String, _ message: String, steps: [StepRecord] = [],
            results: [(name: String, value: ParamValue)] = [], stoppedBy: StopCause? = nil
        ) -> AttemptRecord {
            AttemptRecord(
                startTime: startTime, completionTime: request.clock(), succeeded: succeeded, reason: reason,
                message: message, steps: steps, results: results, stoppedBy: stoppedBy)
        }
        let spec = request.taskSpec
        let name = request.taskRunName
        let suffix = attempt == 0 ? "" : "-retry\(attempt)"
        let base = "\(request.scratchDirectory)/\(name)\(suffix)"
        let logDirectory = "\(request.logDirectory)/\(name)"
        let resultsDirectory = "\(base)/results"
        let home = "\(base)/home"
        let work = "\(base)/work"

        let prepared: PreparedTask
        do {
            for directory in [resultsDirectory, home, work, "\(base)/scripts", logDirectory] {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            prepared = try prepare(request, attempt: attempt, base: base, resultsDirectory: resultsDirectory)
        } catch let failure as RunFailure {
            return finish(false, failure.reason, failure.message)
        } catch {
            return finish(false, "TaskRunValidationFailed", "TaskRun \"\(name)\" cannot be prepared: \(error)")
        }

        var deadlines = request.deadlines
        if let timeout = request.pipelineTask.timeoutMilliseconds, timeout > 0 {
            deadlines.append(Deadline(instant: attemptBegan + .milliseconds(timeout), cause: .task))
        }
        var steps: [StepRecord] = []
        var failure: (reason: String, message: String, cause: StopCause?)?
        for step in prepared.steps {
            if let failure {
                let reason = failure.cause == nil || failure.cause == .step ? "Error" : failure.reason
                steps.append(
                    StepRecord(
                        name: step.name, image: step.image, exitCode: 1, reason: reason, terminationReason: "Skipped"))
                continue
            }
            let logPath = "\(logDirectory)/\(step.name)\(suffix).log"
            var stepDeadlines = deadlines
            if let timeout = step.timeoutMilliseconds, timeout > 0 {
                stepDeadlines.append(Deadline(instant: ContinuousClock.now + .milliseconds(timeout), cause: .step))
            }
            let startedAt = request.clock()
            let outcome: ProcessOutcome
            do {
                try FileManager.default.createDirectory(
                    atPath: step.workingDirectory, withIntermediateDirectories: true)
                var processRequest = step.process
                processRequest.logPath = logPath
                outcome = try await StepProcess.run(processRequest, deadlines: stepDeadlines)
            } catch {
                let message = "\"step-\(step.name)\" could not start: \(error)"
                try? message.write(toFile: logPath, atomically: false, encoding: .utf8)
                steps.append(
                    StepRecord(
                        name: step.name, image: step.image, exitCode: 127, reason: "Error", terminationReason: "Error",
                        startedAt: startedAt, finishedAt: request.clock(), message: message))
                failure = ("Failed", message, nil)
                continue
            }
            var record = StepRecord(
                name: step.name, image: step.image, exitCode: outcome.exitCode, reason: "Completed",
                terminationReason: "Completed", startedAt: startedAt, finishedAt: request.clock())
            switch outcome.stoppedBy {
            case .step?:
                record.reason = "Error"
                record.terminationReason = "TimeoutExceeded"
                let limit = formatGoDuration(step.timeoutMilliseconds ?? 0)
                failure = (
                    "Failed",
                    "\"step-\(step.name)\" exited because the step exceeded the specified timeout limit; "
                        + "step timed out after \(limit)", .step
                )
            case .task?:
                record.reason = "TaskRunTimeout"
                record.terminationReason = "TaskRunTimeout"
                let limit = formatGoDuration(request.pipelineTask.timeoutMilliseconds ?? 0)
                failure = ("TaskRunTimeout", "TaskRun \"\(name)\" failed to finish within \"\(limit)\"", .task)
            case let cause?:
                record.reason = "TaskRunCancelled"
                record.terminationReason = "TaskRunCancelled"
                let why = cause == .cancelled ? "has been cancelled" : "has timed out"
                failure = (
                    "TaskRunCancelled",
                    "TaskRun \"\(name)\" was cancelled. TaskRun cancelled as the PipelineRun it belongs to \(why).",
                    cause
                )
            case nil where outcome.exitCode != 0 && step.continueOnError:
                record.terminationReason = "Continued"
            case nil where outcome.exitCode != 0:
                record.reason = "Error"
                record.terminationReason = "Error"
                failure = ("Failed", "\"step-\(step.name)\" exited with code \(outcome.exitCode)", nil)
            case nil:
                break
            }
            if failure != nil { record.message = logTail(logPath) }
            steps.append(record)
        }
        let results = readResults(spec, directory: resultsDirectory)
        if let failure {
            return finish(
                false, failure.reason, failure.message, steps: steps, results: results, stoppedBy: failure.cause)
        }
        return finish(true, "Succeeded", "All Steps have completed executing", steps: steps, results: results)
    }

    /// The last bytes of a log file, decoded leniently.
    static func logTail(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return nil }
        let start = size > UInt64(logTailBytes) ? size - UInt64(logTailBytes) : 0
        try? handle.seek(toOffset: start)
        guard let data = try? handle.readToEnd(), !data.isEmpty else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Declared results whose files exist: strings as written, arrays and objects from JSON.
    private static func readResults(_ spec: YAMLNode, directory: String) -> [(name: String, value: ParamValue)] {
        spec.items("results").compactMap { item in
            guard let name = item.string("name"),
                let data = FileManager.default.contents(atPath: "\(directory)/\(name)")
            else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            switch item.string("type") ?? (item["properties"] != nil ? "object" : "string") {
            case "array":
                guard case .array(let items)? = try? JSONValue.parse(text) else { return (name, .string(text)) }
                return (name, .array(items.map { $0.string ?? $0.compactText }))
            case "object":
                guard case .object(let entries)? = try? JSONValue.parse(text) else { return (name, .string(text)) }
                var map: [String: String] = [:]
                for entry in entries { map[entry.key] = entry.value.string ?? entry.value.compactText }
                return (name, .object(map))
            default:
                return (name, .string(text))
            }
        }
    }
}
