public import SnapgateGit

/// Other repositories' files for the `git` resolver (issue 4): each URL is fetched through libgit2
/// into a bare repository of its own under `<git dir>/snapgate/sources/`, outside the work tree
/// (GITOPS.md: no untracked files), and read from there at a revision.
///
/// A full commit id already in the cache is read without any network access; a branch or tag
/// name is fetched once per cache instance (one instance lives for a pass), so a pass sees one
/// state of each branch however many tasks name it. Fetches are memoized, failures included, so
/// an unreachable source costs one attempt per pass.
public actor GitSourceCache {
    /// The folder holding one bare repository per source URL.
    public nonisolated let directory: String

    /// Open cache repositories by normalized URL.
    private var repositories: [String: GitRepository] = [:]
    /// Fetches started in this instance, by normalized URL and what was fetched; the task's value
    /// is the failure, if any. Kept as tasks so concurrent reads share one transfer.
    private var fetches: [FetchKey: Task<GitError?, Never>] = [:]

    /// Creates a cache under `<gitDirectory>/snapgate/sources`; `gitDirectory` is the git directory
    /// of the repository snapgate reconciles.
    public init(gitDirectory: String) {
        directory = gitDirectory + "/snapgate/sources"
    }

    /// The file at `path` in the commit `revision` (a full commit id, a branch or a tag name, a full
    /// reference name or `HEAD`) of the repository at `url`.
    ///
    /// - Throws: a `ResolutionFailure` (reason `CouldntGetPipeline`; callers resolving a Task put
    ///   their own) saying the source cannot be reached, the revision or the path does not exist.
    public func read(url: String, revision: String, path: String) async throws(ResolutionFailure) -> [UInt8] {
        let shown = GitError.redactingCredentials(in: url)
        let path = String(path.drop { $0 == "/" })
        let repository = try open(url)
        let commit = try await commit(revision, in: repository, url: url)
        let bytes: [UInt8]?
        do {
            let tree = try await repository.commitInfo(commit).tree
            bytes = try await repository.readFile(path, atTree: tree)
        } catch {
            throw failure("cannot read \(path) at revision \(revision) of \(shown): \(error.message)")
        }
        guard let bytes else { throw failure("\(path) does not exist at revision \(revision) of \(shown)") }
        return bytes
    }

    /// The cache repository's path for `url`: named by the hash of the normalized URL, so every
    /// spelling of one URL shares an entry and no URL (or its credentials) appears in a file name.
    public nonisolated func repositoryPath(for url: String) throws(GitError) -> String {
        "\(directory)/\(try GitRepository.blobID(of: Array(Self.normalized(url).utf8)).hex).git"
    }

    /// `url` without credentials, trailing `/`, and with scheme and host in lower case.
    public static func normalized(_ url: String) -> String {
        var text = Substring(GitError.redactingCredentials(in: url))
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        guard let schemeEnd = text.firstRange(of: "://") else { return String(text) }
        let authorityEnd = text[schemeEnd.upperBound...].firstIndex(of: "/") ?? text.endIndex
        return text[..<authorityEnd].lowercased() + text[authorityEnd...]
    }

    // MARK: - Revisions

    /// The commit `revision` names in the source, fetching what is needed.
    private func commit(_ revision: String, in repository: GitRepository, url: String) async throws(ResolutionFailure)
        -> GitObjectID
    {
        let shown = GitError.redactingCredentials(in: url)
        if Self.isFullCommitID(revision) {
            // A commit id names the same content forever: when it is here, no fetch is needed.
            if let id = await present(revision, in: repository) { return id }
            try await fetchOnce(.everything, url: url, into: repository)
            if let id = await present(revision, in: repository) { return id }
            throw failure("revision \(revision) not found in \(shown): no branch or tag there contains that commit")
        }
        let names = Self.candidateReferences(revision)
        try await fetchOnce(.revision(revision), url: url, into: repository)
        for name in names {
            if let id = await present(name, in: repository) { return id }
        }
        if Self.isHex(revision), revision.count >= 4 {
            // An abbreviated commit id: look among everything the remote's branches and tags hold.
            try await fetchOnce(.everything, url: url, into: repository)
            if let id = await present(revision, in: repository) { return id }
        }
        throw failure("revision \(revision) not found in \(shown): it is not a branch, tag or commit there")
    }

    /// The commit `expression` resolves to in the cache, if any.
    private func present(_ expression: String, in repository: GitRepository) async -> GitObjectID? {
        try? await repository.resolveRevision(expression + "^{commit}")
    }

    /// What a fetch asks for.
    private enum Wanted: Hashable {
        /// Every branch and tag.
        case everything
        /// The branch, tag or reference that a revision names.
        case revision(String)
    }

    private struct FetchKey: Hashable {
        var url: String
        var wanted: Wanted
    }

    /// Fetches `wanted` from `url` unless this instance already did (or is doing) it.
    private func fetchOnce(_ wanted: Wanted, url: String, into repository: GitRepository)
        async throws(ResolutionFailure)
    {
        let key = FetchKey(url: Self.normalized(url), wanted: wanted)
        let task: Task<GitError?, Never>
        if let started = fetches[key] {
            task = started
        } else {
            let refspecs = Self.refspecs(for: wanted)
            task = Task { () async -> GitError? in
                do throws(GitError) {
                    try await repository.fetch(url: url, refspecs: refspecs)
                    return nil
                } catch {
                    return error
                }
            }
            fetches[key] = task
        }
        guard let error = await task.value else { return }
        let shown = GitError.redactingCredentials(in: url)
        switch error.code {
        case .network: throw failure("cannot reach \(shown): \(error.message)")
        case .auth:
            throw failure(
                "cannot read \(shown) anonymously (snapgate has no credentials for other repositories): "
                    + error.message)
        case .invalidArgument:
            throw failure("cannot fetch from \(shown): \(error.message) (is the URL or revision well formed?)")
        default: throw failure("cannot fetch from \(shown): \(error.message)")
        }
    }

    /// Refspecs that bring `wanted` into the cache under the same names as on the remote.
    private static func refspecs(for wanted: Wanted) -> [String] {
        switch wanted {
        case .everything:
            return ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"]
        case .revision(let revision):
            if revision == "HEAD" { return ["+HEAD:\(remoteHead)"] }
            if revision.hasPrefix("refs/") { return ["+\(revision):\(revision)"] }
            return ["+refs/heads/\(revision):refs/heads/\(revision)", "+refs/tags/\(revision):refs/tags/\(revision)"]
        }
    }

    /// Where the cache keeps the remote's `HEAD` (a fetched `HEAD` cannot be stored as `HEAD`).
    private static let remoteHead = "refs/snapgate/remote-head"

    /// The references a revision may mean after its fetch, in git's order (a tag before a branch).
    private static func candidateReferences(_ revision: String) -> [String] {
        if revision == "HEAD" { return [remoteHead] }
        if revision.hasPrefix("refs/") { return [revision] }
        return ["refs/tags/\(revision)", "refs/heads/\(revision)"]
    }

    private static func isFullCommitID(_ text: String) -> Bool { text.utf8.count == 40 && isHex(text) }

    private static func isHex(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    // MARK: - Repositories

    /// The cache repository for `url`, created on first use.
    private func open(_ url: String) throws(ResolutionFailure) -> GitRepository {
        let key = Self.normalized(url)
        if let repository = repositories[key] { return repository }
        var path = directory
        do {
            path = try repositoryPath(for: url)
            let repository = try GitRepository.openOrCreateBare(at: path)
            repositories[key] = repository
            return repository
        } catch {
            throw failure("cannot open the source cache \(path): \(error.message)")
        }
    }

    private func failure(_ message: String) -> ResolutionFailure {
        ResolutionFailure(reason: "CouldntGetPipeline", message: message)
    }
}
