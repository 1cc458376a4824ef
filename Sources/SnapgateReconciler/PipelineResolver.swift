import Foundation
public import SnapgateGit
public import SnapgateModel
public import SnapgateNode
public import SnapgateRules
import SnapgateYAML

/// A test pipeline ready to run: its spec, and the spec of every Task it references.
public struct ResolvedPipeline: Sendable {
    /// The Pipeline's name (or the run's, for an inline `pipelineSpec`).
    public var name: String
    /// The Pipeline `spec`.
    public var spec: YAMLNode
    /// Task specs by the canonical text of the `taskRef` that names them.
    public var tasks: [String: YAMLNode]

    /// The key under which a `taskRef` node's Task spec is stored.
    public static func key(of taskRef: YAMLNode) -> String { YAMLEmitter.emit(taskRef) }
}

/// Why a pipeline could not be resolved, in Tekton's terms.
public struct ResolutionFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Tekton's reason: `CouldntGetPipeline` or `CouldntGetTask`.
    public var reason: String
    /// What failed and why, for the scenario's status entry.
    public var message: String
    public var description: String { message }
}

/// Resolves the `pipelineRef` of a test PipelineRun and the `taskRef`s of its pipeline for the
/// local executor (issue 4): `cluster` and plain names from the repository's own Pipeline and Task
/// objects; `git` read through libgit2 at the requested revision, from this repository when the
/// URL names it (one of its remotes' URLs, its path, or a path relative to it) and otherwise from
/// a `GitSourceCache` that fetches the URL anonymously. Resolvers that need a cluster or a
/// registry (`bundles`, `hub`, `http`) are refused with the reason.
public struct PipelineResolver: Sendable {
    /// The repository being reconciled.
    public let repository: GitRepository
    /// Where other repositories are fetched to; one per resolver, so one fetch per branch per pass.
    public let sources: GitSourceCache

    /// Creates a resolver reading from `repository`, fetching other repositories into `sources`
    /// (by default a cache under the repository's git directory).
    public init(repository: GitRepository, sources: GitSourceCache? = nil) {
        self.repository = repository
        self.sources = sources ?? GitSourceCache(gitDirectory: repository.gitDirectory)
    }

    /// Resolves the pipeline of `run` (a test PipelineRun) against `world`.
    public func resolve(_ run: ManifestObject, in world: World) async -> Result<ResolvedPipeline, ResolutionFailure> {
        do {
            let spec = run.node.mapping("spec") ?? .mapping([])
            let namespace = run.key.namespace
            var pipeline: (name: String, spec: YAMLNode)
            if let inline = spec.mapping("pipelineSpec") {
                pipeline = (run.key.name, inline)
            } else if let ref = spec.mapping("pipelineRef") {
                let document = try await fetch(ref, kind: "Pipeline", namespace: namespace, world: world)
                pipeline = try pipelineOf(document, run: run, world: world)
            } else {
                throw ResolutionFailure(reason: "CouldntGetPipeline", message: "the PipelineRun names no pipeline")
            }
            var tasks: [String: YAMLNode] = [:]
            for task in pipeline.spec.items("tasks") + pipeline.spec.items("finally") {
                guard let ref = task.mapping("taskRef") else { continue }
                let document = try await fetch(ref, kind: "Task", namespace: namespace, world: world)
                tasks[ResolvedPipeline.key(of: ref)] = document.mapping("spec") ?? .mapping([])
            }
            return .success(ResolvedPipeline(name: pipeline.name, spec: pipeline.spec, tasks: tasks))
        } catch let failure as ResolutionFailure {
            return .failure(failure)
        } catch {
            return .failure(ResolutionFailure(reason: "CouldntGetPipeline", message: "\(error)"))
        }
    }

    /// A resolved `PipelineRun` document (resourceKind `pipelinerun`) yields its `pipelineSpec`
    /// or the Pipeline its `pipelineRef` names; a `Pipeline` yields itself.
    private func pipelineOf(_ document: YAMLNode, run: ManifestObject, world: World) throws -> (String, YAMLNode) {
        let kind = document.string("kind") ?? ""
        let name = document.mapping("metadata")?.string("name") ?? run.key.name
        switch kind {
        case "Pipeline":
            return (name, document.mapping("spec") ?? .mapping([]))
        case "PipelineRun":
            if let inline = document.mapping("spec")?.mapping("pipelineSpec") { return (name, inline) }
            throw ResolutionFailure(
                reason: "CouldntGetPipeline",
                message:
                    "the resolved PipelineRun \(name) has no pipelineSpec (a pipelineRef inside it is not followed)")
        default:
            throw ResolutionFailure(
                reason: "CouldntGetPipeline",
                message: "the resolved document is a \(kind.isEmpty ? "document without kind" : kind), not a Pipeline")
        }
    }

    /// The document a `pipelineRef`/`taskRef` names.
    private func fetch(_ ref: YAMLNode, kind: String, namespace: String, world: World) async throws -> YAMLNode {
        let reason = kind == "Task" ? "CouldntGetTask" : "CouldntGetPipeline"
        let resolver = ref.string("resolver") ?? ""
        var params: [String: String] = [:]
        for param in ref.items("params") {
            if let name = param.string("name") { params[name] = param.string("value") ?? "" }
        }
        switch resolver {
        case "":
            guard let name = ref.string("name") else {
                throw ResolutionFailure(
                    reason: reason, message: "a \(kind.lowercased())Ref names neither a \(kind) nor a resolver")
            }
            return try local(kind: kind, name: name, namespace: namespace, world: world, reason: reason)
        case "cluster":
            let wanted = (params["kind"] ?? kind).lowercased() == "task" ? "Task" : "Pipeline"
            guard let name = params["name"], !name.isEmpty else {
                throw ResolutionFailure(reason: reason, message: "the cluster resolver needs a name param")
            }
            return try local(
                kind: wanted, name: name, namespace: params["namespace"] ?? namespace, world: world, reason: reason)
        case "git":
            return try await gitDocument(params: params, kind: kind, reason: reason)
        default:
            throw ResolutionFailure(
                reason: reason,
                message: "the \(resolver) resolver cannot run on this machine (it needs a cluster's resolver service); "
                    + "use the git or cluster resolver for scenarios snapgate runs locally")
        }
    }

    private func local(kind: String, name: String, namespace: String, world: World, reason: String) throws -> YAMLNode {
        let known: KnownKind = kind == "Task" ? .task : .pipeline
        guard let object = world.object(known, namespace: namespace, name: name) else {
            throw ResolutionFailure(
                reason: reason, message: "there is no \(kind) \(namespace)/\(name) in the repository's manifests")
        }
        return object.node
    }

    /// `url` (or `org` + `repo`) + `revision` + `pathInRepo` read through libgit2.
    private func gitDocument(params: [String: String], kind: String, reason: String) async throws -> YAMLNode {
        let url = try sourceURL(params, reason: reason)
        let revision = params["revision"].flatMap { $0.isEmpty ? nil : $0 } ?? "HEAD"
        guard let path = params["pathInRepo"], !path.isEmpty else {
            throw ResolutionFailure(reason: reason, message: "the git resolver needs a pathInRepo param")
        }
        let bytes: [UInt8]
        if let source = try await localRepository(url, reason: reason) {
            bytes = try await read(path, at: revision, in: source, url: url, reason: reason)
        } else {
            do {
                bytes = try await sources.read(url: url, revision: revision, path: path)
            } catch {
                throw ResolutionFailure(reason: reason, message: error.message)
            }
        }
        let stream = YAMLParser.parse(bytes, path: path)
        if let error = stream.errors.first {
            throw ResolutionFailure(reason: reason, message: "\(path) at \(revision) is not valid YAML: \(error)")
        }
        let documents = stream.documents.compactMap(\.root)
        let wanted = kind == "Task" ? ["Task"] : ["Pipeline", "PipelineRun"]
        guard let document = documents.first(where: { wanted.contains($0.string("kind") ?? "") }) else {
            throw ResolutionFailure(
                reason: reason, message: "\(path) at \(revision) holds no \(wanted.joined(separator: " or "))")
        }
        return document
    }

    /// The repository URL: `url`, or `<serverURL>/<org>/<repo>` (default server `https://github.com`)
    /// as Tekton's git resolver takes them; both forms are fetched anonymously here.
    private func sourceURL(_ params: [String: String], reason: String) throws -> String {
        let url = params["url"] ?? ""
        let repo = params["repo"] ?? ""
        switch (url.isEmpty, repo.isEmpty) {
        case (false, false):
            throw ResolutionFailure(
                reason: reason, message: "the git resolver takes either a url param or repo (with org), not both")
        case (false, true):
            return url
        case (true, false):
            guard let org = params["org"], !org.isEmpty else {
                throw ResolutionFailure(
                    reason: reason,
                    message: "the git resolver's repo param needs an org param (there is no default org)")
            }
            var server = params["serverURL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://github.com"
            while server.hasSuffix("/") { server.removeLast() }
            return "\(server)/\(org)/\(repo)"
        case (true, true):
            throw ResolutionFailure(reason: reason, message: "the git resolver needs a url param, or repo and org")
        }
    }

    /// `path` at `revision` of a repository on this machine that is read in place.
    private func read(_ path: String, at revision: String, in source: GitRepository, url: String, reason: String)
        async throws -> [UInt8]
    {
        let bytes: [UInt8]?
        do {
            let commit = try await (source.resolveRevision(revision))
            let tree = try await source.commitInfo(commit).tree
            bytes = try await source.readFile(path, atTree: tree)
        } catch {
            throw ResolutionFailure(
                reason: reason,
                message: "cannot read \(path) at revision \(revision) of \(redacted(url)): \(error.message)")
        }
        guard let bytes else {
            throw ResolutionFailure(
                reason: reason, message: "\(path) does not exist at revision \(revision) of \(redacted(url))")
        }
        return bytes
    }

    /// The repository to read in place: this one when `url` is one of its remotes' URLs or its own
    /// path (absolute or `file://`); the repository at a path relative to it (`.`, `./…`,
    /// `file://./…`). `nil` for anything else, which is fetched into the cache.
    private func localRepository(_ url: String, reason: String) async throws -> GitRepository? {
        var path = url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url
        if path == "." || path.hasPrefix("./") {
            // Relative to the repository (libgit2 does not normalise `.` components).
            while path.hasPrefix("./") { path.removeFirst(2) }
            let base = repository.workTree ?? repository.gitDirectory
            path = path == "." || path.isEmpty ? base : base + "/" + path
            do {
                return try GitRepository(path: path)
            } catch {
                throw ResolutionFailure(reason: reason, message: "\(url) is not a git repository: \(error.message)")
            }
        }
        let wanted = normalized(url)
        for remote in (try? await repository.configValues(["remote.origin.url", "remote.upstream.url"])) ?? [] {
            if let remote, normalized(remote) == wanted { return repository }
        }
        if path.hasPrefix("/") {
            let own = [repository.workTree, repository.gitDirectory].compactMap { $0.map(canonicalPath) }
            if own.contains(canonicalPath(path)) { return repository }
        }
        return nil
    }

    /// `path` absolute, without `.`/`..` components, symbolic links or a trailing `/`.
    private func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private func normalized(_ url: String) -> String {
        var text = redacted(url).lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasSuffix(".git") { text.removeLast(4) }
        return text
    }

    private func redacted(_ url: String) -> String { GitError.redactingCredentials(in: url) }
}
