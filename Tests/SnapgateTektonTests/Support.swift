import Foundation
import SnapgateModel
import SnapgateNode
import SnapgateTekton
import SnapgateYAML
import Testing

/// Parses one YAML document.
func yaml(_ text: String) -> YAMLNode {
    YAMLParser.parse(Array(text.utf8)).documents[0].root!
}

/// Collects progress events from the scheduler.
final class EventLog: @unchecked Sendable {
    // Safe: every access holds `lock`.
    private let lock = NSLock()
    private var storage: [ProgressEvent] = []

    func append(_ event: ProgressEvent) {
        lock.lock()
        storage.append(event)
        lock.unlock()
    }

    var events: [ProgressEvent] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// A temporary directory for one test's logs and marker files.
struct Sandbox {
    let path: String

    init() {
        var template = Array("\(NSTemporaryDirectory())/snapgate-tekton-test-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: "\(path)/\(name)").map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs a pipeline spec given as YAML; `tasks` maps taskRef names to Task specs in YAML.
    func run(
        _ spec: String, params: [String: ParamValue] = [:], timeouts: Timeouts = Timeouts(pipeline: 120_000),
        jobs: Int = 4, environment: [String: String] = [:], tasks: [String: String] = [:],
        events: EventLog = EventLog()
    ) async -> PipelineRunResult {
        let resolved = tasks.mapValues(yaml)
        let execution = PipelineExecution(
            pipelineRunName: "run1", namespace: "ns", pipelineSpec: yaml(spec),
            params: params.merging(["dir": .string(path)]) { a, _ in a }, timeouts: timeouts, jobs: jobs,
            logDirectory: "\(path)/logs", environment: environment,
            clock: { Timestamp(milliseconds: Int64(Date().timeIntervalSince1970 * 1000)) },
            resolveTask: { ref in
                guard let name = ref["name"]?.string, let spec = resolved[name] else {
                    throw LookupError(name: ref["name"]?.string ?? "")
                }
                return spec
            })
        // On threads of its own: the timeouts these tests check are seconds long, and the whole
        // suite runs in parallel, where tests that drive the git CLI synchronously can hold every
        // thread of the shared pool for longer than that (a step then started after its pipeline
        // had timed out).
        return await withTaskExecutorPreference(PipelineTestExecutor.shared) {
            await execution.run { events.append($0) }
        }
    }
}

/// Runs the pipelines of these tests on a dispatch queue of their own rather than on Swift's
/// shared cooperative pool.
final class PipelineTestExecutor: TaskExecutor {
    static let shared = PipelineTestExecutor()
    private let queue = DispatchQueue(label: "snapgate.tekton-tests", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}

struct LookupError: Error, CustomStringConvertible {
    var name: String
    var description: String { "no Task named \(name)" }
}

/// True while a process exists and is not a zombie.
func isAlive(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return false }
    let text = String(decoding: stat, as: UTF8.self)
    guard let close = text.lastIndex(of: ")") else { return true }
    return !text[text.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
}

extension PipelineRunResult {
    /// The TaskRun of a pipeline task.
    func taskRun(_ pipelineTask: String) -> YAMLNode? {
        taskRuns.first { $0.label("tekton.dev/pipelineTask") == pipelineTask }
    }

    /// A TaskRun's result value (string results).
    func result(_ pipelineTask: String, _ name: String) -> String? {
        taskRun(pipelineTask)?.mapping("status")?.items("results").first { $0.string("name") == name }?
            .string("value")
    }

    /// A TaskRun's `Succeeded` reason.
    func taskReason(_ pipelineTask: String) -> String? {
        taskRun(pipelineTask)?.conditions.condition("Succeeded")?.reason
    }

    /// `skippedTasks` as name → reason.
    var skipped: [String: String] {
        var map: [String: String] = [:]
        for entry in status.items("skippedTasks") { map[entry.stringOrEmpty("name")] = entry.stringOrEmpty("reason") }
        return map
    }

    var message: String {
        status.items("conditions").first.map { $0.stringOrEmpty("message") } ?? ""
    }

    /// A pipeline result's value.
    func pipelineResult(_ name: String) -> YAMLNode? {
        status.items("results").first { $0.string("name") == name }?["value"]
    }
}
