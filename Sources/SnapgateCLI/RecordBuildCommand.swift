import ArgumentParser
import Foundation
import SnapgateGit
import SnapgateLoader
import SnapgateModel
import SnapgateNode
import SnapgateReconciler
import SnapgateRules

/// `snapgate record-build`: commits a build record for CI systems that are not Tekton.
struct RecordBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record-build",
        abstract: "Record a finished build of a component, as a build PipelineRun committed to the branch.",
        discussion: """
            Writes a Tekton PipelineRun in the shape `kubectl get pipelinerun -o yaml` prints — \
            labelled pipelines.appstudio.openshift.io/type: build, succeeded, with the IMAGE_URL, \
            IMAGE_DIGEST, CHAINS-GIT_URL and CHAINS-GIT_COMMIT results — to builds/<namespace>/<name>.yaml \
            and commits it. The next `snapgate reconcile` turns it into a Snapshot. Such a record is \
            marked as written by record-build, so the Chains-signature wait does not apply to it.
            """)

    @OptionGroup var repository: RepositoryOptions

    @Option(name: .long, help: "The Component that was built.")
    var component: String

    @Option(name: .long, help: "The Component's namespace, when its name is not unique.")
    var namespace: String?

    @Option(name: .long, help: ArgumentHelp("The image built, pinned by digest.", valueName: "repo@sha256:hex"))
    var image: String?

    @Option(
        name: .customLong("image-url"),
        help: ArgumentHelp("The image repository (with --image-digest).", valueName: "url"))
    var imageURL: String?

    @Option(
        name: .customLong("image-digest"),
        help: ArgumentHelp("The image digest (with --image-url).", valueName: "sha256:hex"))
    var imageDigest: String?

    @Option(name: .customLong("git-url"), help: ArgumentHelp("The source repository built.", valueName: "url"))
    var gitURL: String

    @Option(name: .customLong("git-commit"), help: ArgumentHelp("The commit built.", valueName: "sha"))
    var gitCommit: String

    @Option(name: .long, help: "The event that triggered the build: push or pull_request.")
    var event: BuildEvent = .push

    @Option(
        name: .customLong("pull-request"),
        help: ArgumentHelp("The pull request number (with --event pull_request).", valueName: "n"))
    var pullRequest: Int?

    @Option(
        name: .customLong("start-time"),
        help: ArgumentHelp("When the build started, RFC 3339 (default: now).", valueName: "time"))
    var startTime: String?

    enum BuildEvent: String, ExpressibleByArgument, CaseIterable {
        case push
        case pullRequest = "pull_request"
    }

    func validate() throws {
        switch (image, imageURL, imageDigest) {
        case (let image?, nil, nil):
            let parts = image.split(separator: "@", maxSplits: 1)
            guard parts.count == 2, isDigest(String(parts[1])) else {
                throw ValidationError("--image must be a reference pinned by digest: <repository>@sha256:<64 hex>")
            }
        case (nil, _?, let digest?):
            guard isDigest(digest) else { throw ValidationError("--image-digest must be sha256:<64 lowercase hex>") }
        default:
            throw ValidationError("give either --image REPO@sha256:HEX, or both --image-url and --image-digest")
        }
        guard !gitCommit.isEmpty, !gitURL.isEmpty else {
            throw ValidationError("--git-url and --git-commit must not be empty")
        }
        if event == .pullRequest && pullRequest == nil {
            throw ValidationError("--event pull_request needs --pull-request N")
        }
        if let startTime, Timestamp(rfc3339: startTime) == nil {
            throw ValidationError("--start-time must be an RFC 3339 time such as 2025-11-09T13:04:05Z")
        }
    }

    private func isDigest(_ text: String) -> Bool {
        let hex = text.dropFirst("sha256:".count)
        return text.hasPrefix("sha256:") && hex.count == 64 && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    func run() async throws {
        do {
            try await execute()
        } catch {
            Terminal.writeErr("snapgate: error: \(error.message)\n")
            throw ExitCode(error.exitCode)
        }
    }

    private func execute() async throws(CommandFailure) {
        let (repo, branch, _) = try await repository.resolve()
        let now = Timestamp.wallClock()
        let outcome = try await makeBuild(start: startTime.flatMap { Timestamp(rfc3339: $0) } ?? now)
            .commit(to: repo, branch: branch, now: now)
        let result = outcome.published
        let recorded = outcome.summary
        guard let commit = result.commit else {
            Terminal.writeOut("build \(recorded) was already recorded; nothing to commit\n")
            return
        }
        if case .leftAlone(let reason)? = result.workTree {
            Terminal.writeErr("snapgate: warning: the working tree was left alone: \(reason)\n")
        }
        Terminal.writeOut("recorded build \(recorded) (commit \(commit.abbreviated(8)))\n")
    }

    /// The build the options describe.
    private func makeBuild(start: Timestamp) -> BuildRecord {
        let (url, digest): (String, String) = {
            if let image {
                let parts = image.split(separator: "@", maxSplits: 1).map(String.init)
                return (parts[0], parts[1])
            }
            return (imageURL ?? "", imageDigest ?? "")
        }()
        return BuildRecord(
            component: component, namespace: namespace, imageURL: url, imageDigest: digest, gitURL: gitURL,
            gitCommit: gitCommit, event: event, pullRequest: pullRequest, start: start)
    }
}

/// A finished build of a component, recorded as the build PipelineRun Tekton and Chains would have
/// left behind: what `snapgate record-build` commits (and `snapgate demo` through it).
struct BuildRecord {
    /// The Component built.
    var component: String
    /// The Component's namespace; nil when its name is unique on the branch.
    var namespace: String?
    /// The image repository (`IMAGE_URL`).
    var imageURL: String
    /// `sha256:<64 hex>` (`IMAGE_DIGEST`).
    var imageDigest: String
    /// The source repository (`CHAINS-GIT_URL`).
    var gitURL: String
    /// The commit built (`CHAINS-GIT_COMMIT`).
    var gitCommit: String
    /// What triggered the build.
    var event: RecordBuildCommand.BuildEvent = .push
    /// The pull request number, for `.pullRequest`.
    var pullRequest: Int?
    /// When the build started.
    var start: Timestamp

    /// Commits the record to `branch` as `builds/<namespace>/<name>.yaml`, reading the branch again
    /// and recomputing when it moves meanwhile. The outcome's commit is nil when the same record is
    /// already there.
    func commit(to repository: GitRepository, branch: String, now: Timestamp) async throws(CommandFailure)
        -> CommitLoop.Outcome
    {
        try await CommitLoop.run(repository: repository, branch: branch, now: now) {
            loaded throws(CommandFailure) in try plan(loaded, now: now)
        }
    }

    /// The file to write and the commit message, for the branch's manifests.
    private func plan(_ loaded: LoadedManifests, now: Timestamp) throws(CommandFailure) -> CommitLoop.Plan {
        let target = try findComponent(in: loaded)
        let record = makeRecord(component: target, completion: max(start, now))
        let name = record.mapping("metadata")?.string("name") ?? ""
        let path = "builds/\(target.metadata.namespace)/\(name).yaml"
        guard loaded.config.isManifest(path), !loaded.config.isOwned(path) else {
            throw CommandFailure(
                "\(path) would not be read as a manifest under this repository's .snapgate.yaml; add "
                    + "\"builds/**/*.yaml\" to its include list")
        }
        let key = ObjectKey(KnownKind.pipelineRun.groupKind, namespace: target.metadata.namespace, name: name)
        return CommitLoop.Plan(
            changes: [
                FileChange(
                    action: .create, key: key, apiVersion: "tekton.dev/v1", path: path,
                    contents: ChangeSet.render(record))
            ],
            message: "snapgate: record build \(name) of Component \(target.metadata.namespace)/\(component)\n\n"
                + "create PipelineRun \(target.metadata.namespace)/\(name)\n\nSnapgate-Build: \(name)\n",
            summary: "\(name) of \(component) in \(path)")
    }

    private func findComponent(in loaded: LoadedManifests) throws(CommandFailure) -> Component {
        let matches = loaded.objects.compactMap(\.component).filter {
            $0.metadata.name == component && (namespace == nil || $0.metadata.namespace == namespace)
        }
        guard let first = matches.first else {
            throw CommandFailure(
                "there is no Component '\(component)'\(namespace.map { " in namespace \($0)" } ?? "") on this branch")
        }
        guard matches.count == 1 else {
            let namespaces = matches.map(\.metadata.namespace).joined(separator: ", ")
            throw CommandFailure(
                "Component '\(component)' exists in several namespaces (\(namespaces)); name one with --namespace")
        }
        return first
    }

    /// The record: what Tekton and Chains would have left behind for this build.
    private func makeRecord(component target: Component, completion: Timestamp) -> YAMLNode {
        let (url, digest) = (imageURL, imageDigest)
        let trigger = event == .push ? "push" : "pull-request"
        let seed = "\(target.metadata.namespace)/\(component)/\(digest)/\(gitCommit)/\(start.milliseconds)"
        let name = Naming.generatedName(prefix: "\(component)-on-\(trigger)-", seed: seed)
        var labels: StringMap = [
            "pipelines.appstudio.openshift.io/type": "build", "appstudio.openshift.io/component": component,
            "appstudio.openshift.io/application": target.application,
            "pipelinesascode.tekton.dev/event-type": event.rawValue,
        ]
        if let pullRequest { labels["pipelinesascode.tekton.dev/pull-request"] = String(pullRequest) }
        let result: (String, String) -> YAMLNode = { .mapping([("name", .string($0)), ("value", .string($1))]) }
        return .mapping([
            ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("PipelineRun")),
            (
                "metadata",
                ObjectMeta(
                    name: name, namespace: target.metadata.namespace, labels: labels,
                    annotations: ["snapgate.dev/recorded-by": "record-build"]
                ).node
            ),
            ("spec", .mapping([("pipelineRef", .mapping([("name", .string("external-build"))]))])),
            (
                "status",
                .mapping([
                    ("startTime", .string(start.rfc3339)), ("completionTime", .string(completion.rfc3339)),
                    (
                        "conditions",
                        .sequence([
                            Condition(
                                type: "Succeeded", status: "True", reason: "Succeeded",
                                message: "Recorded by snapgate record-build", lastTransitionTime: completion.rfc3339
                            ).node
                        ])
                    ),
                    (
                        "results",
                        .sequence([
                            result("IMAGE_URL", url), result("IMAGE_DIGEST", digest), result("CHAINS-GIT_URL", gitURL),
                            result("CHAINS-GIT_COMMIT", gitCommit),
                        ])
                    ),
                ])
            ),
        ])
    }
}
