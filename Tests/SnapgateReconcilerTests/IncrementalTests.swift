import Foundation
import SnapgateGit
import SnapgateLoader
import SnapgateModel
import SnapgateReconciler
import SnapgateTestSupport
import Testing

/// Issue 5: the incremental path (a long-lived reconciler with warm caches) gives byte-identical
/// results to a cold run on the same inputs.
@Suite struct IncrementalTests {
    static let secondBuild = ReconcilerEndToEndTests.manifests["builds/web-build.yaml"]!
        .replacingOccurrences(of: "web-on-push-abcde", with: "web-on-push-fghij")
        .replacingOccurrences(of: "2025-11-09T13:04:05Z", with: "2025-11-09T13:20:05Z")
        .replacingOccurrences(of: "2025-11-09T13:10:00Z", with: "2025-11-09T13:25:00Z")
        .replacingOccurrences(of: String(repeating: "b", count: 64), with: String(repeating: "e", count: 64))

    @Test func warmAndColdReconcilesGiveTheSameTree() async throws {
        let sandbox = try Sandbox()
        let warmPath = try sandbox.makeRepository(ReconcilerEndToEndTests.manifests, named: "warm", bare: true)
        let coldPath = try sandbox.makeRepository(ReconcilerEndToEndTests.manifests, named: "cold", bare: true)
        let now = ReconcilerEndToEndTests.now
        let later = now.adding(milliseconds: 30 * 60 * 1000)

        // Warm: one reconciler, one cache, for every pass.
        let cache = ParseCache()
        let warm = Reconciler(repository: try GitRepository(path: warmPath), cache: cache)
        _ = try await warm.reconcile(branch: "main", now: now)
        try add(Self.secondBuild, to: warmPath, sandbox)
        _ = try await warm.reconcile(branch: "main", now: later)
        #expect(cache.count > 0)

        // Cold: a new reconciler (a fresh process) for every pass.
        _ = try await Reconciler(repository: try GitRepository(path: coldPath)).reconcile(branch: "main", now: now)
        try add(Self.secondBuild, to: coldPath, sandbox)
        _ = try await Reconciler(repository: try GitRepository(path: coldPath)).reconcile(branch: "main", now: later)

        let warmTree = try sandbox.git(["rev-parse", "main^{tree}"], in: warmPath)
        let coldTree = try sandbox.git(["rev-parse", "main^{tree}"], in: coldPath)
        #expect(warmTree == coldTree)
        #expect(try sandbox.git(["ls-tree", "-r", "--name-only", "main"], in: warmPath).contains("fghij"))
    }

    /// Two namespaces, each the end-to-end repository.
    static let twoNamespaces: [String: String] = {
        var files = ReconcilerEndToEndTests.manifests
        for (path, text) in ReconcilerEndToEndTests.manifests {
            files["other/" + path] = text.replacingOccurrences(of: "namespace: tenant", with: "namespace: other")
        }
        return files
    }()

    /// One step of a repository's history: files written (nil: removed), then one commit.
    struct Step: Sendable, CustomStringConvertible {
        var description: String
        var files: [String: String?]
        var minutes: Int64
    }

    static let history: [Step] = [
        Step(description: "a new build in one namespace", files: ["builds/second.yaml": secondBuild], minutes: 30),
        Step(
            description: "a scenario removed and a build added in the other",
            files: [
                "other/apps/its.yaml": nil,
                "other/builds/second.yaml": secondBuild.replacingOccurrences(
                    of: "namespace: tenant", with: "namespace: other"),
            ], minutes: 40),
        Step(description: "a component deleted", files: ["apps/api.yaml": nil], minutes: 50),
        Step(
            description: "a broken file and an unrelated one",
            files: ["broken/x.yaml": "apiVersion: tekton.dev/v1\nkind: [\n", "README.md": "hello\n"], minutes: 60),
        Step(description: "nothing that concerns snapgate", files: ["README.md": "hello again\n"], minutes: 70),
        Step(description: "the broken file fixed and moved", files: ["broken/x.yaml": nil], minutes: 80),
    ]

    /// Issue 5: after every step of a history, an incremental pass — the same reconciler (warm),
    /// or a new one starting from the index a previous process left (fresh) — commits the same
    /// tree and reports the same findings as a reconciler that reads everything (cold).
    @Test func incrementalPassesMatchColdPassesAlongAHistory() async throws {
        let sandbox = try Sandbox()
        let start = ReconcilerEndToEndTests.now
        var repositories: [String: String] = [:]
        for mode in ["warm", "fresh", "cold"] {
            repositories[mode] = try sandbox.makeRepository(Self.twoNamespaces, named: mode, bare: true)
        }
        let warm = Reconciler(repository: try GitRepository(path: repositories["warm"]!))
        func pass(_ mode: String, at now: Timestamp) async throws -> ReconcileOutcome {
            switch mode {
            case "warm": return try await warm.reconcile(branch: "main", now: now)
            case "fresh":
                var reconciler = Reconciler(repository: try GitRepository(path: repositories["fresh"]!))
                reconciler.memoFingerprint = "test"
                return try await reconciler.reconcile(branch: "main", now: now)
            default:
                return try await Reconciler(repository: try GitRepository(path: repositories[mode]!))
                    .reconcile(branch: "main", now: now)
            }
        }
        var outcomes: [String: ReconcileOutcome] = [:]
        for mode in ["warm", "fresh", "cold"] { outcomes[mode] = try await pass(mode, at: start) }
        try expectSame(outcomes, repositories, sandbox, after: "the first pass")
        for step in Self.history {
            let now = start.adding(milliseconds: step.minutes * 60 * 1000)
            for mode in ["warm", "fresh", "cold"] {
                try apply(step, to: repositories[mode]!, sandbox)
                outcomes[mode] = try await pass(mode, at: now)
            }
            try expectSame(outcomes, repositories, sandbox, after: step.description)
        }
        // The fresh reconciler did start from its index: the index file is there (once written).
        await Reconciler.settle()
        #expect(FileManager.default.fileExists(atPath: repositories["fresh"]! + "/snapgate/state/main.index"))
    }

    private func expectSame(
        _ outcomes: [String: ReconcileOutcome], _ repositories: [String: String], _ sandbox: Sandbox,
        after step: String
    ) throws {
        let cold = try sandbox.git(["rev-parse", "main^{tree}"], in: repositories["cold"]!)
        for mode in ["warm", "fresh"] {
            let tree = try sandbox.git(["rev-parse", "main^{tree}"], in: repositories[mode]!)
            #expect(tree == cold, "\(mode) tree differs from cold after \(step)")
            #expect(
                outcomes[mode]?.diagnostics == outcomes["cold"]?.diagnostics,
                "\(mode) findings differ from cold after \(step)")
            #expect(
                outcomes[mode]?.changes.map(\.path) == outcomes["cold"]?.changes.map(\.path),
                "\(mode) changed other files than cold after \(step)")
        }
    }

    /// Applies a step to a bare repository as a person would: clone, edit, commit, push.
    private func apply(_ step: Step, to bare: String, _ sandbox: Sandbox) throws {
        let work = sandbox.path("work-\(UUID().uuidString)")
        try sandbox.git(["clone", "-q", bare, work], in: sandbox.root)
        for (path, text) in step.files {
            if let text {
                try sandbox.write(text, to: path, in: work)
            } else {
                try sandbox.git(["rm", "-q", path], in: work)
            }
        }
        try sandbox.commitAll(step.description, in: work)
        try sandbox.git(["push", "-q", "origin", "HEAD:main"], in: work)
    }

    /// Commits one more file onto `main` of a bare repository with the git CLI.
    private func add(_ text: String, to bare: String, _ sandbox: Sandbox) throws {
        let work = sandbox.path("work-\(UUID().uuidString)")
        try sandbox.git(["clone", "-q", bare, work], in: sandbox.root)
        try sandbox.write(text, to: "builds/second.yaml", in: work)
        try sandbox.commitAll("second build", in: work)
        try sandbox.git(["push", "-q", "origin", "HEAD:main"], in: work)
    }
}
