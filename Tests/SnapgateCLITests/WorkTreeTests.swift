import Foundation
import SnapgateTestSupport
import Testing

/// GITOPS.md: a clean checked-out work tree follows the new commit; a dirty one is left alone,
/// the commit still lands, and a clear warning says so.
@Suite struct WorkTreeTests {
    func prepared() throws -> (Sandbox, String) {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(copying: PackagePaths.sampleRepository)
        let recorded = try sandbox.snapgate([
            "record-build", "--repo", repo, "--component", "worker",
            "--image", "quay.io/example-shop/worker@sha256:" + String(repeating: "9", count: 64),
            "--git-url", "https://github.com/example-shop/backend.git", "--git-commit",
            String(repeating: "4", count: 40),
        ])
        try #require(recorded.status == 0, "\(recorded.stderr)")
        return (sandbox, repo)
    }

    @Test func aDirtyWorkTreeIsLeftAloneWithAWarning() throws {
        let (sandbox, repo) = try prepared()
        let readme = repo + "/README.md"
        try "local edit\n".write(toFile: readme, atomically: true, encoding: .utf8)
        let before = try sandbox.git(["rev-parse", "main"], in: repo)
        let result = try sandbox.snapgate(["reconcile", "--repo", repo])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: the commit landed on 'main' but the working tree was left alone"))
        #expect(try sandbox.git(["rev-parse", "main"], in: repo) != before)
        #expect(try String(contentsOfFile: readme, encoding: .utf8) == "local edit\n")
        #expect(!FileManager.default.fileExists(atPath: repo + "/snapgate"))
    }

    @Test func aCleanWorkTreeFollows() throws {
        let (sandbox, repo) = try prepared()
        let result = try sandbox.snapgate(["reconcile", "--repo", repo])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: repo + "/snapgate/shop-tenant/snapshots"))
        #expect(try sandbox.git(["status", "--porcelain"], in: repo).isEmpty)
    }
}
