import Foundation
import SnapgateGit
import SnapgateLoader
import SnapgateModel
import SnapgateTestSupport
import Testing

/// The loader against real repositories made with the git CLI.
@Suite struct RepositoryLoaderTests {
    @Test func loadsAWorkTreeRepositoryFromASubfolderWithItsConfig() async throws {
        let sandbox = try Sandbox()
        let directory = try sandbox.makeRepository([
            ".snapgate.yaml": "defaultNamespace: tenant\nexclude: [docs/**]\n",
            "apps/app.yaml": application,
            "apps/components/a.yaml": component("a"),
            "docs/example.yaml": component("example"),
            "notes.txt": "not yaml",
            "apps/broken.yml": "kind: [\n",
        ])
        let repository = try GitRepository(path: directory + "/apps/components")
        let tip = try #require(try await repository.branchTip("main"))
        let loaded = try await RepositoryLoader(repository: repository).load(commit: tip)
        #expect(loaded.objects.map(\.key.description) == ["Application tenant/app", "Component tenant/a"])
        #expect(loaded.objects.map(\.source.path) == ["apps/app.yaml", "apps/components/a.yaml"])
        #expect(loaded.fileCount == 3)
        #expect(loaded.diagnostics.map(\.path) == ["apps/broken.yml"])
        #expect(loaded.diagnostics.first?.line == 2)
    }

    @Test func loadsABareRepositoryAndReusesTheParseCache() async throws {
        let sandbox = try Sandbox()
        let directory = try sandbox.makeRepository(["a.yaml": application, "b.yaml": component("b")], bare: true)
        let repository = try GitRepository(path: directory)
        #expect(repository.isBare)
        let tip = try #require(try await repository.branchTip("main"))
        let cache = ParseCache()
        let loader = RepositoryLoader(repository: repository, cache: cache)
        let first = try await loader.load(commit: tip)
        #expect(cache.count == 2)
        let second = try await loader.load(commit: tip)
        #expect(first.objects == second.objects)
        #expect(first.objects.count == 2)
    }
}
