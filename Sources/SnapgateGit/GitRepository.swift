internal import CLibGit2

/// A git repository read and written through libgit2, object by object, never through a work tree.
///
/// One actor owns the `git_repository` and makes every libgit2 call for it, so calls never overlap
/// and libgit2's thread-local error is read on the thread that caused it (every method runs its C
/// calls without suspending). Several instances may open the same repository, in one process or
/// many: reference updates are compare-and-swaps guarded by git's lock files.
public actor GitRepository {
    /// The repository handle; freed when the actor goes away.
    let handle: RepositoryHandle

    /// Absolute path of the git directory (`.git` of a work tree, or the bare repository), without
    /// a trailing `/`.
    public nonisolated let gitDirectory: String
    /// Absolute path of the work tree, without a trailing `/`; `nil` for a bare repository.
    public nonisolated let workTree: String?
    /// Whether the repository has no work tree.
    public nonisolated let isBare: Bool
    /// The blobs the latest `writeBlobs` put on disk or found there, so that the `makeTree` that
    /// usually follows need not ask the object database about each again; `makeTree` empties it.
    var recentBlobs = Set<GitObjectID>()
    /// This handle's reader of its packs (`packReader()`), kept while the packs stay the same.
    var openPackReader: PackReader?

    /// Opens the repository at `path`: a bare repository, a work tree, or any folder inside a work
    /// tree (the search walks up as `git` does).
    ///
    /// - Throws: `.notFound` ("no git repository at or above <path>") when there is none.
    public init(path: String) throws(GitError) {
        try ensureLibGit2()
        var out: OpaquePointer? = nil
        let result = git_repository_open_ext(&out, path, 0, nil)
        if result == GIT_ENOTFOUND.rawValue {
            throw GitError(
                code: .notFound, function: "git_repository_open_ext",
                message: "no git repository at or above \(path)")
        }
        try check(result, "git_repository_open_ext")
        guard let out else { throw nullResult("git_repository_open_ext") }
        handle = RepositoryHandle(out)
        gitDirectory = trimmingTrailingSlash(String(cString: git_repository_path(out)))
        workTree = git_repository_workdir(out).map { trimmingTrailingSlash(String(cString: $0)) }
        isBare = git_repository_is_bare(out) != 0
    }

    /// The `git_repository` pointer, for the methods of this actor.
    var repo: OpaquePointer { handle.pointer }

    // MARK: - References

    /// The short name of the branch `HEAD` points at, also when that branch has no commit yet;
    /// `nil` when `HEAD` is detached.
    public func headBranch() throws(GitError) -> String? {
        let repo = self.repo
        let name = try withObjectIfPresent(
            "git_reference_lookup", release: git_reference_free, { git_reference_lookup($0, repo, "HEAD") }
        ) { (head: borrowing Owned) -> String? in
            guard git_reference_type(head.pointer) == GIT_REFERENCE_SYMBOLIC,
                let target = git_reference_symbolic_target(head.pointer)
            else { return nil }
            let name = String(cString: target)
            return name.hasPrefix(branchPrefix) ? String(name.dropFirst(branchPrefix.count)) : nil
        }
        return name ?? nil
    }

    /// The commit `refs/heads/<name>` points at; `nil` when the branch does not exist.
    ///
    /// - Throws: `.invalidArgument` when `name` is not a valid branch name.
    public func branchTip(_ name: String) throws(GitError) -> GitObjectID? {
        try referenceTarget(branchReferenceName(name))
    }

    /// The object a full reference name (`refs/heads/main`, `refs/remotes/origin/main`, `HEAD`)
    /// resolves to, following symbolic references; `nil` when it does not exist (or is unborn).
    public func referenceTarget(_ referenceName: String) throws(GitError) -> GitObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, repo, referenceName)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_reference_name_to_id")
        return GitObjectID(oid)
    }

    /// The object a revision expression (`main`, `HEAD~2`, `v1.0^{commit}`, a hex prefix) names.
    ///
    /// - Throws: `.notFound` when nothing matches, `.ambiguous` for an ambiguous prefix.
    public func resolveRevision(_ revision: String) throws(GitError) -> GitObjectID {
        let repo = self.repo
        let object = try make("git_revparse_single", release: git_object_free) {
            git_revparse_single($0, repo, revision)
        }
        guard let id = GitObjectID(git_object_id(object.pointer)) else { throw nullResult("git_object_id") }
        return id
    }

    /// The URL configured for `remote`; `nil` when there is no such remote.
    ///
    /// The URL is returned as configured and may carry credentials: pass it through
    /// `GitError.redactingCredentials(in:)` before printing it.
    public func remoteURL(_ remote: String) throws(GitError) -> String? {
        let repo = self.repo
        let url = try withObjectIfPresent(
            "git_remote_lookup", release: git_remote_free, { git_remote_lookup($0, repo, remote) }
        ) { (owned: borrowing Owned) -> String? in
            git_remote_url(owned.pointer).map { String(cString: $0) }
        }
        return url ?? nil
    }

    /// The signature to commit with: `user.name` and `user.email` from the repository's
    /// configuration (which includes the global and system files) when set, otherwise
    /// `snapgate <snapgate@localhost>`; at `now` (Unix seconds), UTC.
    public func defaultSignature(now: Int64) -> GitSignature {
        let values = try? configValues(["user.name", "user.email"])
        let name = values?[0].flatMap { $0.isEmpty ? nil : $0 } ?? "snapgate"
        let email = values?[1].flatMap { $0.isEmpty ? nil : $0 } ?? "snapgate@localhost"
        return GitSignature(name: name, email: email, time: now, offsetMinutes: 0)
    }

    /// String values of configuration keys, from a snapshot of the repository's configuration;
    /// `nil` for keys that are not set.
    public func configValues(_ keys: [String]) throws(GitError) -> [String?] {
        let repo = self.repo
        let config = try make("git_repository_config_snapshot", release: git_config_free) {
            git_repository_config_snapshot($0, repo)
        }
        var values: [String?] = []
        for key in keys {
            var value: UnsafePointer<CChar>? = nil
            let result = git_config_get_string(&value, config.pointer, key)
            if result == GIT_ENOTFOUND.rawValue {
                values.append(nil)
                continue
            }
            try check(result, "git_config_get_string")
            values.append(value.map { String(cString: $0) })
        }
        return values
    }

    /// The full reference name of branch `name`, checked by libgit2's rules.
    func branchReferenceName(_ name: String) throws(GitError) -> String {
        let referenceName = branchPrefix + name
        var valid: Int32 = 0
        try check(git_reference_name_is_valid(&valid, referenceName), "git_reference_name_is_valid")
        guard valid != 0, !name.isEmpty else {
            throw GitError(
                code: .invalidArgument, function: "git_reference_name_is_valid",
                message: "not a valid branch name: '\(name)'")
        }
        return referenceName
    }
}

/// Where branches live.
let branchPrefix = "refs/heads/"

/// Sole owner of a `git_repository`, freed in `deinit`. Only `GitRepository` holds one, so only
/// that actor touches the pointer; it is therefore not `Sendable` and needs no lock.
final class RepositoryHandle {
    /// The repository.
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`.
    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { git_repository_free(pointer) }
}

/// `path` without trailing `/` (except for the root itself).
private func trimmingTrailingSlash(_ path: String) -> String {
    var path = Substring(path)
    while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
    return String(path)
}
