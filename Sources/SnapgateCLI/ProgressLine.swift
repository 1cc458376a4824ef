import SnapgateModel
import SnapgateTekton

/// One line per task state change of a local run, for logs and pipes.
enum ProgressLine {
    static func text(run: String, event: ProgressEvent) -> String {
        switch event {
        case .taskStarted(let task, _):
            return "  \(run) \(task): started\n"
        case .taskFinished(let task, _, let succeeded, let reason, let elapsed):
            return
                "  \(run) \(task): \(succeeded ? "succeeded" : "failed (\(reason))") in \(formatGoDuration(elapsed))\n"
        case .taskSkipped(let task, let reason):
            return "  \(run) \(task): skipped (\(reason))\n"
        }
    }
}
