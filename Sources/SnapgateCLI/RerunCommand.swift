import ArgumentParser
import SnapgateLoader
import SnapgateModel
import SnapgateNode
import SnapgateReconciler

/// `snapgate rerun`: asks for a Snapshot's tests to run again (SPEC.md §3.5), by commit.
struct RerunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rerun",
        abstract: "Ask for a Snapshot's integration tests to run again.",
        discussion: """
            Adds the label test.appstudio.openshift.io/run to the Snapshot — `all`, or the name of one \
            scenario — and commits, exactly what editing the Snapshot's YAML would do. The next \
            `snapgate reconcile` starts the runs. For a Snapshot you wrote yourself (an override), the \
            label goes into snapgate's status document for it; your file is not rewritten.
            """)

    @Argument(help: "The Snapshot's name.")
    var snapshot: String

    @Option(name: .long, help: "Re-run only this scenario (default: every applicable scenario).")
    var scenario: String?

    @Option(name: .long, help: "The Snapshot's namespace, when its name is not unique.")
    var namespace: String?

    @OptionGroup var repository: RepositoryOptions

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
        let value = scenario ?? "all"
        let outcome = try await CommitLoop.run(repository: repo, branch: branch, now: Timestamp.wallClock()) {
            loaded throws(CommandFailure) in
            let object = try findSnapshot(in: loaded)
            if let scenario {
                let known = loaded.objects.compactMap(\.scenario).filter {
                    $0.metadata.namespace == object.key.namespace && $0.application == object.snapshot?.application
                }
                guard known.contains(where: { $0.metadata.name == scenario }) else {
                    let names = known.map(\.metadata.name).joined(separator: ", ")
                    throw CommandFailure(
                        "application '\(object.snapshot?.application ?? "")' has no scenario '\(scenario)'"
                            + (names.isEmpty ? "" : " (it has: \(names))"))
                }
            }
            let edited = object.node.settingLabel("test.appstudio.openshift.io/run", to: value)
                .removingAnnotation("snapgate.dev/handled-run")
            let config = loaded.config
            let path: String
            let contents: [UInt8]
            if config.isOwned(object.source.path) {
                path = object.source.path
                contents = ChangeSet.render(edited)
            } else {
                let authored = loaded.authored[object.key]?.node ?? object.node
                path =
                    loaded.statusDocuments[object.key]?.source.path
                    ?? OwnedPaths.path(for: object.key, kind: .snapshot, outputDirectory: config.outputDirectory)
                guard let document = StatusDocument.make(effective: edited, authored: authored) else {
                    throw CommandFailure("Snapshot \(object.key.name) already carries that label in its own file")
                }
                contents = ChangeSet.render(document)
            }
            let subject = "snapgate: re-run \(scenario.map { "scenario \($0)" } ?? "all scenarios") of Snapshot "
            return CommitLoop.Plan(
                changes: [
                    FileChange(
                        action: .update, key: object.key, apiVersion: object.apiVersion, path: path, contents: contents)
                ],
                message: subject + "\(object.key.namespace)/\(object.key.name)\n\n"
                    + "update Snapshot \(object.key.namespace)/\(object.key.name)\n\nSnapgate-Snapshot: \(object.key.name)\n",
                summary: "\(object.key.namespace)/\(object.key.name)")
        }
        guard let commit = outcome.published.commit else {
            Terminal.writeOut("a re-run of \(outcome.summary) was already requested; nothing to commit\n")
            return
        }
        Terminal.writeOut(
            "requested a re-run (\(value)) of Snapshot \(outcome.summary) in commit \(commit.abbreviated(8)); "
                + "`snapgate reconcile` starts it\n")
    }

    private func findSnapshot(in loaded: LoadedManifests) throws(CommandFailure) -> ManifestObject {
        let matches = loaded.objects.filter {
            $0.kind == .snapshot && $0.key.name == snapshot && (namespace == nil || $0.key.namespace == namespace)
        }
        guard let first = matches.first else {
            throw CommandFailure("there is no Snapshot '\(snapshot)' on this branch")
        }
        guard matches.count == 1 else {
            throw CommandFailure("Snapshot '\(snapshot)' exists in several namespaces; name one with --namespace")
        }
        return first
    }
}
