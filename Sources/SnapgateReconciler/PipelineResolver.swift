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
/// objects; `git` from this repository (its remotes' URLs, `file://` URLs and local paths) read
/// through libgit2 at the requested revision. Resolvers that need a cluster or a registry
/// (`bundles`, `hub`, `http`) are refused with the reason.
public struct PipelineResolver: Sendable {
    public let repository: GitRepository

    /// Creates a resolver reading from `repository`.
    public init(repository: GitRepository) { self.repository = repository }

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

    /// `url` + `revision` + `pathInRepo` read through libgit2.
    private func gitDocument(params: [String: String], kind: String, reason: String) async throws -> YAMLNode {
        let url = params["url"] ?? ""
        let revision = params["revision"] ?? "HEAD"
        guard let path = params["pathInRepo"], !path.isEmpty else {
            throw ResolutionFailure(reason: reason, message: "the git resolver needs a pathInRepo param")
        }
        let source = try await repositoryFor(url: url, reason: reason)
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

    /// This repository when `url` is one of its remotes' URLs; the repository at a local path for
    /// `file://` URLs and paths.
    private func repositoryFor(url: String, reason: String) async throws -> GitRepository {
        if url.hasPrefix("file://") || url.hasPrefix("/") || url.hasPrefix("./") || url == "." {
            var path = url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url
            if !path.hasPrefix("/") {
                // Relative to the repository (libgit2 does not normalise `.` components).
                while path.hasPrefix("./") { path.removeFirst(2) }
                let base = repository.workTree ?? repository.gitDirectory
                path = path == "." || path.isEmpty ? base : base + "/" + path
            }
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
        throw ResolutionFailure(
            reason: reason,
            message: "\(redacted(url)) is not this repository: snapgate's local executor reads pipelines from the "
                + "repository itself (its remote URL, a file:// URL or a local path); fetching other repositories "
                + "is not available yet")
    }

    private func normalized(_ url: String) -> String {
        var text = redacted(url).lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasSuffix(".git") { text.removeLast(4) }
        return text
    }

    private func redacted(_ url: String) -> String { GitError.redactingCredentials(in: url) }
}
