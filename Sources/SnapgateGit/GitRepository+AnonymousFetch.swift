internal import CLibGit2

// Fetching from a URL that is not a configured remote, into a bare cache repository: how the
// local executor reads pipelines from other repositories. Anonymous only (https, git://, file://);
// no credential callback is wired.

extension GitRepository {
    /// Fetches `refspecs` (for example `+refs/heads/main:refs/heads/main`) from `url` without
    /// configuring a remote. Blocks the actor for the transfer.
    ///
    /// Destination references that match a refspec but whose source the remote no longer has are
    /// deleted (prune), so a cache never answers with a branch or tag that is gone. Tags are fetched
    /// only when a refspec names them, and `FETCH_HEAD` is not written. A source that matches
    /// nothing on the remote is not an error: look the destination up afterwards. There is no
    /// shallow fetch: libgit2 1.5 cannot do one.
    ///
    /// - Throws: `.network` when the remote cannot be reached or the transfer fails (also for a
    ///   `file://` path that is not a repository), `.auth` when it asks for credentials,
    ///   `.invalidArgument` for a malformed URL or refspec. Messages never contain the URL's
    ///   user information.
    public func fetch(url: String, refspecs: [String]) throws(GitError) {
        let repo = self.repo
        let remote = try make("git_remote_create_anonymous", release: git_remote_free) {
            git_remote_create_anonymous($0, repo, url)
        }
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
        options.prune = GIT_FETCH_PRUNE
        options.update_fetchhead = 0
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        let specs = CStrings(refspecs)
        try specs.withStrArray { (array) throws(GitError) -> Void in
            let result = git_remote_fetch(remote.pointer, &array, &options, "snapgate: fetch")
            guard result < 0 else { return }
            var error = makeError(result, "git_remote_fetch")
            // The transports report an unreachable host or a missing `file://` repository as
            // "not found" or as a generic error; for the caller both mean the source is unreachable.
            if error.code == .notFound || error.code == .other { error.code = .network }
            throw error
        }
    }

    /// Opens the bare repository at `path`, creating it (and missing parent folders) when there is
    /// none. Never opens a repository above `path`, so a cache inside another repository's git
    /// directory cannot end up writing to that repository. `path` should be a folder of its own:
    /// a folder that is not a repository is made into one.
    ///
    /// - Throws: `.invalidArgument` when `path` exists but is a repository with a work tree.
    public static func openOrCreateBare(at path: String) throws(GitError) -> GitRepository {
        try ensureLibGit2()
        var out: OpaquePointer? = nil
        var result = git_repository_open_bare(&out, path)
        if result == GIT_ENOTFOUND.rawValue {
            result = git_repository_init(&out, path, 1)
            try check(result, "git_repository_init")
        } else {
            try check(result, "git_repository_open_bare")
        }
        guard let out else { throw nullResult("git_repository_open_bare") }
        let opened = Owned(out, release: git_repository_free)
        var gitDirectory = String(cString: git_repository_path(opened.pointer))
        while gitDirectory.count > 1, gitDirectory.hasSuffix("/") { gitDirectory.removeLast() }
        // `init(path:)` searches upwards, but `path` now holds a repository, so it opens this one;
        // the comparison proves it.
        let repository = try GitRepository(path: gitDirectory)
        guard repository.isBare, repository.gitDirectory == gitDirectory else {
            throw GitError(
                code: .invalidArgument, function: "git_repository_open_bare",
                message: "\(path) is not a bare repository")
        }
        return repository
    }

    /// The id git gives `bytes` stored as a blob (`git hash-object`): a stable, content-derived
    /// name, for example for a cache entry.
    public static func blobID(of bytes: [UInt8]) throws(GitError) -> GitObjectID {
        try ensureLibGit2()
        var oid = git_oid()
        let result = bytes.withUnsafeBytes { buffer in
            git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB)
        }
        try check(result, "git_odb_hash")
        return GitObjectID(oid)
    }
}
