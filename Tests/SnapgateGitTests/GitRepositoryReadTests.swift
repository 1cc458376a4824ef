import Foundation
import SnapgateGit
import SnapgateTestSupport
import Testing

@Suite struct GitRepositoryReadTests {
    /// A work tree with nested folders, an executable, a symbolic link and a binary file.
    private func makeFixture(_ sandbox: Sandbox) throws -> (work: String, commit: GitObjectID) {
        let work = try sandbox.makeWorkTree()
        try sandbox.write("# readme\n", to: "README.md", in: work)
        try sandbox.write("a: 1\n", to: "dir/a.yaml", in: work)
        try sandbox.write("deep: true\n", to: "dir/sub/deep.yaml", in: work)
        try sandbox.write("#!/bin/sh\necho hi\n", to: "bin/run.sh", in: work, executable: true)
        try sandbox.write([0, 1, 2, 0xff, 0xfe, 0, 10], to: "data/blob.bin", in: work)
        try sandbox.write("dot\n", to: "a.b/x", in: work)
        try FileManager.default.createSymbolicLink(atPath: "\(work)/link", withDestinationPath: "dir/a.yaml")
        let commit = try sandbox.commitAll("fixture", in: work)
        return (work, commit)
    }

    @Test func listTreeMatchesLsTree() async throws {
        let sandbox = try Sandbox()
        let (work, commit) = try makeFixture(sandbox)
        let repository = try GitRepository(path: work)
        let info = try await repository.commitInfo(commit)
        let entries = try await repository.listTree(info.tree)

        let modes: [String: GitFileMode] = [
            "100644": .blob, "100755": .executable, "120000": .link, "160000": .submodule,
        ]
        let expected = try sandbox.lsTree(info.tree.hex, in: work).map { line in
            GitTreeEntry(path: line.path, id: GitObjectID(hex: line.id)!, mode: modes[line.mode]!)
        }
        #expect(entries == expected)
        #expect(
            entries.map(\.path) == [
                "README.md", "a.b/x", "bin/run.sh", "data/blob.bin", "dir/a.yaml",
                "dir/sub/deep.yaml", "link",
            ])
        #expect(entries.first { $0.path == "bin/run.sh" }?.mode == .executable)
        #expect(entries.first { $0.path == "link" }?.mode == .link)
    }

    @Test func blobsAndFilesHoldWhatGitWrote() async throws {
        let sandbox = try Sandbox()
        let (work, commit) = try makeFixture(sandbox)
        let repository = try GitRepository(path: work)
        let tree = try await repository.commitInfo(commit).tree
        let entries = try await repository.listTree(tree)

        let contents = try await repository.readBlobs(entries.map(\.id))
        for (entry, bytes) in zip(entries, contents) {
            let expected: [UInt8]
            if entry.mode == .link {
                expected = Array("dir/a.yaml".utf8)
            } else {
                expected = Array(try Data(contentsOf: URL(fileURLWithPath: "\(work)/\(entry.path)")))
            }
            #expect(bytes == expected, "\(entry.path)")
            #expect(try await repository.readBlob(entry.id) == expected)
            #expect(try await repository.readFile(entry.path, atTree: tree) == expected)
        }
        #expect(try await repository.readFile("dir/missing.yaml", atTree: tree) == nil)
        #expect(try await repository.readFile("nowhere/x", atTree: tree) == nil)
        let directory = await gitError { _ = try await repository.readFile("dir", atTree: tree) }
        #expect(directory?.code == .invalidArgument)
        let missing = await gitError {
            _ = try await repository.readBlob(GitObjectID(hex: String(repeating: "1", count: 40))!)
        }
        #expect(missing?.code == .notFound)
        #expect(missing?.function == "git_blob_lookup")
    }

    @Test func commitInfoMatchesGit() async throws {
        let sandbox = try Sandbox()
        let work = try sandbox.makeWorkTree()
        let first = try sandbox.commitAll("first", in: work)
        let second = try sandbox.commitAll("second\n\nbody", in: work)
        let repository = try GitRepository(path: work)
        let info = try await repository.commitInfo(second)
        #expect(info.id == second)
        #expect(info.parents == [first])
        #expect(info.tree == (try sandbox.revParse("\(second.hex)^{tree}", in: work)))
        #expect(info.message == "second\n\nbody\n")
        #expect(info.author == GitSignature(name: "Test Author", email: "author@example.com", time: 1_700_000_000))
        #expect(info.committer.name == "Test Committer")
        #expect(try await repository.commitInfo(first).parents == [])
    }

    @Test func ancestryAndMergeBase() async throws {
        let sandbox = try Sandbox()
        let work = try sandbox.makeWorkTree()
        let first = try sandbox.commitAll("first", in: work)
        let second = try sandbox.commitAll("second", in: work)
        try sandbox.git(["checkout", "-q", "-b", "side", first.hex], in: work)
        let side = try sandbox.commitAll("side", in: work)
        try sandbox.git(["checkout", "-q", "--orphan", "unrelated"], in: work)
        let unrelated = try sandbox.commitAll("unrelated", in: work)
        let repository = try GitRepository(path: work)
        #expect(try await repository.isAncestor(first, of: second))
        #expect(try await repository.isAncestor(second, of: second))
        #expect(try await !repository.isAncestor(second, of: first))
        #expect(try await !repository.isAncestor(side, of: second))
        #expect(try await repository.mergeBase(second, side) == first)
        #expect(try await repository.mergeBase(second, unrelated) == nil)
    }
}
