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

    /// Commits one more file onto `main` of a bare repository with the git CLI.
    private func add(_ text: String, to bare: String, _ sandbox: Sandbox) throws {
        let work = sandbox.path("work-\(UUID().uuidString)")
        try sandbox.git(["clone", "-q", bare, work], in: sandbox.root)
        try sandbox.write(text, to: "builds/second.yaml", in: work)
        try sandbox.commitAll("second build", in: work)
        try sandbox.git(["push", "-q", "origin", "HEAD:main"], in: work)
    }
}
