import Foundation
import SnapgateModel
import SnapgateTekton
import Synchronization

/// How local runs show their progress: on a terminal, a live view of runs and tasks with elapsed
/// time, redrawn in place; in a pipe or CI, one line per state change (issue 4 "Progress").
final class ProgressView: Sendable {
    private struct TaskState {
        var name: String
        var state: String
        var started: ContinuousClock.Instant
        var elapsed: Duration?
    }

    private struct State {
        var runs: [(name: String, tasks: [TaskState])] = []
        var drawnLines = 0
        var finished = false
    }

    private let live: Bool
    private let state = Mutex(State())
    private let clock = ContinuousClock()

    /// A live view when stderr is a terminal (and `TERM` is not `dumb`), lines otherwise.
    init(live: Bool = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb") {
        self.live = live
    }

    /// Records one event of run `run`.
    func record(run: String, event: ProgressEvent) {
        guard live else {
            Terminal.writeErr(ProgressLine.text(run: run, event: event))
            return
        }
        let now = clock.now
        state.withLock { state in
            var index = state.runs.firstIndex { $0.name == run }
            if index == nil {
                state.runs.append((run, []))
                index = state.runs.count - 1
            }
            guard let index else { return }
            switch event {
            case .taskStarted(let task, _):
                state.runs[index].tasks.append(TaskState(name: task, state: "running", started: now))
            case .taskFinished(let task, _, let succeeded, let reason, _):
                if let t = state.runs[index].tasks.firstIndex(where: { $0.name == task }) {
                    state.runs[index].tasks[t].state = succeeded ? "✓ succeeded" : "✗ \(reason)"
                    state.runs[index].tasks[t].elapsed = now - state.runs[index].tasks[t].started
                }
            case .taskSkipped(let task, let reason):
                state.runs[index].tasks.append(
                    TaskState(name: task, state: "– skipped (\(reason))", started: now, elapsed: .zero))
            }
        }
    }

    /// Redraws the live view until `stop()`; a no-op in line mode.
    func run() async {
        guard live else { return }
        while !Task.isCancelled {
            draw()
            if state.withLock({ $0.finished }) { return }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Draws the final state and stops redrawing.
    func stop() {
        guard live else { return }
        draw()
        state.withLock { $0.finished = true }
    }

    private func draw() {
        let now = clock.now
        let text: String = state.withLock { state in
            var lines: [String] = []
            for run in state.runs {
                lines.append("  \(run.name)")
                for task in run.tasks {
                    let elapsed = task.elapsed ?? (now - task.started)
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                    lines.append("    \(task.name)  \(task.state)  \(String(format: "%.1fs", seconds))")
                }
            }
            // Move up over the previous drawing and clear it, then draw anew.
            var out = state.drawnLines > 0 ? "\u{1B}[\(state.drawnLines)F\u{1B}[J" : ""
            out += lines.map { $0 + "\n" }.joined()
            state.drawnLines = lines.count
            return out
        }
        if !text.isEmpty { Terminal.writeErr(text) }
    }
}
