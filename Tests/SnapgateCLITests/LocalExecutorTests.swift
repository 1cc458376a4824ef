import Foundation
import SnapgateTestSupport
import Testing

/// `reconcile --executor local` (issue 4): the runs a pass creates are executed within it, so the
/// build, the Snapshot, the test results, the verdict and the Release are one commit.
@Suite struct LocalExecutorTests {
    func recordFrontendBuild(_ sandbox: Sandbox, _ repo: String) throws {
        let recorded = try sandbox.snapgate([
            "record-build", "--repo", repo, "--component", "frontend",
            "--image", "quay.io/example-shop/frontend@sha256:" + String(repeating: "b", count: 64),
            "--git-url", "https://github.com/example-shop/frontend.git", "--git-commit",
            String(repeating: "5", count: 40),
        ])
        try #require(recorded.status == 0, "\(recorded.stderr)")
    }

    @Test func theSampleGoesFromBuildToReleaseInOneCommit() throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(copying: PackagePaths.sampleRepository)
        try recordFrontendBuild(sandbox, repo)
        let result = try sandbox.snapgate(["reconcile", "--repo", repo, "--executor", "local", "--output", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let kinds = (json["changes"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds.contains("Release"))
        #expect(kinds.filter { $0 == "TaskRun" }.count == 3)
        // Progress lines and the log directory go to stderr; logs stay out of the work tree.
        #expect(result.stderr.contains("step logs in \(repo)/.git/snapgate/logs"))
        #expect(result.stderr.contains("images-pinned-by-digest: succeeded"))
        #expect(try sandbox.git(["status", "--porcelain"], in: repo).isEmpty)
        let status = try sandbox.snapgate(["status", "--repo", repo])
        #expect(status.stdout.contains("Passed"))
        #expect(status.stdout.contains("✗image-freshness(optional)"))
        #expect(status.stdout.contains("✓snapshot-policy"))
        // Nothing left to do.
        let again = try sandbox.snapgate(["reconcile", "--repo", repo, "--executor", "local", "--output", "json"])
        let second = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(second["commit"] is NSNull)
    }

    /// A resolver that cannot run here makes the scenario `TestInvalid`, saying which and why.
    @Test func anUnrunnableResolverIsTestInvalidWithTheReason() throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(copying: PackagePaths.sampleRepository)
        let scenario = """
            apiVersion: appstudio.redhat.com/v1beta2
            kind: IntegrationTestScenario
            metadata: {name: from-bundle, namespace: shop-tenant}
            spec:
              application: shop
              resolverRef:
                resolver: bundles
                params:
                  - {name: bundle, value: "quay.io/org/tests@sha256:\(String(repeating: "0", count: 64))"}
                  - {name: name, value: tests}
                  - {name: kind, value: pipeline}
            """
        try sandbox.write(scenario, to: "applications/shop/scenarios/from-bundle.yaml", in: repo)
        try sandbox.commitAll("a scenario from a bundle", in: repo)
        try recordFrontendBuild(sandbox, repo)
        let result = try sandbox.snapgate(["reconcile", "--repo", repo, "--executor", "local"])
        #expect(result.status == 0, "\(result.stderr)")
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: repo + "/snapgate/shop-tenant/snapshots")
        let text = try String(
            contentsOfFile: repo + "/snapgate/shop-tenant/snapshots/" + (snapshots.first ?? ""), encoding: .utf8)
        #expect(text.contains(#"\"scenario\":\"from-bundle\",\"status\":\"TestInvalid\""#))
        #expect(text.contains("the bundles resolver cannot run on this machine"))
        // A required scenario that cannot run fails the Snapshot: no Release.
        #expect(!FileManager.default.fileExists(atPath: repo + "/snapgate/shop-tenant/releases"))
    }
}
