internal import CLibGit2

/// What happened to a work tree when its checked-out branch was moved by a commit snapgate wrote.
public enum WorkTreeSync: Sendable, Hashable {
    /// The repository has no work tree.
    case bare
    /// Another branch (or a detached HEAD) is checked out: nothing to do.
    case notCheckedOut
    /// The work tree and index now match the new commit.
    case updated
    /// The work tree had changes of its own; the commit landed on the branch but the files on
    /// disk were left as they were. `reason` says what was in the way.
    case leftAlone(reason: String)
}

extension GitRepository {
    /// Brings the work tree and index along after `branch` moved from `old` to `new` (GITOPS.md:
    /// a clean checked-out work tree follows the new commit; a dirty one is left alone).
    ///
    /// Call it after the branch update: cleanliness is judged against `old`'s tree, and checkout
    /// uses that tree as its baseline, so only files snapgate changed are touched.
    public func syncWorkTree(branch: String, from old: GitObjectID, to new: GitObjectID) throws(GitError)
        -> WorkTreeSync
    {
        guard !isBare else { return .bare }
        guard try headBranch() == branch else { return .notCheckedOut }
        let oldTree = try commitInfo(old).tree
        let newTree = try commitInfo(new).tree
        let repo = self.repo
        let baseline = try lookup(oldTree, "git_tree_lookup", release: git_tree_free, git_tree_lookup)
        let changed = try countLocalChanges(against: baseline.pointer)
        guard changed == 0 else {
            return .leftAlone(reason: "\(changed) file(s) in the working tree or index differ from the last commit")
        }
        let target = try lookup(newTree, "git_object_lookup", release: git_object_free) { out, repo, oid in
            git_object_lookup(out, repo, oid, GIT_OBJECT_TREE)
        }
        var options = git_checkout_options()
        try check(
            git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
        options.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
        options.baseline = baseline.pointer
        let result = git_checkout_tree(repo, target.pointer, &options)
        if result == GIT_ECONFLICT.rawValue {
            return .leftAlone(
                reason: "files in the working tree are in the way (\(makeError(result, "git_checkout_tree").message))")
        }
        try check(result, "git_checkout_tree")
        return .updated
    }

    /// Tracked files whose index or work-tree content differs from `tree` (untracked files do not count).
    private func countLocalChanges(against tree: OpaquePointer) throws(GitError) -> Int {
        let repo = self.repo
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        let diff = try make("git_diff_tree_to_workdir_with_index", release: git_diff_free) {
            git_diff_tree_to_workdir_with_index($0, repo, tree, &options)
        }
        return git_diff_num_deltas(diff.pointer)
    }
}
