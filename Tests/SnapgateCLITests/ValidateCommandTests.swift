import Foundation
import SnapgateTestSupport
import Testing

/// `snapgate validate` end to end: the built executable on real repositories.
@Suite struct ValidateCommandTests {
    @Test func cleanRepositoryExitsZeroWithASummary() throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(["app.yaml": validApplication])
        let result = try sandbox.snapgate(["validate", "--repo", repo])
        #expect(result.status == 0)
        #expect(result.stdout == "1 object in 1 file: 0 errors, 0 warnings\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func errorsPrintLikeACompilerAndExitOne() throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository([
            "apps/app.yaml": validApplication,
            "apps/broken.yaml": "apiVersion: tekton.dev/v1\nkind: Pipeline\nmetadata:\n  name: x\n   bad: indent\n",
        ])
        let result = try sandbox.snapgate(["validate", "--repo", repo])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("apps/broken.yaml:5:") == true)
        #expect(lines.first?.contains(": error: ") == true)
        #expect(lines.last == "1 object in 2 files: 1 error, 0 warnings")
    }

    @Test func jsonOutputFollowsTheContract() throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository([
            "app.yaml": validApplication,
            "bad.yaml": "apiVersion: appstudio.redhat.com/v9\nkind: Snapshot\nmetadata:\n  name: s\n",
        ])
        let result = try sandbox.snapgate(["validate", "--repo", repo, "--output", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let objects = try #require(json["objects"] as? [[String: Any]])
        #expect(objects.count == 1)
        #expect(objects.first?["apiVersion"] as? String == "appstudio.redhat.com/v1alpha1")
        #expect(objects.first?["kind"] as? String == "Application")
        #expect(objects.first?["namespace"] as? String == "default")
        #expect(objects.first?["name"] as? String == "app")
        #expect(objects.first?["path"] as? String == "app.yaml")
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["severity"] as? String == "error")
        #expect(diagnostics.first?["path"] as? String == "bad.yaml")
        #expect(diagnostics.first?["line"] as? Int == 1)
        #expect(diagnostics.first?["column"] as? Int == 13)
    }

    @Test func aMissingRepositoryIsOneClearLineAndExitTwo() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.snapgate(["validate", "--repo", "/nonexistent/snapgate-test"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(
            lines.first?.hasPrefix("snapgate: error: cannot open the repository at /nonexistent/snapgate-test") == true)
    }

    @Test func aMissingBranchIsExitTwo() throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(["app.yaml": validApplication])
        let result = try sandbox.snapgate(["validate", "--repo", repo, "--branch", "nope"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("branch 'nope'"))
    }

    @Test func theSampleRepositoryIsClean() throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(copying: PackagePaths.sampleRepository)
        let result = try sandbox.snapgate(["validate", "--repo", repo, "--output", "json"])
        #expect(result.status == 0, "\(result.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let kinds = (json["objects"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds.filter { $0 == "Component" }.count == 3)
        #expect(kinds.filter { $0 == "IntegrationTestScenario" }.count == 3)
        #expect(kinds.filter { $0 == "ReleasePlan" }.count == 2)
        #expect(kinds.contains("Application"))
        #expect((json["diagnostics"] as? [Any])?.isEmpty == true)
    }
}
