import Foundation
import SnapgateGit
import SnapgateTestSupport
import Testing

@Suite struct GitRepositoryWriteTests {
    @Test func writeBlobAgreesWithGit() async throws {
        let sandbox = try Sandbox()
        let bare = try sandbox.makeBare()
        let repository = try GitRepository(path: bare)
        let samples: [[UInt8]] = [
            [], Array("hello\n".utf8), [0, 0xff, 10, 13, 0], Array(repeating: 65, count: 100_000),
        ]
        for bytes in samples {
            let id = try await repository.writeBlob(bytes)
            let hashed = try sandbox.git(["hash-object", "--stdin"], in: bare, input: bytes)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(id.hex == hashed)
            let type = try sandbox.git(["cat-file", "-t", id.hex], in: bare)
            #expect(type == "blob\n")
            let size = try sandbox.git(["cat-file", "-s", id.hex], in: bare)
            #expect(size == "\(bytes.count)\n")
            #expect(try await repository.readBlob(id) == bytes)
        }
        #expect(try await repository.writeBlob([]).hex == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
    }

    @Test func makeTreeUpsertsAndDeletes() async throws {
        let sandbox = try Sandbox()
        let work = try sandbox.makeWorkTree()
        try sandbox.write("keep\n", to: "keep.txt", in: work)
        try sandbox.write("a\n", to: "a.txt", in: work)
        try sandbox.write("only\n", to: "lonely/only.txt", in: work)
        try sandbox.write("x\n", to: "deep/er/x.txt", in: work)
        try sandbox.write("y\n", to: "deep/y.txt", in: work)
        let commit = try sandbox.commitAll("base", in: work)
        let repository = try GitRepository(path: work)
        let base = try await repository.commitInfo(commit).tree

        let newBlob = try await repository.writeBlob(Array("new\n".utf8))
        let script = try await repository.writeBlob(Array("#!/bin/sh\n".utf8))
        let changedA = try await repository.writeBlob(Array("a2\n".utf8))
        let tree = try await repository.makeTree(
            base: base,
            changes: [
                .upsert(path: "brand/new/dir/file.yaml", blob: newBlob),
                .upsert(path: "a.txt", blob: changedA),
                .upsert(path: "tools/run.sh", blob: script, mode: .executable),
                .delete(path: "lonely/only.txt"),
                .delete(path: "deep/er/x.txt"),
                .delete(path: "not/there.txt"),
            ])
        let listed = try sandbox.lsTree(tree.hex, in: work)
        #expect(listed.map(\.path) == ["a.txt", "brand/new/dir/file.yaml", "deep/y.txt", "keep.txt", "tools/run.sh"])
        #expect(listed.first { $0.path == "tools/run.sh" }?.mode == "100755")
        #expect(listed.first { $0.path == "a.txt" }?.id == changedA.hex)
        #expect(listed.first { $0.path == "brand/new/dir/file.yaml" }?.id == newBlob.hex)
        let trees = try sandbox.git(["ls-tree", "-d", "-r", "--name-only", tree.hex], in: work)
        #expect(!trees.contains("lonely") && !trees.contains("deep/er"))
        try sandbox.git(["fsck", "--strict", "--no-dangling"], in: work)

        // No changes: the same tree. Deleting the last file: the empty tree.
        #expect(try await repository.makeTree(base: base, changes: []) == base)
        let single = try await repository.makeTree(base: nil, changes: [.upsert(path: "only", blob: newBlob)])
        let empty = try await repository.makeTree(base: single, changes: [.delete(path: "only")])
        #expect(empty.hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
    }

    @Test(arguments: ["", "/abs", "trailing/", "a//b", "./a", "a/../b", "a/."])
    func makeTreeRejectsBadPaths(_ path: String) async throws {
        let sandbox = try Sandbox()
        let repository = try GitRepository(path: try sandbox.makeBare())
        let blob = try await repository.writeBlob([1])
        let error = await gitError {
            _ = try await repository.makeTree(base: nil, changes: [.upsert(path: path, blob: blob)])
        }
        #expect(error?.code == .invalidArgument)
    }

    @Test func makeTreeRejectsDuplicatesAndMissingBlobs() async throws {
        let sandbox = try Sandbox()
        let repository = try GitRepository(path: try sandbox.makeBare())
        let blob = try await repository.writeBlob([1])
        let duplicate = await gitError {
            _ = try await repository.makeTree(base: nil, changes: [.upsert(path: "a", blob: blob), .delete(path: "a")])
        }
        #expect(duplicate?.code == .invalidArgument)
        let absent = GitObjectID(hex: String(repeating: "2", count: 40))!
        let missing = await gitError {
            _ = try await repository.makeTree(base: nil, changes: [.upsert(path: "a", blob: absent)])
        }
        #expect(missing != nil)
        #expect(missing?.function == "git_tree_create_updated")
    }

    /// snapgate writes a commit's object itself (libgit2 makes the bytes): git reads it, its name
    /// is its content's hash, a large message survives, and writing it again changes nothing.
    /// A work tree with one commit (`one.txt`), and the repository opened on it.
    private func oneCommit(_ sandbox: Sandbox) throws -> (work: String, first: GitObjectID, GitRepository) {
        let work = try sandbox.makeWorkTree()
        try sandbox.write("one\n", to: "one.txt", in: work)
        let first = try sandbox.commitAll("first", in: work)
        return (work, first, try GitRepository(path: work))
    }

    @Test func aCommitWrittenBySnapgateIsTheObjectGitWouldWrite() async throws {
        let sandbox = try Sandbox()
        let (work, first, repository) = try oneCommit(sandbox)
        let tree = try await repository.commitInfo(first).tree
        let signature = GitSignature(
            name: "snapgate", email: "snapgate@localhost", time: 1_700_000_600, offsetMinutes: 0)
        let message = "snapgate: 20,000 changes\n\n" + (0..<20_000).map { "created Snapshot ns/s-\($0)\n" }.joined()
        let commit = try await repository.createCommit(
            tree: tree, parents: [first], message: message, author: signature, committer: signature)
        let again = try await repository.createCommit(
            tree: tree, parents: [first], message: message, author: signature, committer: signature)
        #expect(again == commit)
        // What git itself makes of the same commit (`commit-tree` with the same identity and time).
        let environment = [
            "GIT_AUTHOR_NAME": "snapgate", "GIT_AUTHOR_EMAIL": "snapgate@localhost",
            "GIT_AUTHOR_DATE": "1700000600 +0000", "GIT_COMMITTER_NAME": "snapgate",
            "GIT_COMMITTER_EMAIL": "snapgate@localhost", "GIT_COMMITTER_DATE": "1700000600 +0000",
        ]
        let byGit = try sandbox.run(
            "/usr/bin/git", ["commit-tree", tree.hex, "-p", first.hex, "-F", "-"], in: work,
            input: Array(message.utf8), environment: environment)
        #expect(byGit == commit.hex + "\n")
        #expect(try sandbox.git(["cat-file", "-t", commit.hex], in: work) == "commit\n")
        #expect(try sandbox.git(["log", "-1", "--format=%B", commit.hex], in: work) == message + "\n")
        try sandbox.git(["fsck", "--strict"], in: work)
    }

    @Test func commitAndUpdateBranchAgreeWithGit() async throws {
        let sandbox = try Sandbox()
        let (work, first, repository) = try oneCommit(sandbox)
        let base = try await repository.commitInfo(first).tree
        let blob = try await repository.writeBlob(Array("two\n".utf8))
        let tree = try await repository.makeTree(base: base, changes: [.upsert(path: "sub/two.txt", blob: blob)])
        let author = GitSignature(name: "Ada Author", email: "ada@example.com", time: 1_700_000_500, offsetMinutes: 120)
        let committer = GitSignature(
            name: "snapgate", email: "snapgate@localhost", time: 1_700_000_600,
            offsetMinutes: -330)
        let message = "Promote snapshot\n\nBody line ✓\n"
        let commit = try await repository.createCommit(
            tree: tree, parents: [first], message: message, author: author, committer: committer)

        // Nothing moved yet: the commit is published only by updateBranch.
        #expect(try sandbox.revParse("main", in: work) == first)
        try await repository.updateBranch("main", to: commit, expecting: first, reflogMessage: "snapgate: promote")
        #expect(try sandbox.revParse("main", in: work) == commit)
        #expect(try await repository.branchTip("main") == commit)

        let log = try sandbox.git(["log", "-1", "--format=%an|%ae|%at|%ai|%cn|%ce|%ct|%ci|%P|%T", "main"], in: work)
        #expect(
            log == "Ada Author|ada@example.com|1700000500|2023-11-15 00:21:40 +0200|snapgate|snapgate@localhost|"
                + "1700000600|2023-11-14 16:53:20 -0530|\(first.hex)|\(tree.hex)\n")
        #expect(try sandbox.git(["log", "-1", "--format=%B", "main"], in: work) == message + "\n")
        #expect(try sandbox.git(["rev-list", "--count", "main"], in: work) == "2\n")
        #expect(try sandbox.git(["show", "main:sub/two.txt"], in: work) == "two\n")
        try sandbox.git(["fsck", "--strict", "--no-dangling"], in: work)

        let info = try await repository.commitInfo(commit)
        #expect(info.message == message)
        #expect(info.author == author)
        #expect(info.committer == committer)
        #expect(info.parents == [first])
        #expect(info.tree == tree)

        // A new branch from nothing, and the reflog message.
        try await repository.updateBranch("release/v1", to: first, expecting: nil, reflogMessage: "snapgate: branch")
        #expect(try sandbox.revParse("release/v1", in: work) == first)
        let reflog = try sandbox.git(["reflog", "show", "--format=%gs", "main"], in: work)
        #expect(reflog.hasPrefix("snapgate: promote\n"))
    }

    @Test func updateBranchIsCompareAndSwap() async throws {
        let sandbox = try Sandbox()
        let work = try sandbox.makeWorkTree()
        let first = try sandbox.commitAll("first", in: work)
        let second = try sandbox.commitAll("second", in: work)
        let third = try sandbox.commitAll("third", in: work)
        try sandbox.git(["update-ref", "refs/heads/main", second.hex], in: work)
        let repository = try GitRepository(path: work)

        // Stale expectation: conflict, branch unchanged.
        let stale = await gitError {
            try await repository.updateBranch("main", to: third, expecting: first, reflogMessage: "stale")
        }
        #expect(stale?.code == .conflict)
        #expect(stale?.isRetryable == true)
        #expect(stale?.message.contains(second.hex) == true)
        #expect(try sandbox.revParse("main", in: work) == second)

        // Expecting absence while it exists: conflict.
        let exists = await gitError {
            try await repository.updateBranch("main", to: third, expecting: nil, reflogMessage: "create")
        }
        #expect(exists?.code == .conflict)
        #expect(try sandbox.revParse("main", in: work) == second)

        // Expecting a value on a branch that does not exist: conflict.
        let vanished = await gitError {
            try await repository.updateBranch("gone", to: third, expecting: first, reflogMessage: "gone")
        }
        #expect(vanished?.code == .conflict)
        #expect(try await repository.branchTip("gone") == nil)

        // Already where we want it: success without a write.
        try await repository.updateBranch("main", to: second, expecting: first, reflogMessage: "noop")
        // Correct expectation: moves.
        try await repository.updateBranch("main", to: third, expecting: second, reflogMessage: "ok")
        #expect(try sandbox.revParse("main", in: work) == third)

        let badName = await gitError {
            try await repository.updateBranch("no spaces", to: third, expecting: nil, reflogMessage: "bad")
        }
        #expect(badName?.code == .invalidArgument)
    }

    @Test func heldLockIsRetriedThenReported() async throws {
        let sandbox = try Sandbox()
        let bare = try sandbox.makeBare()
        let repository = try GitRepository(path: bare)
        let tree = try await repository.makeTree(base: nil, changes: [])
        let signature = GitSignature.test()
        let first = try await repository.createCommit(
            tree: tree, parents: [], message: "root\n", author: signature, committer: signature)
        try await repository.updateBranch("main", to: first, expecting: nil, reflogMessage: "root")
        let second = try await repository.createCommit(
            tree: tree, parents: [first], message: "next\n", author: signature, committer: signature)

        // A lock that stays: `.locked` after the retries, branch unchanged.
        let lock = "\(bare)/refs/heads/main.lock"
        _ = FileManager.default.createFile(atPath: lock, contents: Data())
        let locked = await gitError {
            try await repository.updateBranch("main", to: second, expecting: first, reflogMessage: "locked")
        }
        #expect(locked?.code == .locked)
        #expect(locked?.isRetryable == true)
        #expect(locked?.message.contains("remove that file and run again") == true)
        #expect(locked?.message.contains("refs/heads/main.lock") == true)
        #expect(try await repository.branchTip("main") == first)

        // A lock released during the retries: success.
        let release = Task {
            try await Task.sleep(nanoseconds: 5_000_000)
            try FileManager.default.removeItem(atPath: lock)
        }
        try await repository.updateBranch("main", to: second, expecting: first, reflogMessage: "after lock")
        try await release.value
        #expect(try sandbox.revParse("main", in: bare) == second)
    }

    @Test func compareAndSwapOnPackedReference() async throws {
        let sandbox = try Sandbox()
        let work = try sandbox.makeWorkTree()
        let first = try sandbox.commitAll("first", in: work)
        let second = try sandbox.commitAll("second", in: work)
        try sandbox.git(["update-ref", "refs/heads/main", first.hex], in: work)
        try sandbox.git(["pack-refs", "--all", "--prune"], in: work)
        #expect(!FileManager.default.fileExists(atPath: "\(work)/.git/refs/heads/main"))
        let repository = try GitRepository(path: work)
        #expect(try await repository.branchTip("main") == first)
        let stale = await gitError {
            try await repository.updateBranch("main", to: second, expecting: second, reflogMessage: "stale")
        }
        #expect(stale?.code == .conflict)
        try await repository.updateBranch("main", to: second, expecting: first, reflogMessage: "packed")
        #expect(try sandbox.revParse("main", in: work) == second)
    }

    @Test func defaultSignatureFallsBackWithoutConfiguration() async throws {
        let sandbox = try Sandbox()
        let repository = try GitRepository(path: try sandbox.makeBare())
        let configured = try await repository.configValues(["user.name", "user.email"])
        let signature = await repository.defaultSignature(now: 42)
        #expect(signature.name == (configured[0] ?? "snapgate"))
        #expect(signature.email == (configured[1] ?? "snapgate@localhost"))
        #expect(signature.time == 42 && signature.offsetMinutes == 0)
    }
}
