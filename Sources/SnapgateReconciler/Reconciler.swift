public import SnapgateGit
public import SnapgateLoader
public import SnapgateModel
public import SnapgateRules

/// What one `reconcile` did.
public struct ReconcileOutcome: Sendable {
    /// The branch reconciled.
    public var branch: String
    /// The commit the pass read (the branch tip it started from, after any retries).
    public var base: GitObjectID
    /// The commit it made; nil when nothing changed.
    public var commit: GitObjectID?
    /// The files the commit added, changed or removed.
    public var changes: [FileChange]
    /// Problems in the manifests (loader) and found by the rules.
    public var diagnostics: [Diagnostic]
    /// What happened, for people.
    public var events: [RuleEvent]
    /// How many times the branch moved under the pass and it had to start again.
    public var retries: Int
    /// What became of the work tree, when the branch is checked out.
    public var workTree: WorkTreeSync?
    /// The test runs an executor ran in this pass.
    public var executedRuns: [ExecutedRunSummary] = []
}

/// One test run executed within a pass, for the summary people read.
public struct ExecutedRunSummary: Sendable, Hashable {
    public var snapshot: String
    public var scenario: String
    public var pipelineRun: String
    /// Tekton's reason: `Succeeded`, `Failed`, `PipelineRunTimeout`, `CouldntGetPipeline`, …
    public var reason: String
    /// Milliseconds from start to completion.
    public var duration: Int64
}

/// Why a reconcile could not complete.
public struct ReconcileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// One pass of the integration service over a branch: Load → Decide (to a fixpoint) → Write →
/// Publish by compare-and-swap. A lost race means load again and recompute, never force.
public struct Reconciler: Sendable {
    public let repository: GitRepository
    public let loader: RepositoryLoader
    /// How often to start again when the branch moves during a pass before giving up.
    public var maxAttempts = 8
    /// Identifies this snapgate build, its settings and executor: with one, passes over a branch
    /// that has not changed since a pass that left nothing to do are skipped (`PassMemo`). nil
    /// (the default) never skips.
    public var memoFingerprint: String?

    /// Creates a reconciler over `repository`, caching parses in `cache`.
    public init(repository: GitRepository, cache: ParseCache = ParseCache()) {
        self.repository = repository
        self.loader = RepositoryLoader(repository: repository, cache: cache)
    }

    /// Reconciles `branch` at time `now`; with an `executor`, the test runs the pass creates are
    /// run within it, so their results, the verdict and any Release land in the same commit.
    public func reconcile(
        branch: String, now: Timestamp, settings: RuleSettings = RuleSettings(), executor: (any RunExecutor)? = nil
    ) async throws -> ReconcileOutcome {
        var retries = 0
        while true {
            guard let tip = try await repository.branchTip(branch) else {
                throw ReconcileError(message: "branch '\(branch)' has no commits; commit manifests first")
            }
            if let fingerprint = memoFingerprint, let memo = PassMemo.read(in: repository, branch: branch),
                memo.allowsSkipping(tip: tip, fingerprint: fingerprint, now: now)
            {
                return ReconcileOutcome(
                    branch: branch, base: tip, commit: nil, changes: [], diagnostics: memo.diagnostics, events: [],
                    retries: retries, workTree: nil)
            }
            let loaded = try await PhaseTrace.measure("load") { () async throws(GitError) in
                try await loader.load(commit: tip)
            }
            let world = World(
                objects: loaded.objects, orphanedStatusDocuments: loaded.orphanedStatusDocuments,
                defaultNamespace: loaded.config.defaultNamespace)
            var result = PhaseTrace.measure("decide") {
                IntegrationService.reconcile(world, context: RuleContext(now: now, settings: settings))
            }
            var executedKeys: [ObjectKey] = []
            if let executor {
                // Decide ⇄ Execute: each round of runs can lead to new ones (re-runs), so loop, boundedly.
                for _ in 0..<8 {
                    let pending = result.pendingTestRuns
                    guard !pending.isEmpty else { break }
                    for executed in await executor.execute(pending, in: result.world) {
                        result.apply(executed)
                        executedKeys.append(executed.key)
                    }
                    IntegrationService.run(&result)
                }
            }
            let changes = PhaseTrace.measure("changes") { ChangeSet.make(loaded: loaded, result: result) }
            let diagnostics = (loaded.diagnostics + result.diagnostics).sorted()
            var outcome = ReconcileOutcome(
                branch: branch, base: tip, commit: nil, changes: [], diagnostics: diagnostics, events: result.events,
                retries: retries, workTree: nil)

            let published: Publisher.Result
            do {
                published = try await PhaseTrace.measure("publish") { () async throws(GitError) in try await Publisher(repository: repository).publish(
                    changes, onto: tip, branch: branch, now: now,
                    message: { CommitMessage.make(changes: $0, events: result.events) }) }
            } catch {
                // The branch moved while this pass computed: read it again and recompute.
                guard error.code == .conflict, retries + 1 < maxAttempts else { throw error }
                retries += 1
                continue
            }
            outcome.executedRuns = executedKeys.compactMap { Self.summary(of: $0, in: result.world) }
            // The pass reached its fixpoint: over its result, only the clock could change anything.
            if let fingerprint = memoFingerprint, !result.dependsOnClock {
                PassMemo(
                    tip: published.commit ?? tip, fingerprint: fingerprint, wakeUp: result.wakeUp,
                    diagnostics: diagnostics
                ).write(in: repository, branch: branch)
            }
            guard let commit = published.commit else { return outcome }
            outcome.changes = published.changes
            outcome.commit = commit
            outcome.workTree = published.workTree
            return outcome
        }
    }

    private static func summary(of key: ObjectKey, in world: World) -> ExecutedRunSummary? {
        guard let run = world.object(key)?.pipelineRun else { return nil }
        let start = run.status.startTime.flatMap { Timestamp(rfc3339: $0) }
        let end = run.status.completionTime.flatMap { Timestamp(rfc3339: $0) }
        return ExecutedRunSummary(
            snapshot: run.metadata.labels["appstudio.openshift.io/snapshot"] ?? "",
            scenario: run.metadata.labels["test.appstudio.openshift.io/scenario"] ?? "", pipelineRun: key.name,
            reason: run.status.succeeded?.reason ?? "", duration: (end?.milliseconds ?? 0) - (start?.milliseconds ?? 0))
    }
}
