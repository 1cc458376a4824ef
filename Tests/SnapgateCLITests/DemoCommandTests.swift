import Foundation
import SnapgateGit
import SnapgateTestSupport
import Testing

@testable import SnapgateCLI

/// `snapgate demo` (issue 4, item 7): the whole loop on the embedded sample, in a new repository.
@Suite struct DemoCommandTests {
    /// Runs `snapgate demo` with `arguments`, colours off, temporary directories under `tmp`.
    func demo(_ sandbox: Sandbox, _ arguments: [String], tmp: String? = nil) throws -> ProgramResult {
        var environment = ["NO_COLOR": "1"]
        if let tmp { environment["TMPDIR"] = tmp }
        return try sandbox.execute(snapgateExecutable, ["demo"] + arguments, environment: environment)
    }

    @Test func theDemoGoesFromTheSampleToARelease() throws {
        let sandbox = try Sandbox()
        let directory = sandbox.path("missing/demo")
        let result = try demo(sandbox, ["--directory", directory])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Sample repository: \(directory)\n"))

        // Three commits: the sample, the build record, and everything the pass derived.
        let subjects = try sandbox.git(["log", "--format=%s"], in: directory).split(separator: "\n")
        #expect(subjects.count == 3)
        #expect(subjects.last == "Sample Konflux repository")
        #expect(subjects.dropFirst().first?.hasPrefix("snapgate: record build frontend-on-push-") == true)
        #expect(subjects.first?.contains("1 created Release, 1 created Snapshot") == true)
        #expect(try sandbox.git(["status", "--porcelain", "--untracked-files=all"], in: directory).isEmpty)
        let tracked = try sandbox.git(["ls-files"], in: directory)
        #expect(tracked.contains(".snapgate.yaml\n"))

        let snapshots = try FileManager.default.contentsOfDirectory(
            atPath: "\(directory)/snapgate/shop-tenant/snapshots")
        let releases = try FileManager.default.contentsOfDirectory(atPath: "\(directory)/snapgate/shop-tenant/releases")
        #expect(snapshots.count == 1)
        #expect(releases.count == 1)
        let snapshot = String(try #require(snapshots.first).dropLast(".yaml".count))
        let release = String(try #require(releases.first).dropLast(".yaml".count))

        // The output names the Snapshot, both scenarios' outcomes, the Release, and the stat listing.
        #expect(result.stdout.contains("== Snapshot \(snapshot) (push, built: frontend): Passed"))
        #expect(result.stdout.contains("snapshot-policy  TestPassed\n"))
        #expect(result.stdout.contains("image-freshness  TestFail  (optional: does not block the release)"))
        #expect(result.stdout.contains("Release \(release) (release plan shop-staging)"))
        #expect(result.stdout.contains("11 files changed, "))
        #expect(result.stdout.contains("1 file changed, "))
        #expect(result.stdout.contains("\(snapgateExecutable) status --repo \(directory)"))
        #expect(result.stdout.contains("git -C \(directory) log -p"))
        #expect(result.stderr.contains("snapshot-policy-"))
        #expect(FileManager.default.fileExists(atPath: directory))
    }

    /// The `--stat` listing the demo prints agrees with git's own counts.
    @Test func theStatListingAgreesWithGit() throws {
        let sandbox = try Sandbox()
        let directory = sandbox.path("demo")
        let result = try demo(sandbox, ["--directory", directory])
        try #require(result.status == 0, "\(result.stderr)")
        let summaries = try sandbox.git(["log", "--format=", "--shortstat", "-2"], in: directory)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(summaries.count == 2)
        for summary in summaries {
            #expect(result.stdout.contains(" \(summary)\n"), "\(summary)")
        }
    }

    @Test func aTemporaryRepositoryIsRemovedUnlessKept() throws {
        let sandbox = try Sandbox()
        let tmp = sandbox.path("tmp")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let removed = try demo(sandbox, [], tmp: tmp)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty)
        #expect(removed.stdout.contains("\(snapgateExecutable) demo --keep"))

        let kept = try demo(sandbox, ["--keep"], tmp: tmp)
        #expect(kept.status == 0, "\(kept.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp)
        #expect(left.count == 1)
        #expect(left.first?.hasPrefix("snapgate-demo.") == true)
        #expect(kept.stdout.contains("status --repo \(tmp)/\(left.first ?? "")"))
    }

    /// Without the tools the sample's required pipeline needs (an empty PATH), its scenario fails:
    /// no Release, exit status 1, one line on stderr saying why, and the repository kept.
    @Test func aFailingRequiredScenarioFailsTheDemo() throws {
        let sandbox = try Sandbox()
        let tmp = sandbox.path("tmp")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let environment = ["NO_COLOR": "1", "TMPDIR": tmp, "PATH": sandbox.path("no-tools")]
        let result = try sandbox.execute(snapgateExecutable, ["demo"], environment: environment)
        #expect(result.status == 1, "\(result.stderr)")
        let lastLine = result.stderr.split(separator: "\n").last ?? ""
        #expect(lastLine.hasPrefix("snapgate: error: demo failed: required scenario(s) of Snapshot shop-"))
        #expect(lastLine.hasSuffix("did not pass: snapshot-policy (TestFail)"))
        #expect(result.stdout.contains("snapshot-policy  TestFail\n"))
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp)
        #expect(left.count == 1)
        #expect(result.stdout.contains("the repository is kept in \(tmp)/\(left.first ?? "")"))
        #expect(!FileManager.default.fileExists(atPath: "\(tmp)/\(left.first ?? "")/snapgate/shop-tenant/releases"))
    }

    @Test func aDirectoryThatIsNotEmptyIsRefused() throws {
        let sandbox = try Sandbox()
        let directory = sandbox.path("full")
        try sandbox.write("keep me\n", to: "note.txt", in: directory)
        let result = try demo(sandbox, ["--directory", directory])
        #expect(result.status == 2)
        #expect(
            result.stderr == "snapgate: error: --directory \(directory) exists and is not an empty directory; "
                + "name an empty or missing one\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["note.txt"])
    }

    @Test func helpExplainsTheCommand() throws {
        let sandbox = try Sandbox()
        let result = try demo(sandbox, ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--directory <dir>"))
        #expect(result.stdout.contains("--keep"))
        #expect(result.stdout.contains("Exit status"))
    }

    // MARK: - The embedded sample

    /// The generated file matches `sample-repo/`: run scripts/generate-sample-repository.py after
    /// changing the sample.
    @Test func theEmbeddedSampleMatchesSampleRepo() throws {
        let root = PackagePaths.sampleRepository
        let onDisk = try sampleFiles(under: root)
        let embedded = SampleRepository.files.map(\.path)
        #expect(embedded == embedded.sorted(), "the generated file is not sorted by path")
        #expect(embedded == onDisk, "regenerate with scripts/generate-sample-repository.py")
        for file in SampleRepository.files where onDisk.contains(file.path) {
            let text = try String(contentsOf: root.appendingPathComponent(file.path), encoding: .utf8)
            #expect(file.contents == text, "\(file.path) differs: run scripts/generate-sample-repository.py")
        }
    }

    /// Every file under `root` (dotfiles included), as sorted `/`-separated relative paths.
    func sampleFiles(under root: URL) throws -> [String] {
        let prefix = root.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix + relative, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                paths.append(relative)
            }
        }
        return paths.sorted()
    }

    // MARK: - Pure parts

    func row(tests: [StatusReport.Test], releases: [(name: String, plan: String)]) -> StatusReport.SnapshotRow {
        StatusReport.SnapshotRow(
            name: "shop-1", event: "push", component: "frontend", verdict: "Passed",
            components: [("frontend", "quay.io/x/frontend@sha256:00")], tests: tests, releases: releases)
    }

    @Test func theLoopFailsWithoutASnapshotAPassingRequiredScenarioOrARelease() {
        let passed = StatusReport.Test(scenario: "policy", status: "TestPassed", optional: false)
        let failedOptional = StatusReport.Test(scenario: "fresh", status: "TestFail", optional: true)
        let failedRequired = StatusReport.Test(scenario: "policy", status: "TestFail", optional: false)
        let release = [(name: "shop-1-abcde", plan: "staging")]
        #expect(DemoReport.problem(nil)?.contains("did not become a Snapshot") == true)
        #expect(DemoReport.problem(row(tests: [passed, failedOptional], releases: release)) == nil)
        #expect(
            DemoReport.problem(row(tests: [failedRequired], releases: release))
                == "required scenario(s) of Snapshot shop-1 did not pass: policy (TestFail)")
        #expect(
            DemoReport.problem(row(tests: [passed], releases: []))
                == "Snapshot shop-1 passed but no Release was created")
    }

    @Test func theStatCountsInsertionsAndDeletionsPerFile() throws {
        let id = try #require(GitObjectID(hex: String(repeating: "a", count: 40)))
        let signature = GitSignature(name: "a", email: "a@example.com", time: 0, offsetMinutes: 0)
        let info = GitCommitInfo(
            id: id, tree: id, parents: [], message: "subject\n\nbody\n", author: signature, committer: signature)
        let files = [
            DemoReport.FileStat(path: "z.yaml", old: Array("a\nb\nc\n".utf8), new: Array("a\nB\nc\nd\n".utf8)),
            DemoReport.FileStat(path: "a.yaml", old: nil, new: Array("x\n".utf8)),
            DemoReport.FileStat(path: "gone.yaml", old: Array("x\ny\n".utf8), new: nil),
        ]
        let text = DemoReport.stat(commit: info, files: files)
        #expect(
            text == """

                commit \(String(repeating: "a", count: 40))
                    subject

                 a.yaml    | 1 +
                 gone.yaml | 2 --
                 z.yaml    | 3 ++-
                 3 files changed, 3 insertions(+), 3 deletions(-)

                """)
    }
}
