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

    /// Blobs in a pack are read by snapgate's pack reader, loose ones (committed after the
    /// repack) by libgit2, side by side in one load: every file is read; after another repack a
    /// new loader on the same handle reads everything again, from the new pack.
    @Test func packedAndLooseBlobsLoadTogether() async throws {
        let sandbox = try Sandbox()
        var files = ["app.yaml": application]
        for index in 0..<300 { files["components/c\(index).yaml"] = component("c\(index)") }
        let work = try sandbox.makeRepository(files)
        try sandbox.git(["repack", "-a", "-d", "-q"], in: work)
        for index in 300..<340 { try sandbox.write(component("c\(index)"), to: "components/c\(index).yaml", in: work) }
        try sandbox.commitAll("loose ones", in: work)
        let repository = try GitRepository(path: work)
        let loader = RepositoryLoader(repository: repository)
        let loaded = try await loader.load(commit: try #require(try await repository.branchTip("main")))
        #expect(loaded.objects.count == 341)
        #expect(loaded.diagnostics.isEmpty)
        #expect(Set(loaded.objects.map(\.key.name)) == Set(["app"] + (0..<340).map { "c\($0)" }))
        // Everything packed into a new pack; more files, loose again.
        try sandbox.git(["repack", "-a", "-d", "-q"], in: work)
        try sandbox.write(component("late"), to: "components/late.yaml", in: work)
        try sandbox.commitAll("late", in: work)
        let again = try await RepositoryLoader(repository: repository).load(
            commit: try #require(try await repository.branchTip("main")))
        #expect(again.objects.count == 342)
    }
}
