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
///
/// The first pass over a branch reads every manifest and decides every namespace (on every core);
/// later passes of the same reconciler (and, with a `memoFingerprint`, of later processes) read
/// only what a tree diff shows changed, and decide only the namespaces it touches (`PassIndex`).
public struct Reconciler: Sendable {
    public let repository: GitRepository
    public let loader: RepositoryLoader
    /// What earlier passes learnt about each branch's tree.
    public let indexes: PassIndexStore
    /// How often to start again when the branch moves during a pass before giving up.
    public var maxAttempts = 8
    /// Identifies this snapgate build, its settings and executor: with one, passes over a branch
    /// that has not changed since a pass that left nothing to do are skipped (`PassMemo`), and a
    /// new process starts from the index the last one left (`PassIndexFile`). nil (the default)
    /// never skips and keeps indexes in memory only.
    public var memoFingerprint: String?
    /// Called with the changes a pass commits once their blobs and trees are written, while the
    /// commit is made (`Publisher.publish`'s `whileCommitting`); again if a lost race makes the
    /// pass start over, so the last call's changes are the outcome's.
    public var whileCommitting: (@Sendable ([FileChange]) -> Void)?

    /// Creates a reconciler over `repository`, caching parses in `cache`.
    public init(repository: GitRepository, cache: ParseCache = ParseCache(), indexes: PassIndexStore = PassIndexStore())
    {
        self.repository = repository
        self.loader = RepositoryLoader(repository: repository, cache: cache)
        self.indexes = indexes
    }

    /// Reconciles `branch` at time `now`; with an `executor`, the test runs the pass creates are
    /// run within it, so their results, the verdict and any Release land in the same commit.
    public func reconcile(
        branch: String, now: Timestamp, settings: RuleSettings = RuleSettings(), executor: (any RunExecutor)? = nil
    ) async throws -> ReconcileOutcome {
        // Decisions are only reusable by the same build, settings and executor.
        let fingerprint =
            "\(memoFingerprint ?? "in-process")|\(settings)|\(executor.map { "\(type(of: $0))" } ?? "none")"
        var retries = 0
        // What the last pass left to write is on disk before this one reads it.
        await StateWrites.process.settle()
        while true {
            guard let tip = try await repository.branchTip(branch) else {
                throw ReconcileError(message: "branch '\(branch)' has no commits; commit manifests first")
            }
            if let memoFingerprint, let memo = PassMemo.read(in: repository, branch: branch),
                memo.allowsSkipping(tip: tip, fingerprint: memoFingerprint, now: now)
            {
                return ReconcileOutcome(
                    branch: branch, base: tip, commit: nil, changes: [], diagnostics: memo.diagnostics, events: [],
                    retries: retries, workTree: nil)
            }
            // Taken out of the store: the pass changes it in place and stores it back when it publishes
            // (after an error or a lost race the next pass starts from the index file, or from scratch).
            var known = indexes.take(branch)
            if known == nil, memoFingerprint != nil {
                known = await PhaseTrace.measure("read index") {
                    await PassIndexFile.read(in: repository, branch: branch)
                }
            }
            if known?.fingerprint != fingerprint { known = nil }
            // Moved, never copied: changing a shared index would copy all of it.
            let (plan, prepared) = try await PhaseTrace.measure("load") { () async throws(GitError) in
                try await prepare(tip: tip, index: &known, now: now, fingerprint: fingerprint)
            }
            var index = Optional(consume prepared)
            let context = RuleContext(now: now, settings: settings)
            var passes: [NamespacePass]
            let changes: [FileChange]
            var executed: [(namespace: Int, key: ObjectKey)] = []
            if let executor {
                passes = PhaseTrace.measure("decide") {
                    NamespacePasses.decide(plan.loaded.manifests, context: context, namespaces: plan.namespaces)
                }
                executed = await NamespacePasses.execute(&passes, with: executor)
                changes = PhaseTrace.measure("changes") {
                    NamespacePasses.changes(of: passes, loaded: plan.loaded.manifests)
                }
            } else {
                (passes, changes) = PhaseTrace.measure("decide and changes") {
                    NamespacePasses.decideWithChanges(
                        plan.loaded.manifests, context: context, namespaces: plan.namespaces)
                }
            }
            index?.record(passes)
            // The files the commit writes are recorded (a file rewritten with the same bytes keeps
            // the same namespace), and the index file's bulk built, on another core while the pass
            // publishes. The index is handed over, not shared: recording into a shared one would
            // copy it whole.
            let handoff = Handoff(index.take())
            let writesFile = memoFingerprint != nil
            let recording = Task.detached { () -> (PassIndex, [UInt8]?) in
                var index = handoff.take()
                index.record(changes)
                return (index, writesFile ? PassIndexFile.body(of: index) : nil)
            }
            let events = passes.events
            var outcome = ReconcileOutcome(
                branch: branch, base: tip, commit: nil, changes: [], diagnostics: [], events: events,
                retries: retries, workTree: nil)

            let published: Publisher.Result
            do {
                published = try await PhaseTrace.measure("publish") { () async throws(GitError) in
                    try await Publisher(repository: repository).publish(
                        changes, onto: tip, branch: branch, now: now,
                        message: { CommitMessage.make(changes: $0, events: events) },
                        whileCommitting: whileCommitting)
                }
            } catch {
                // The branch moved while this pass computed: read it again and recompute.
                guard error.code == .conflict, retries + 1 < maxAttempts else { throw error }
                retries += 1
                continue
            }
            outcome.executedRuns = executed.compactMap {
                Self.summary(of: $0.key, in: passes[$0.namespace].reconciliation.world)
            }
            var (recorded, body) = await recording.value
            let diagnostics = recorded.diagnostics
            outcome.diagnostics = diagnostics
            if let commit = published.commit {
                recorded.commit = commit
                recorded.tree = try await repository.commitInfo(commit).tree
            }
            // The pass reached its fixpoint: over its result, only the clock could change anything.
            let memo =
                memoFingerprint.flatMap { fingerprint in
                    passes.dependsOnClock || recorded.hasAlwaysDecided
                        ? nil
                        : PassMemo(
                            tip: published.commit ?? tip, fingerprint: fingerprint, wakeUp: recorded.wakeUp,
                            diagnostics: diagnostics)
                }
            let bytes = body.take()
            if bytes != nil || memo != nil {
                let (commit, tree, repository) = (recorded.commit, recorded.tree, repository)
                StateWrites.process.start {
                    if let bytes {
                        PhaseTrace.measure("write index") {
                            PassIndexFile.write(body: bytes, commit: commit, tree: tree, in: repository, branch: branch)
                        }
                    }
                    memo?.write(in: repository, branch: branch)
                }
            }
            indexes.store(recorded, for: branch)
            BackgroundRelease.drop((plan, passes))
            guard let commit = published.commit else { return outcome }
            outcome.changes = published.changes
            outcome.commit = commit
            outcome.workTree = published.workTree
            return outcome
        }
    }

    /// Waits until the state files of every pass of this process so far (the index and memo a
    /// new process starts from) are written: a process calls this before it exits, after
    /// presenting the outcome. Without it the next process reads everything again, which is
    /// always correct.
    public static func settle() async { await StateWrites.process.settle() }

    /// What a pass reads and decides.
    struct Plan {
        /// The files read.
        var loaded: LoadedFiles
        /// Namespaces to decide even if no object of theirs was read (all their files are gone).
        var namespaces: Set<String>
    }

    /// Reads what the pass over `tip` needs: everything without a usable `index`, otherwise the
    /// files that changed since the index's commit and the rest of the namespaces they concern.
    /// Returns the plan and the index of the tip before this pass's decisions (`index` is moved
    /// into it).
    func prepare(tip: GitObjectID, index: inout PassIndex?, now: Timestamp, fingerprint: String)
        async throws(GitError) -> (Plan, PassIndex)
    {
        let tree = try await repository.commitInfo(tip).tree
        if var current = index.take() {
            if let plan = try await incremental(tree: tree, tip: tip, index: &current, now: now) {
                return (plan, current)
            }
        }
        let listing = try await loader.list(commit: tip)
        let loaded = try await loader.load(listing.manifests, listing: listing)
        var fresh = PassIndex(
            commit: tip, tree: tree, fingerprint: fingerprint, config: listing.config,
            configBlob: listing.configBlob, patchFiles: loaded.patchFiles, files: loaded.namespaces)
        fresh.replaceFileDiagnostics(of: [], with: loaded.manifests.diagnostics)
        return (Plan(loaded: loaded, namespaces: []), fresh)
    }

    /// The plan of an incremental pass; nil when a change concerns the whole tree (the
    /// configuration or a kustomization changed), so everything must be read.
    private func incremental(tree: GitObjectID, tip: GitObjectID, index: inout PassIndex, now: Timestamp)
        async throws(GitError) -> Plan?
    {
        let base = index.tree
        let diff = try await PhaseTrace.measure("diff") { () async throws(GitError) in
            try await repository.changedFiles(from: base, to: tree)
        }
        if diff.contains(where: { $0.path == SnapgateConfig.fileName || KustomizePatches.isKustomization($0.path) }) {
            return nil
        }
        let config = index.config
        let changedPaths = diff.map(\.path).filter { config.isManifest($0) }
        let present = diff.compactMap(\.entry).filter { config.isManifestEntry($0) }
        let presentPaths = Set(present.map(\.path))
        var affected = index.dueNamespaces(at: now)
        for path in changedPaths { affected.formUnion(index.namespaces(ofFile: path) ?? []) }
        let objectFiles = present.filter { !index.patchFiles.contains($0.path) }
        let namespaces = try await loader.namespaces(of: objectFiles, config: config)
        for path in changedPaths {
            if !presentPaths.contains(path) {
                index.setFile(path, namespaces: nil)
                index.fileDiagnostics[path] = nil
            } else {
                index.setFile(path, namespaces: namespaces[path] ?? [])
            }
        }
        let closure = PhaseTrace.measure("closure") {
            index.closure(of: affected, including: Set(objectFiles.map(\.path)))
        }
        let known = Dictionary(present.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let unchanged = try await PhaseTrace.measure("entries") { () async throws(GitError) in
            try await repository.entries(atPaths: closure.files.filter { known[$0] == nil }, inTree: tree)
        }
        let entries = (objectFiles + unchanged).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        let listing = TreeListing(
            tree: tree, config: config, configBlob: index.configBlob, configDiagnostics: [], manifests: entries)
        let loaded = try await loader.load(entries, listing: listing)
        index.replaceFileDiagnostics(of: entries.map(\.path), with: loaded.manifests.diagnostics)
        // Patch files that changed are read for nothing else: their findings are the loader's none.
        for path in presentPaths where index.patchFiles.contains(path) { index.fileDiagnostics[path] = nil }
        for namespace in closure.namespaces { index.setNamespace(namespace, nil) }
        index.commit = tip
        index.tree = tree
        return Plan(loaded: loaded, namespaces: closure.namespaces)
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
