import Foundation
import SnapgateGit
import SnapgateModel
import SnapgateReconciler
import SnapgateTestSupport
import Testing

/// A pass over a branch that has not changed since a pass that left nothing to do is skipped
/// (issue 5), unless the clock reaches a time-based rule's deadline or the build changed.
@Suite struct PassMemoTests {
    func reconciler(_ path: String, fingerprint: String = "build-1") throws -> Reconciler {
        var reconciler = Reconciler(repository: try GitRepository(path: path))
        reconciler.memoFingerprint = fingerprint
        return reconciler
    }

    @Test func unchangedBranchIsSkippedWithTheSameDiagnostics() async throws {
        let sandbox = try Sandbox()
        var files = ReconcilerEndToEndTests.manifests
        files["broken.yaml"] = "apiVersion: tekton.dev/v1\nkind: Pipeline\nmetadata:\n  name: x\n   bad: indent\n"
        let path = try sandbox.makeRepository(files, bare: true)
        let now = ReconcilerEndToEndTests.now
        let first = try await reconciler(path).reconcile(branch: "main", now: now)
        #expect(first.commit != nil)
        // The state files are written after the pass returns; settled, they are on disk.
        await Reconciler.settle()
        #expect(FileManager.default.fileExists(atPath: path + "/snapgate/state/main.json"))
        let second = try await reconciler(path).reconcile(branch: "main", now: now.adding(milliseconds: 86_400_000))
        #expect(second.commit == nil)
        #expect(second.diagnostics == first.diagnostics)
        #expect(!second.diagnostics.isEmpty)
        // Another build of snapgate does not trust the memo: the pass runs (and finds nothing).
        let other = try await reconciler(path, fingerprint: "build-2").reconcile(branch: "main", now: now)
        #expect(other.commit == nil)
        #expect(other.diagnostics == first.diagnostics)
    }

    /// SPEC §1.1: an unsigned build waits 5 minutes for Chains; the memo wakes the pass up then.
    @Test func theChainsDeadlineWakesThePassUp() async throws {
        let sandbox = try Sandbox()
        var files = ReconcilerEndToEndTests.manifests
        files["builds/web-build.yaml"] = files["builds/web-build.yaml"]!
            .replacingOccurrences(of: "chains.tekton.dev/signed: \"true\"", with: "other: \"x\"")
        let path = try sandbox.makeRepository(files, bare: true)
        let completed = Timestamp(rfc3339: "2025-11-09T13:10:00Z")!
        let early = try await reconciler(path).reconcile(branch: "main", now: completed.adding(milliseconds: 60_000))
        #expect(!early.changes.contains { $0.key.groupKind.kind == "Snapshot" })
        let before = try sandbox.git(["rev-parse", "main"], in: path)
        // Still inside the window: skipped.
        _ = try await reconciler(path).reconcile(branch: "main", now: completed.adding(milliseconds: 120_000))
        #expect(try sandbox.git(["rev-parse", "main"], in: path) == before)
        // Past it: the pass runs and records the failure on the build.
        let late = try await reconciler(path).reconcile(branch: "main", now: completed.adding(milliseconds: 400_000))
        let build = try #require(late.changes.first { $0.key.name == "web-on-push-abcde" })
        #expect(String(decoding: build.contents ?? [], as: UTF8.self).contains("not yet signed with Chains after 5m0s"))
    }
}
