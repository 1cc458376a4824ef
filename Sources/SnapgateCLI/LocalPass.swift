import SnapgateGit
import SnapgateLoader
import SnapgateModel
import SnapgateReconciler
import SnapgateRules

/// A reconcile pass as the commands run it: with the local executor when asked (its progress in
/// the live view or as lines, its log directory announced), the pass memo keyed by this build,
/// and failures as one clear line.
enum LocalPass {
    /// Runs the pass; `present` shows its outcome while the state files the next process starts
    /// from are written (they are on disk when this returns). `whileCommitting` sees the changes
    /// while the commit is made (`Reconciler.whileCommitting`).
    static func run(
        repository: GitRepository, branch: String, now: Timestamp?, executor: ExecutorKind,
        present: (ReconcileOutcome) -> Void = { _ in }, whileCommitting: (@Sendable ([FileChange]) -> Void)? = nil
    ) async throws(CommandFailure) -> ReconcileOutcome {
        let clock = now ?? Timestamp.wallClock()
        let view = ProgressView()
        var runner: (any RunExecutor)?
        if executor == .local {
            let local = LocalExecutor(
                repository: repository, clock: { now ?? Timestamp.wallClock() },
                progress: { run, event in view.record(run: run, event: event) })
            Terminal.writeErr("snapgate: running test pipelines locally; step logs in \(local.logDirectory)\n")
            runner = local
        }
        let redraw = Task { await view.run() }
        let attempt: Result<ReconcileOutcome, any Error>
        do {
            // One pass per process: a parse cache would only be filled (a lost race re-reads everything).
            var reconciler = Reconciler(repository: repository, cache: ParseCache(enabled: false))
            let settings = RuleSettings.fromEnvironment()
            reconciler.memoFingerprint = BuildIdentity.current.map { "\($0)|\(settings)|\(executor.rawValue)" }
            reconciler.whileCommitting = whileCommitting
            attempt = .success(
                try await reconciler.reconcile(branch: branch, now: clock, settings: settings, executor: runner))
            // Its index of the branch is large: kept to the exit (after keepUntilExit), not freed before it.
            BackgroundRelease.drop(reconciler)
        } catch {
            attempt = .failure(error)
        }
        // The live view's last drawing stays above the report.
        view.stop()
        redraw.cancel()
        await redraw.value
        switch attempt {
        case .success(let outcome):
            present(outcome)
            await Reconciler.settle()
            return outcome
        case .failure(let error):
            throw CommandFailure("reconcile of '\(branch)' could not complete: \(error)")
        }
    }
}
