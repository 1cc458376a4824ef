import Foundation
import SnapgateTestSupport
import Testing

@testable import SnapgateGit

/// Listing a tree from the packs, subtrees on several workers, gives exactly what libgit2's walk
/// gives, and declines (for libgit2 to list) whatever it cannot read from a pack.
@Suite struct PackTreeListingTests {
    /// A work tree wide enough that the listing shares subtrees out (more than
    /// `PackTreeListing.frontierSize` folders), with names whose tree order differs from byte
    /// order (`a.b` against the folder `a`), an executable, a symbolic link and deep folders.
    static func wideWorkTree(_ sandbox: Sandbox) throws -> String {
        let work = try sandbox.makeWorkTree()
        for tenant in 0..<90 {
            let folder = "tenants/t\(tenant % 7)-\(tenant)"
            try sandbox.write("kind: Application\n", to: "\(folder)/application.yaml", in: work)
            try sandbox.write("kind: Component\n# \(tenant)\n", to: "\(folder)/components/c.yaml", in: work)
            if tenant % 10 == 0 { try sandbox.write("deep\n", to: "\(folder)/x/y/z/deep.yaml", in: work) }
        }
        try sandbox.write("top\n", to: "a/b.yaml", in: work)
        try sandbox.write("dot\n", to: "a.b", in: work)
        try sandbox.write("dash\n", to: "a-b/c.yaml", in: work)
        try sandbox.write("#!/bin/sh\n", to: "bin/run.sh", in: work, executable: true)
        try FileManager.default.createSymbolicLink(atPath: "\(work)/link", withDestinationPath: "a/b.yaml")
        try sandbox.write("root\n", to: "README.md", in: work)
        _ = try sandbox.commitAll("wide", in: work)
        return work
    }

    /// A bare clone of `work` with every object packed, its branch's tree, and its pack reader.
    static func packedClone(of work: String, _ sandbox: Sandbox) async throws -> (
        GitRepository, GitObjectID, PackReader
    ) {
        let bare = sandbox.path("packed.git")
        try sandbox.git(["clone", "-q", "--bare", "--no-local", work, bare], in: sandbox.root)
        let repository = try GitRepository(path: bare)
        let tree = try await repository.commitInfo(try #require(await repository.branchTip("main"))).tree
        return (repository, tree, try #require(await repository.packReader()))
    }

    @Test func packedTreesListAsLibgit2ListsThem() async throws {
        let sandbox = try Sandbox()
        let (repository, tree, reader) = try await Self.packedClone(of: try Self.wideWorkTree(sandbox), sandbox)
        let fromPacks = try #require(await PackTreeListing.list(tree, reader: reader))
        let fromLibgit2 = try await repository.listTreeWithLibGit2(tree)
        #expect(fromLibgit2.count > 180)
        // The walk's own order, before `listTree` checks it: the same as libgit2's walk.
        #expect(fromPacks == fromLibgit2)
        #expect(try await repository.listTree(tree) == fromLibgit2)
        #expect(fromLibgit2.contains { $0.path == "bin/run.sh" && $0.mode == .executable })
        #expect(fromLibgit2.contains { $0.path == "link" && $0.mode == .link })
    }

    @Test func aSmallTreeIsListedWithoutSharingOut() async throws {
        let sandbox = try Sandbox()
        let work = try sandbox.makeWorkTree()
        try sandbox.write("a\n", to: "one.yaml", in: work)
        try sandbox.write("b\n", to: "dir/two.yaml", in: work)
        _ = try sandbox.commitAll("small", in: work)
        let (_, tree, reader) = try await Self.packedClone(of: work, sandbox)
        let listed = try #require(await PackTreeListing.list(tree, reader: reader))
        #expect(listed.map(\.path) == ["dir/two.yaml", "one.yaml"])
    }

    /// A tree committed after the clone is a loose object: the packs cannot list the commit's
    /// tree, libgit2 does, and `listTree` gives its answer.
    @Test func aLooseTreeIsLeftToLibgit2() async throws {
        let sandbox = try Sandbox()
        let (repository, _, _) = try await Self.packedClone(of: try Self.wideWorkTree(sandbox), sandbox)
        let clone = sandbox.path("clone")
        try sandbox.git(["clone", "-q", sandbox.path("packed.git"), clone], in: sandbox.root)
        try sandbox.write("new\n", to: "tenants/t0-0/components/new.yaml", in: clone)
        _ = try sandbox.commitAll("loose", in: clone)
        try sandbox.git(["push", "-q", "origin", "HEAD:main"], in: clone)
        let tree = try await repository.commitInfo(try #require(await repository.branchTip("main"))).tree
        let reader = try #require(await repository.packReader())
        #expect(await PackTreeListing.list(tree, reader: reader) == nil)
        let listed = try await repository.listTree(tree)
        #expect(listed == (try await repository.listTreeWithLibGit2(tree)))
        #expect(listed.contains { $0.path == "tenants/t0-0/components/new.yaml" })
    }
}
