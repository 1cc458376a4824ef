import Foundation
import SnapgateGit
import SnapgateTestSupport
import Testing

@Suite struct GitRemoteTests {
    /// A bare `origin` with one commit on `main`, and a clone of it.
    private func makeOriginAndClone(_ sandbox: Sandbox) throws -> (origin: String, clone: String, first: GitObjectID) {
        let seed = try sandbox.makeWorkTree("seed")
        try sandbox.write("one\n", to: "one.txt", in: seed)
        let first = try sandbox.commitAll("first", in: seed)
        let origin = try sandbox.makeBare("origin.git")
        try sandbox.git(["push", "-q", origin, "main"], in: seed)
        try sandbox.git(["clone", "-q", "--bare", origin, sandbox.path("clone.git")], in: sandbox.root)
        let clone = sandbox.path("clone.git")
        try sandbox.git(["config", "remote.origin.fetch", "+refs/heads/*:refs/remotes/origin/*"], in: clone)
        return (origin, clone, first)
    }

    /// A commit on top of `parent` adding `path`, written through `repository`.
    private func commit(
        _ repository: GitRepository, on parent: GitObjectID, adding path: String
    ) async throws -> GitObjectID {
        let base = try await repository.commitInfo(parent).tree
        let blob = try await repository.writeBlob(Array("\(path)\n".utf8))
        let tree = try await repository.makeTree(base: base, changes: [.upsert(path: path, blob: blob)])
        let signature = GitSignature.test()
        return try await repository.createCommit(
            tree: tree, parents: [parent], message: "add \(path)\n", author: signature, committer: signature)
    }

    @Test func pushFastForwardThenRejectStale() async throws {
        let sandbox = try Sandbox()
        let (origin, clone, first) = try makeOriginAndClone(sandbox)
        let repository = try GitRepository(path: clone)
        let second = try await commit(repository, on: first, adding: "two.txt")
        try await repository.updateBranch("main", to: second, expecting: first, reflogMessage: "local")
        try await repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"])
        #expect(try sandbox.revParse("main", in: origin) == second)

        // Someone else moves origin's main; our next commit on `second` is not a fast-forward.
        let other = try GitRepository(path: origin)
        let theirs = try await commit(other, on: second, adding: "theirs.txt")
        try await other.updateBranch("main", to: theirs, expecting: second, reflogMessage: "theirs")
        let ours = try await commit(repository, on: second, adding: "ours.txt")
        try await repository.updateBranch("main", to: ours, expecting: second, reflogMessage: "local")
        let rejected = await gitError {
            try await repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"])
        }
        #expect(rejected?.code == .conflict)
        #expect(try sandbox.revParse("main", in: origin) == theirs)

        // Fetch, and the remote-tracking branch shows their commit.
        try await repository.fetch(remote: "origin")
        #expect(try await repository.referenceTarget("refs/remotes/origin/main") == theirs)
        #expect(try await repository.mergeBase(ours, theirs) == second)
    }

    @Test func fetchExplicitRefspecAndUnknownRemote() async throws {
        let sandbox = try Sandbox()
        let (origin, clone, first) = try makeOriginAndClone(sandbox)
        let other = try GitRepository(path: origin)
        let next = try await commit(other, on: first, adding: "next.txt")
        try await other.updateBranch("feature", to: next, expecting: nil, reflogMessage: "feature")
        let repository = try GitRepository(path: clone)
        try await repository.fetch(remote: "origin", refspecs: ["+refs/heads/feature:refs/snapgate/feature"])
        #expect(try await repository.referenceTarget("refs/snapgate/feature") == next)
        let missing = await gitError { try await repository.fetch(remote: "nope") }
        #expect(missing?.code == .notFound)
    }
}
