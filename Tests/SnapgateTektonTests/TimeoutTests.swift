import Foundation
import SnapgateModel
import SnapgateNode
import SnapgateTekton
import Testing

/// Each step forks `sleep 1000`, records its pid, and waits: only killing the process group ends it.
/// Timeouts are seconds long: on a loaded 2-core machine (the whole suite runs in parallel) a step
/// can take seconds to start and write its pid, and a timeout that fires first leaves nothing to check.
@Suite("Timeouts kill the whole process group")
struct TimeoutTests {
    static func spec(stepTimeout: String = "", taskTimeout: String = "") -> String {
        """
        params: [{name: dir}]
        tasks:
          - name: hang
            \(taskTimeout.isEmpty ? "" : "timeout: \(taskTimeout)")
            params: [{name: dir, value: $(params.dir)}]
            taskSpec:
              params: [{name: dir}]
              steps:
                - name: sleep
                  \(stepTimeout.isEmpty ? "" : "timeout: \(stepTimeout)")
                  script: |
                    sleep 1000 &
                    echo $! > $(params.dir)/pid
                    wait
          - name: later
            runAfter: [hang]
            taskSpec: {steps: [{script: "true"}]}
        finally:
          - name: cleanup
            taskSpec: {steps: [{script: "true"}]}
        """
    }

    /// The pid the step wrote, once the run is over, must be gone.
    static func expectChildGone(_ sandbox: Sandbox) {
        let pid = sandbox.read("pid").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(pid != nil)
        if let pid { #expect(!isAlive(pid)) }
    }

    @Test("a step timeout fails the task and skips its dependents")
    func stepTimeout() async {
        let sandbox = Sandbox()
        let began = Date()
        let result = await sandbox.run(Self.spec(stepTimeout: "4s"))
        #expect(Date().timeIntervalSince(began) < 60)
        #expect(result.reason == "Failed")
        #expect(result.taskReason("hang") == "Failed")
        let step = result.taskRun("hang")?.mapping("status")?.items("steps").first
        #expect(step?.string("terminationReason") == "TimeoutExceeded")
        #expect(result.skipped == ["later": "PipelineRun was stopping"])
        #expect(result.taskReason("cleanup") == "Succeeded")
        Self.expectChildGone(sandbox)
    }

    @Test("a task timeout ends with TaskRunTimeout")
    func taskTimeout() async {
        let sandbox = Sandbox()
        let began = Date()
        let result = await sandbox.run(Self.spec(taskTimeout: "4s"))
        #expect(Date().timeIntervalSince(began) < 60)
        #expect(result.reason == "Failed")
        #expect(result.taskReason("hang") == "TaskRunTimeout")
        #expect(
            result.taskRun("hang")?.conditions.first?.message == "TaskRun \"run1-hang\" failed to finish within \"4s\"")
        Self.expectChildGone(sandbox)
    }

    @Test("a pipeline timeout ends with PipelineRunTimeout")
    func pipelineTimeout() async {
        let sandbox = Sandbox()
        let began = Date()
        let result = await sandbox.run(Self.spec(), timeouts: Timeouts(pipeline: 10_000))
        #expect(Date().timeIntervalSince(began) < 60)
        #expect(!result.succeeded)
        #expect(result.reason == "PipelineRunTimeout")
        #expect(result.message == "PipelineRun \"run1\" failed to finish within \"10s\"")
        #expect(result.taskReason("hang") == "TaskRunCancelled")
        #expect(result.skipped["later"] == "PipelineRun timeout has been reached")
        #expect(result.skipped["cleanup"] == "PipelineRun timeout has been reached")
        Self.expectChildGone(sandbox)
    }

    @Test("a tasks timeout still runs finally")
    func tasksTimeout() async {
        let sandbox = Sandbox()
        let result = await sandbox.run(Self.spec(), timeouts: Timeouts(pipeline: 60_000, tasks: 10_000))
        #expect(result.reason == "PipelineRunTimeout")
        #expect(result.taskReason("hang") == "TaskRunCancelled")
        #expect(result.skipped["later"] == "PipelineRun Tasks timeout has been reached")
        #expect(result.taskReason("cleanup") == "Succeeded")
        Self.expectChildGone(sandbox)
    }

    @Test("cancelling the calling task kills the steps")
    func cancellation() async {
        let sandbox = Sandbox()
        let run = Task { await sandbox.run(Self.spec()) }
        // Wait (bounded) until the step has started its child, then cancel.
        for _ in 0..<200 where sandbox.read("pid") == nil { try? await Task.sleep(for: .milliseconds(50)) }
        run.cancel()
        let result = await run.value
        #expect(result.reason == "Cancelled")
        #expect(result.taskReason("hang") == "TaskRunCancelled")
        Self.expectChildGone(sandbox)
    }
}
