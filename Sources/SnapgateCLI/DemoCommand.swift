import ArgumentParser
import Foundation
import SnapgateGit
import SnapgateLoader
import SnapgateModel
import SnapgateReconciler
import SnapgateRules

/// `snapgate demo`: the whole loop on the embedded sample repository, offline, in a new repository.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole loop on the built-in sample repository: build → Snapshot → tests → Release.",
        discussion: """
            Creates a new git repository holding the sample Konflux repository (one Application, \
            three Components, two integration test scenarios that apply, release plans and the \
            Tekton pipelines the scenarios run), records a push build of the frontend component as \
            `snapgate record-build` does, and reconciles with the local executor, as `snapgate \
            reconcile --executor local` does: the Snapshot is made, its test pipelines run on this \
            machine as processes, the verdict is written and the Snapshot is released — one commit. \
            Then it shows the Snapshot, each scenario's outcome, the Release and what snapgate \
            committed. Needs no network, no container engine and no git command.

            The repository goes into a new temporary directory (printed first), which is removed at \
            the end unless --keep is given or the demo fails; a directory named with --directory is \
            always kept.

            Exit status: 0 when the loop reached a Release; 1 when it did not (no Snapshot, a \
            required scenario that did not pass, or no Release: one line on stderr says which); 2 \
            when the demo could not run.
            """)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where to create the repository: an empty or missing directory (kept afterwards).", valueName: "dir"))
    var directory: String?

    @Flag(name: .long, help: "Keep the temporary repository afterwards, to explore it.")
    var keep = false

    func validate() throws {
        if let directory, directory.isEmpty { throw ValidationError("--directory must not be empty") }
    }

    func run() async throws {
        do {
            let location = try DemoLocation.prepare(directory)
            Terminal.writeOut("Sample repository: \(location.path)\n")
            var snapshot: String?
            do {
                snapshot = try await runLoop(in: location.path)
            } catch {
                Terminal.writeOut(
                    DemoReport.nextSteps(path: location.path, snapshot: nil, kept: true, snapgate: Self.invocation))
                throw error
            }
            let kept = keep || !location.isTemporary
            if !kept { try? FileManager.default.removeItem(atPath: location.path) }
            Terminal.writeOut(
                DemoReport.nextSteps(path: location.path, snapshot: snapshot, kept: kept, snapgate: Self.invocation))
        } catch let failure as CommandFailure {
            Terminal.writeErr("snapgate: error: \(failure.message)\n")
            throw ExitCode(failure.exitCode)
        }
    }

    /// How to run this snapgate again: the path it was started by, or `snapgate` when found on `PATH`.
    static var invocation: String {
        CommandLine.arguments.first.flatMap { $0.contains("/") ? $0 : nil } ?? "snapgate"
    }

    /// Sample → build → reconcile → report; returns the Snapshot's name, and throws when any step
    /// fails or the loop fell short of a Release.
    private func runLoop(in path: String) async throws(CommandFailure) -> String? {
        let now = Timestamp.wallClock()
        let repository = try await DemoSteps.createSampleRepository(at: path, now: now)
        try await DemoSteps.validate(repository)
        let build = try await DemoSteps.recordBuild(repository, now: now)
        let outcome = try await DemoSteps.reconcile(repository)
        let row = try await DemoSteps.snapshotRow(repository, outcome: outcome)
        if let row { Terminal.writeOut(DemoReport.snapshot(row)) }
        let commits = [outcome.stat, build].compactMap { $0 }
        Terminal.writeOut(
            "\n== What snapgate committed (git log --stat)\n" + (try await DemoSteps.stat(repository, commits: commits))
        )
        if let problem = DemoReport.problem(row) { throw CommandFailure("demo failed: \(problem)", exitCode: 1) }
        Terminal.writeOut("\nThe whole loop ran: build recorded → Snapshot → tests run → verdict → Release.\n")
        return row?.name
    }
}

/// Where the demo's repository goes.
struct DemoLocation {
    /// Absolute path of the directory.
    var path: String
    /// Whether the demo made it as a temporary directory (and may remove it).
    var isTemporary: Bool

    /// The directory the person named (empty or missing), or a new temporary one.
    static func prepare(_ directory: String?) throws(CommandFailure) -> DemoLocation {
        guard let directory else { return try makeTemporary() }
        let path = URL(fileURLWithPath: directory).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            let contents = try? FileManager.default.contentsOfDirectory(atPath: path)
            guard isDirectory.boolValue, let contents, contents.isEmpty else {
                throw CommandFailure(
                    "--directory \(directory) exists and is not an empty directory; name an empty or missing one")
            }
        }
        return DemoLocation(path: path, isTemporary: false)
    }

    /// A new `snapgate-demo.XXXXXX` in the temporary directory.
    private static func makeTemporary() throws(CommandFailure) -> DemoLocation {
        let base = FileManager.default.temporaryDirectory.standardizedFileURL.path
        var template = Array("\(base)/snapgate-demo.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CommandFailure("cannot create a temporary directory in \(base): \(String(cString: strerror(errno)))")
        }
        return DemoLocation(path: String(cString: made), isTemporary: true)
    }
}

/// A commit snapgate made, and the files it changed (for the `--stat` listing).
struct DemoCommit {
    var id: GitObjectID
    var parent: GitObjectID
    var changes: [FileChange]
}

extension ReconcileOutcome {
    /// The pass's commit, when it made one.
    fileprivate var stat: DemoCommit? { commit.map { DemoCommit(id: $0, parent: base, changes: changes) } }
}

/// The demo's steps, each printing what it did.
enum DemoSteps {
    /// The image built, the source and the commit of the demo's frontend build.
    static let frontendImage = "quay.io/example-shop/frontend"
    static let frontendDigest = "sha256:5c1f0a7e3b9d2c4e6f8a0b1c3d5e7f9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e"
    static let frontendGitURL = "https://github.com/example-shop/frontend.git"
    static let frontendCommit = "7d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c"

    /// A new repository at `path` whose `main` is one commit holding the sample, checked out.
    static func createSampleRepository(at path: String, now: Timestamp) async throws(CommandFailure) -> GitRepository {
        do {
            let repository = try GitRepository.create(at: path, initialBranch: "main")
            var changes: [GitTreeChange] = []
            for file in SampleRepository.files {
                changes.append(
                    .upsert(path: file.path, blob: try await repository.writeBlob(Array(file.contents.utf8))))
            }
            let tree = try await repository.makeTree(base: nil, changes: changes)
            let signature = await repository.defaultSignature(now: now.seconds)
            let commit = try await repository.createCommit(
                tree: tree, parents: [], message: "Sample Konflux repository\n", author: signature,
                committer: signature)
            try await repository.updateBranch("main", to: commit, expecting: nil, reflogMessage: "snapgate demo")
            try await repository.checkoutHead()
            Terminal.writeOut(
                "\n== A new git repository with the sample (\(changes.count) files), commit \(commit.abbreviated(8))\n")
            return repository
        } catch {
            throw CommandFailure("cannot create the sample repository at \(path): \(error.message)")
        }
    }

    /// `snapgate validate`, briefly: the sample must load without errors.
    static func validate(_ repository: GitRepository) async throws(CommandFailure) {
        let loaded = try await load(repository)
        for diagnostic in loaded.diagnostics {
            Terminal.writeOut(Terminal.format(diagnostic, colors: Terminal.stdoutSupportsColor) + "\n")
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        Terminal.writeOut("validated: \(loaded.objects.count) objects, \(errors) errors\n")
        guard errors == 0 else { throw CommandFailure("the sample repository has \(errors) errors") }
    }

    /// `snapgate record-build` of a push build of the frontend.
    static func recordBuild(_ repository: GitRepository, now: Timestamp) async throws(CommandFailure) -> DemoCommit? {
        Terminal.writeOut("\n== snapgate record-build (a push build of the frontend)\n")
        let build = BuildRecord(
            component: "frontend", imageURL: frontendImage, imageDigest: frontendDigest, gitURL: frontendGitURL,
            gitCommit: frontendCommit, start: now)
        let tip = try await branchTip(repository)
        let outcome = try await build.commit(to: repository, branch: "main", now: now)
        guard let commit = outcome.published.commit else { return nil }
        Terminal.writeOut("recorded build \(outcome.summary) (commit \(commit.abbreviated(8)))\n")
        return DemoCommit(id: commit, parent: tip, changes: outcome.published.changes)
    }

    /// `snapgate reconcile --executor local`, with its progress lines and report.
    static func reconcile(_ repository: GitRepository) async throws(CommandFailure) -> ReconcileOutcome {
        Terminal.writeOut(
            "\n== snapgate reconcile --executor local (the sample's test pipelines run on this machine)\n")
        return try await LocalPass.run(repository: repository, branch: "main", now: nil, executor: .local) { outcome in
            Terminal.writeOut(ReconcileReport.text(outcome, colors: Terminal.stdoutSupportsColor))
        }
    }

    /// The status row of the Snapshot the pass created; nil when it created none.
    static func snapshotRow(_ repository: GitRepository, outcome: ReconcileOutcome) async throws(CommandFailure)
        -> StatusReport.SnapshotRow?
    {
        let created = outcome.changes.first { $0.key.groupKind.kind == "Snapshot" && $0.action == .create }
        guard let name = created?.key.name else { return nil }
        let loaded = try await load(repository)
        let world = World(objects: loaded.objects, defaultNamespace: loaded.config.defaultNamespace)
        let rows = StatusReport.make(world, limit: Int.max).applications.flatMap(\.snapshots)
        return rows.first { $0.name == name }
    }

    /// `git log --stat` of `commits`, newest first, computed from the files each commit changed.
    static func stat(_ repository: GitRepository, commits: [DemoCommit]) async throws(CommandFailure) -> String {
        var out = ""
        do {
            for commit in commits {
                let info = try await repository.commitInfo(commit.id)
                let parentTree = try await repository.commitInfo(commit.parent).tree
                var files: [DemoReport.FileStat] = []
                for change in commit.changes {
                    let old = try await repository.readFile(change.path, atTree: parentTree)
                    files.append(DemoReport.FileStat(path: change.path, old: old, new: change.contents))
                }
                out += DemoReport.stat(commit: info, files: files)
            }
        } catch {
            throw CommandFailure("cannot read the commits back: \(error.message)")
        }
        return out
    }

    private static func load(_ repository: GitRepository) async throws(CommandFailure) -> LoadedManifests {
        do {
            return try await RepositoryLoader(repository: repository).load(commit: try await branchTip(repository))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("cannot read the sample repository's manifests: \(error)")
        }
    }

    private static func branchTip(_ repository: GitRepository) async throws(CommandFailure) -> GitObjectID {
        guard let tip = try? await repository.branchTip("main") else {
            throw CommandFailure("the demo repository's branch 'main' has no commit")
        }
        return tip
    }
}

/// What the demo prints, as pure functions of values.
enum DemoReport {
    /// One file of a commit: its bytes before and after.
    struct FileStat {
        var path: String
        var old: [UInt8]?
        var new: [UInt8]?

        /// Lines added and removed, as `git diff --stat` counts them.
        var counts: (insertions: Int, deletions: Int) {
            let before = lines(old)
            let after = lines(new)
            let difference = after.difference(from: before)
            return (difference.insertions.count, difference.removals.count)
        }

        private func lines(_ bytes: [UInt8]?) -> [Substring] {
            guard let bytes, !bytes.isEmpty else { return [] }
            var text = Substring(String(decoding: bytes, as: UTF8.self))
            if text.hasSuffix("\n") { text = text.dropLast() }
            return text.split(separator: "\n", omittingEmptySubsequences: false)
        }
    }

    /// The Snapshot, its components, each applicable scenario's outcome and its Releases.
    static func snapshot(_ row: StatusReport.SnapshotRow) -> String {
        var out = "\n== Snapshot \(row.name) (\(row.event), built: \(row.component)): \(row.verdict)\n"
        out += "components:\n"
        let componentWidth = row.components.map(\.name.count).max() ?? 0
        for component in row.components {
            out += "  \(pad(component.name, componentWidth))  \(component.image)\n"
        }
        out += "scenarios:\n"
        let scenarioWidth = row.tests.map(\.scenario.count).max() ?? 0
        for test in row.tests {
            let note = test.optional ? "  (optional: does not block the release)" : ""
            out += "  \(pad(test.scenario, scenarioWidth))  \(test.status)\(note)\n"
        }
        out += "releases:\n"
        for release in row.releases { out += "  Release \(release.name) (release plan \(release.plan))\n" }
        if row.releases.isEmpty { out += "  none\n" }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    /// Why the loop did not reach its end; nil when it did.
    static func problem(_ row: StatusReport.SnapshotRow?) -> String? {
        guard let row else { return "the build did not become a Snapshot (see the diagnostics above)" }
        let failed = row.tests.filter { !$0.optional && $0.status != "TestPassed" }
        if !failed.isEmpty {
            let names = failed.map { "\($0.scenario) (\($0.status))" }.joined(separator: ", ")
            return "required scenario(s) of Snapshot \(row.name) did not pass: \(names)"
        }
        guard !row.releases.isEmpty else { return "Snapshot \(row.name) passed but no Release was created" }
        return nil
    }

    /// One commit as `git log --stat` shows it.
    static func stat(commit: GitCommitInfo, files unsorted: [FileStat]) -> String {
        let files = unsorted.sorted { $0.path < $1.path }
        let subject = commit.message.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        var out = "\ncommit \(commit.id.hex)\n    \(subject)\n\n"
        let counts = files.map(\.counts)
        let totals = counts.map { $0.insertions + $0.deletions }
        let pathWidth = files.map(\.path.count).max() ?? 0
        let numberWidth = String(totals.max() ?? 0).count
        let scale = max(1.0, Double(totals.max() ?? 0) / 40)
        for (index, file) in files.enumerated() {
            let plus = String(repeating: "+", count: Int((Double(counts[index].insertions) / scale).rounded(.up)))
            let minus = String(repeating: "-", count: Int((Double(counts[index].deletions) / scale).rounded(.up)))
            let number = String(totals[index])
            out += " \(pad(file.path, pathWidth)) | "
            out += String(repeating: " ", count: numberWidth - number.count) + number + " \(plus)\(minus)\n"
        }
        let insertions = counts.map(\.insertions).reduce(0, +)
        let deletions = counts.map(\.deletions).reduce(0, +)
        out += " \(files.count) file\(files.count == 1 ? "" : "s") changed, \(insertions) insertions(+)"
        out += deletions > 0 ? ", \(deletions) deletions(-)\n" : "\n"
        return out
    }

    /// What to try next, with the repository's path (and the Snapshot's name, when there is one);
    /// `snapgate` is how to run snapgate.
    static func nextSteps(path: String, snapshot: String?, kept: Bool, snapgate: String = "snapgate") -> String {
        guard kept else {
            return """

                The demo repository was removed. To keep it and look around, run `\(snapgate) demo --keep` \
                (or `--directory DIR`).

                """
        }
        var out = """

            What to try next (the repository is kept in \(path)):
              \(snapgate) status --repo \(path)
              git -C \(path) log -p

            """
        if let snapshot {
            out += """
                Run the tests again, then see the new results:
                  \(snapgate) rerun \(snapshot) --repo \(path)
                  \(snapgate) reconcile --repo \(path) --executor local

                """
        }
        return out
    }
}
