import Foundation
import SnapgateTestSupport
import Testing

/// `record-build`, `reconcile`, `rerun` and `status` end to end, on a copy of the sample repository.
@Suite struct ReconcileCommandTests {
    static let digest = "sha256:" + String(repeating: "b", count: 64)

    func recordBuild(_ sandbox: Sandbox, _ repo: String) throws -> ProgramResult {
        try sandbox.snapgate([
            "record-build", "--repo", repo, "--component", "frontend",
            "--image", "quay.io/example-shop/frontend@\(Self.digest)",
            "--git-url", "https://github.com/example-shop/frontend.git",
            "--git-commit", "0123456789abcdef0123456789abcdef01234567", "--start-time", "2025-11-09T13:04:05Z",
        ])
    }

    @Test func recordBuildThenReconcileFollowTheContract() throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(copying: PackagePaths.sampleRepository)
        let recorded = try recordBuild(sandbox, repo)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.hasPrefix("recorded build frontend-on-push-"))

        let result = try sandbox.snapgate([
            "reconcile", "--repo", repo, "--now", "2025-11-09T13:12:00Z", "--output", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let commit = try #require(json["commit"] as? String)
        #expect(commit.count == 40)
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.contains { $0["kind"] as? String == "Snapshot" && $0["action"] as? String == "create" })
        for change in changes {
            #expect(Set(change.keys) == ["action", "apiVersion", "kind", "namespace", "name", "path"])
            #expect((change["path"] as? String)?.hasPrefix("snapgate/") == true)
        }
        #expect((json["diagnostics"] as? [Any])?.isEmpty == true)
        // The work tree followed the commit (it was clean).
        #expect(FileManager.default.fileExists(atPath: repo + "/snapgate/shop-tenant/snapshots"))
        #expect(try sandbox.git(["status", "--porcelain"], in: repo).isEmpty)

        let again = try sandbox.snapgate([
            "reconcile", "--repo", repo, "--now", "2025-11-09T13:12:00Z", "--output", "json",
        ])
        let second = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(second["commit"] is NSNull)
        #expect(try sandbox.snapgate(["validate", "--repo", repo]).status == 0)
    }

    @Test func statusAndRerun() throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(copying: PackagePaths.sampleRepository)
        _ = try recordBuild(sandbox, repo)
        _ = try sandbox.snapgate(["reconcile", "--repo", repo, "--now", "2025-11-09T13:12:00Z"])
        let status = try sandbox.snapgate(["status", "--repo", repo])
        #expect(status.status == 0)
        #expect(status.stdout.contains("shop-20251109-130405-000"))
        #expect(status.stdout.contains("snapshot-policy"))

        let rerun = try sandbox.snapgate([
            "rerun", "shop-20251109-130405-000", "--repo", repo, "--scenario", "snapshot-policy",
        ])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let file = try String(
            contentsOfFile: repo + "/snapgate/shop-tenant/snapshots/shop-20251109-130405-000.yaml", encoding: .utf8)
        #expect(file.contains("test.appstudio.openshift.io/run: snapshot-policy"))
        let unknown = try sandbox.snapgate(["rerun", "shop-20251109-130405-000", "--repo", repo, "--scenario", "nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("has no scenario 'nope'"))
    }

    @Test func badInputIsOneClearLine() throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(copying: PackagePaths.sampleRepository)
        let noComponent = try sandbox.snapgate([
            "record-build", "--repo", repo, "--component", "nope", "--image", "quay.io/x/y@\(Self.digest)",
            "--git-url", "https://g/x", "--git-commit", "abc",
        ])
        #expect(noComponent.status == 2)
        #expect(noComponent.stderr == "snapgate: error: there is no Component 'nope' on this branch\n")
        let badImage = try sandbox.snapgate([
            "record-build", "--repo", repo, "--component", "frontend", "--image", "quay.io/x/y:latest",
            "--git-url", "https://g/x", "--git-commit", "abc",
        ])
        #expect(badImage.status != 0)
        #expect(badImage.stderr.contains("pinned by digest"))
        let badClock = try sandbox.snapgate(["reconcile", "--repo", repo, "--now", "yesterday"])
        #expect(badClock.status != 0)
        #expect(badClock.stderr.contains("RFC 3339"))
    }
}
