import Foundation
import SnapgateGit
import SnapgateLoader
import SnapgateModel
import SnapgateReconciler

/// The warm cases: one `Reconciler` with one `ParseCache` inside the bench process, as the
/// long-running mode will hold them.
enum WarmReconciler {
    /// Opens `repository`, runs a priming pass (not measured), runs `between` (which commits
    /// the new build), then times a second pass (incremental) and a third (no-op).
    static func measure(
        repository: URL, now: String, between: () throws -> Void
    ) async throws -> (incremental: Sample, noOp: Sample) {
        guard let clock = Timestamp(rfc3339: now) else {
            throw SetupError(description: "--now must be an RFC 3339 time, not '\(now)'")
        }
        let cache = ParseCache()
        let reconciler = Reconciler(repository: try GitRepository(path: repository.path), cache: cache)
        _ = try await reconciler.reconcile(branch: Generator.branch, now: clock)
        try between()
        // A pass's memory is freed behind it: a long-running reconciler's next pass comes when
        // the branch moves, long after that; here it would come at once and share the machine
        // with the freeing of the priming pass's ~100 MB (noise that grows with the repository).
        await BackgroundRelease.drained()
        let incremental = try await timedPass(reconciler, now: clock)
        await BackgroundRelease.drained()
        let noOp = try await timedPass(reconciler, now: clock)
        return (incremental, noOp)
    }

    private static func timedPass(_ reconciler: Reconciler, now: Timestamp) async throws -> Sample {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = try await reconciler.reconcile(branch: Generator.branch, now: now)
        let elapsed = clock.now - start
        return Sample(seconds: elapsed.seconds, peakBytes: selfPeakBytes(), committed: outcome.commit != nil)
    }
}
