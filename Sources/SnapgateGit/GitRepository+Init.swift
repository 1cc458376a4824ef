internal import CLibGit2

// Creating a repository, and checking out its first commit.

extension GitRepository {
    /// Creates a new repository with a work tree at `path` (its `.git` inside), whose `HEAD` points
    /// at the unborn branch `initialBranch`, and opens it. Missing folders on the way are created.
    ///
    /// - Throws: `.conflict` when `path` already holds a git repository (it is never
    ///   re-initialised); `.invalidArgument` for a bad branch name; libgit2's error when the folder
    ///   cannot be created.
    public static func create(at path: String, initialBranch: String = "main") throws(GitError) -> GitRepository {
        try ensureLibGit2()
        try validateBranchName(initialBranch)
        var options = git_repository_init_options()
        try check(
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
            "git_repository_init_options_init")
        options.flags =
            GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_MKDIR.rawValue
            | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        var out: OpaquePointer? = nil
        let result = initialBranch.withCString { head in
            options.initial_head = head
            return git_repository_init_ext(&out, path, &options)
        }
        if let out { git_repository_free(out) }
        if result == GIT_EEXISTS.rawValue {
            throw GitError(
                code: .conflict, function: "git_repository_init_ext",
                message: "there is already a git repository at \(path)")
        }
        try check(result, "git_repository_init_ext")
        return try GitRepository(path: path)
    }

    /// Makes the index and work tree match the commit `HEAD` points at, overwriting what is there.
    ///
    /// Meant for a repository this process just created and committed to: a person's changes in
    /// the work tree would be lost (use `syncWorkTree(branch:from:to:)` for anything else).
    ///
    /// - Throws: `.invalidArgument` for a bare repository; `.notFound` when `HEAD` has no commit.
    public func checkoutHead() throws(GitError) {
        guard !isBare else {
            throw GitError(
                code: .invalidArgument, function: "git_checkout_head", message: "a bare repository has no work tree")
        }
        var options = git_checkout_options()
        try check(
            git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
        options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue
        try check(git_checkout_head(repo, &options), "git_checkout_head")
    }
}

/// Checks `name` by libgit2's rules for branch names.
private func validateBranchName(_ name: String) throws(GitError) {
    var valid: Int32 = 0
    try check(git_reference_name_is_valid(&valid, branchPrefix + name), "git_reference_name_is_valid")
    guard valid != 0, !name.isEmpty else {
        throw GitError(
            code: .invalidArgument, function: "git_reference_name_is_valid",
            message: "not a valid branch name: '\(name)'")
    }
}
