public import SnapgateGit
public import SnapgateModel

/// Writes file changes as one commit on top of a branch tip and moves the branch to it by
/// compare-and-swap: the Write and Publish steps, shared by every command that commits.
public struct Publisher: Sendable {
    public let repository: GitRepository

    /// Creates a publisher for `repository`.
    public init(repository: GitRepository) { self.repository = repository }

    /// What was published.
    public struct Result: Sendable {
        /// The new commit; nil when the changes left the tree as it was (nothing to commit).
        public var commit: GitObjectID?
        /// The changes whose bytes differ from the tip's (the ones the commit holds).
        public var changes: [FileChange]
        /// What became of a checked-out work tree.
        public var workTree: WorkTreeSync?
    }

    /// Commits `changes` onto `tip` and moves `branch` from `tip` to the commit.
    ///
    /// - Throws: `GitError` with code `.conflict` when the branch no longer points at `tip`: the
    ///   caller reads the branch again and recomputes (never a force).
    ///
    /// `whileCommitting` is called with the changes the commit holds once its blobs and trees are
    /// on disk, while the commit is made and the branch moved: a caller can present them on the
    /// core that has nothing else to do then.
    public func publish(
        _ changes: [FileChange], onto tip: GitObjectID, branch: String, now: Timestamp,
        message: ([FileChange]) -> String, whileCommitting: (@Sendable ([FileChange]) -> Void)? = nil
    ) async throws(GitError) -> Result {
        let parent = try await repository.commitInfo(tip)
        // What each path holds now, in one call (not one actor hop and tree walk per change).
        let existing = try await PhaseTrace.measure("publish: existing") { () async throws(GitError) in
            try await repository.blobIDs(atPaths: changes.map(\.path), inTree: parent.tree)
        }
        // The new contents' ids first (hashing on every core, nothing written), so that the trees
        // can be written while the blobs are deflated and packed: the two used to run one after
        // the other (~30 ms each in a cold reconcile of the benchmark).
        let written = changes.indices.filter { changes[$0].contents != nil }
        let contents = written.map { changes[$0].contents ?? [] }
        let ids = await GitRepository.blobIDs(of: contents)
        var newIDs = [GitObjectID?](repeating: nil, count: changes.count)
        for (index, id) in zip(written, ids) { newIDs[index] = id }
        var effective: [FileChange] = []
        var treeChanges: [GitTreeChange] = []
        // A rewrite to identical bytes (the same blob id) is no change and does not belong in the message.
        for (index, change) in changes.enumerated() where newIDs[index] != existing[index] {
            effective.append(change)
            treeChanges.append(newIDs[index].map { .upsert(path: change.path, blob: $0) } ?? .delete(path: change.path))
        }
        let updates = treeChanges
        let text: String
        let tree: GitObjectID
        if contents.count < GitRepository.packThreshold {
            // A few files (an incremental pass): their blobs and trees as one pack, one after the
            // other (there is little to overlap).
            tree = try await PhaseTrace.measure("publish: blobs and trees") { () async throws(GitError) in
                try await repository.writeBlobsAndTree(contents, ids: ids, base: parent.tree, changes: updates)
            }
            text = message(effective)
        } else {
            (text, tree) = try await writeConcurrently(
                contents, ids: ids, base: parent.tree, changes: updates, message: { message(effective) })
        }
        guard tree != parent.tree else { return Result(commit: nil, changes: [], workTree: nil) }
        whileCommitting?(effective)
        let signature = await repository.defaultSignature(now: now.seconds)
        // The objects are written (and flushed) before the branch moves: a process killed here
        // leaves the branch at its old commit and only unreferenced objects behind.
        let commit = try await repository.createCommit(
            tree: tree, parents: [tip], message: text, author: signature, committer: signature)
        try await repository.updateBranch(branch, to: commit, expecting: tip, reflogMessage: "snapgate")
        let workTree = try? await repository.syncWorkTree(branch: branch, from: tip, to: commit)
        return Result(commit: commit, changes: effective, workTree: workTree)
    }

    /// Many files (a cold pass): the blobs deflated and packed while the trees are built and
    /// written, and the commit message written meanwhile. All new contents in one call, so that
    /// many new blobs become one packfile; `writeBlobs` writes no blob the repository has.
    private func writeConcurrently(
        _ contents: [[UInt8]], ids: [GitObjectID], base: GitObjectID, changes: [GitTreeChange],
        message: () -> String
    ) async throws(GitError) -> (message: String, tree: GitObjectID) {
        let repository = self.repository
        async let blobs = PhaseTrace.measure("publish: blobs") { () async throws(GitError) in
            try await repository.writeBlobs(contents, ids: ids)
        }
        async let building = PhaseTrace.measure("publish: trees") { () async throws(GitError) in
            try await repository.makeTree(base: base, changes: changes, pendingBlobs: Set(ids))
        }
        let text = message()
        do {
            _ = try await blobs
            do {
                return (text, try await building)
            } catch {
                // Written beside blobs still on their way, a tree can fail for want of one (the
                // libgit2 path checks each blob): now that they are all on disk, once more.
                return (text, try await repository.makeTree(base: base, changes: changes))
            }
        } catch let error as GitError {
            throw error
        } catch {
            throw GitError(code: .other, function: "makeTree", message: "\(error)")
        }
    }
}
