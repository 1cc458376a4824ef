import Foundation
import SnapgateTestSupport
import Testing

@testable import SnapgateGit

/// snapgate's own tree writer (`buildTrees`) gives the trees git gives, and leaves to libgit2 the
/// changes whose rules or errors are libgit2's.
@Suite struct GitTreeWriterTests {
    /// Files of the base commit: names that sort differently as files and as directories.
    static let baseFiles = [
        "a.b": "a.b\n", "a-b/x": "x\n", "a0": "a0\n", "b/c/d.txt": "d\n", "b/c/e.txt": "e\n",
        "dir/only.txt": "only\n", "keep.yaml": "keep\n", "exe.sh": "#!/bin/sh\n", "z/a/b": "zab\n",
    ]

    /// Changes over `baseFiles` that git orders carefully: a new directory `a` between `a.b` and
    /// `a0`, files `a.txt` and `a` next to directories, executables, a symlink, deletions that
    /// empty nested directories, new nested directories, an absent path.
    static func trickyChanges(_ blob: (String) async throws -> GitObjectID, bulk: Int) async throws
        -> [GitTreeChange]
    {
        var changes: [GitTreeChange] = [
            .upsert(path: "a/new.txt", blob: try await blob("a/new\n")),
            .upsert(path: "a.txt", blob: try await blob("a.txt\n")),
            .upsert(path: "a-b/y", blob: try await blob("y\n")),
            .upsert(path: "a-b.c", blob: try await blob("a-b.c\n")),
            .delete(path: "b/c/d.txt"),
            .delete(path: "b/c/e.txt"),
            .delete(path: "dir/only.txt"),
            .upsert(path: "exe.sh", blob: try await blob("#!/bin/sh\n"), mode: .executable),
            .upsert(path: "link", blob: try await blob("keep.yaml"), mode: .link),
            .upsert(path: "n1/n2/n3/f", blob: try await blob("f\n")),
            .upsert(path: "n1/g", blob: try await blob("g\n")),
            .upsert(path: "n1/n2.txt", blob: try await blob("n2\n")),
            .upsert(path: "n1/n2-x/h", blob: try await blob("h\n")),
            .upsert(path: "z/a/b", blob: try await blob("zab 2\n")),
            .delete(path: "missing/x"),
            .delete(path: "z/a/missing"),
        ]
        for index in 0..<bulk {
            changes.append(.upsert(path: "bulk/d-\(index % 7)/f-\(index)", blob: try await blob("bulk \(index)\n")))
        }
        return changes
    }

    @Test(arguments: [0, 60])
    func treesEqualGits(bulk: Int) async throws {
        let sandbox = try Sandbox()
        let work = try sandbox.makeRepository(Self.baseFiles)
        let repository = try GitRepository(path: work)
        let base = try await repository.commitInfo(try sandbox.revParse("HEAD", in: work)).tree
        let changes = try await Self.trickyChanges({ try await repository.writeBlob(Array($0.utf8)) }, bulk: bulk)

        let built = try #require(try await repository.buildTrees(base: base, changes: changes))
        let tree = try await repository.makeTree(base: base, changes: changes)
        #expect(built.root == tree)
        #expect(tree == (try gitsTree(base: base, changes: changes, sandbox: sandbox, in: work)))
        let paths = try sandbox.lsTree(tree.hex, in: work).map(\.path)
        #expect(!paths.contains { $0.hasPrefix("b/") || $0.hasPrefix("dir/") })
        #expect(paths.contains("n1/n2/n3/f") && paths.contains("a/new.txt"))
        try sandbox.git(["fsck", "--full", "--strict", "--no-dangling", tree.hex], in: work)
        try sandbox.git(["fsck", "--full", "--strict"], in: work)
    }

    @Test func deletingEverythingGivesTheEmptyTree() async throws {
        let sandbox = try Sandbox()
        let work = try sandbox.makeRepository(["a/b/c": "c\n", "a/d": "d\n", "e": "e\n"])
        let repository = try GitRepository(path: work)
        let base = try await repository.commitInfo(try sandbox.revParse("HEAD", in: work)).tree
        let changes: [GitTreeChange] = [.delete(path: "a/b/c"), .delete(path: "a/d"), .delete(path: "e")]
        #expect(try await repository.buildTrees(base: base, changes: changes) != nil)
        let tree = try await repository.makeTree(base: base, changes: changes)
        #expect(tree.hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
        try sandbox.git(["cat-file", "-e", tree.hex], in: work)
    }

    /// Changes libgit2 refuses, or rules the writer leaves to libgit2: `makeTree`'s results and
    /// errors stay libgit2's.
    @Test func libgit2DecidesTheUnusualCases() async throws {
        let sandbox = try Sandbox()
        let work = try sandbox.makeRepository(["dir/file": "f\n", "file": "g\n"])
        let repository = try GitRepository(path: work)
        let base = try await repository.commitInfo(try sandbox.revParse("HEAD", in: work)).tree
        let blob = try await repository.writeBlob(Array("new\n".utf8))
        let refused: [[GitTreeChange]] = [
            [.upsert(path: "dir", blob: blob)],  // a directory replaced by a file
            [.upsert(path: "file/x", blob: blob)],  // a file replaced by a directory
            [.upsert(path: "new", blob: blob), .upsert(path: "new/x", blob: blob)],
            [.upsert(path: ".git/config", blob: blob)],
            [.upsert(path: "dir/.GIT", blob: blob)],
            [.upsert(path: "GIT~1/x", blob: blob)],
            [.upsert(path: "x", blob: GitObjectID(hex: String(repeating: "3", count: 40))!)],
            [.upsert(path: "x", blob: try await repository.commitInfo(try sandbox.revParse("HEAD", in: work)).tree)],
        ]
        for changes in refused {
            #expect(try await repository.buildTrees(base: base, changes: changes) == nil)
            let error = await gitError { _ = try await repository.makeTree(base: base, changes: changes) }
            #expect(error != nil, "\(changes)")
        }
        // Accepted by libgit2, left to it: a name starting with '.', deleting a directory, a
        // deletion below a file.
        let accepted: [[GitTreeChange]] = [
            [.upsert(path: ".gitignore", blob: blob)], [.delete(path: "dir")], [.delete(path: "file/x")],
        ]
        for changes in accepted {
            #expect(try await repository.buildTrees(base: base, changes: changes) == nil)
            let made = try await repository.makeTree(base: base, changes: changes)
            #expect(made == (try gitsTree(base: base, changes: changes, sandbox: sandbox, in: work)))
        }
    }

    /// The tree git's own index writes for `base` with `changes` (`git update-index`, `write-tree`).
    private func gitsTree(base: GitObjectID, changes: [GitTreeChange], sandbox: Sandbox, in work: String) throws
        -> GitObjectID
    {
        try sandbox.git(["read-tree", base.hex], in: work)
        var lines = ""
        for change in changes {
            switch change {
            case .upsert(let path, let blob, let mode):
                let spelling = ["100644", "100755", "120000"][
                    [GitFileMode.blob, .executable, .link].firstIndex(of: mode)!]
                lines += "\(spelling) \(blob.hex)\t\(path)\n"
            case .delete(let path):
                let listed = try sandbox.git(["ls-files", "--", path], in: work)
                for file in listed.split(separator: "\n") {
                    lines += "0 \(String(repeating: "0", count: 40))\t\(file)\n"
                }
            }
        }
        try sandbox.git(["update-index", "--index-info"], in: work, input: Array(lines.utf8))
        let hex = try sandbox.git(["write-tree"], in: work).trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(GitObjectID(hex: hex))
    }
}

/// `makeTree` trusts the blobs the latest `writeBlobs` wrote, and only those, without asking the
/// object database again; repeated paths are still refused.
@Suite struct GitTreeWriterBlobTests {
    @Test func writtenBlobsAreTrustedOnlyOnce() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeBare()
        let repository = try GitRepository(path: path)
        let ids = try await repository.writeBlobs((0..<40).map { Array("blob \($0)\n".utf8) })
        let changes: [GitTreeChange] = ids.enumerated().map { .upsert(path: "d/\($0.offset)", blob: $0.element) }
        let tree = try await repository.makeTree(base: nil, changes: changes)
        #expect(try sandbox.lsTree(tree.hex, in: path).count == 40)
        try sandbox.git(["fsck", "--full", "--strict"], in: path)
        // A blob id that is not in the repository fails whether or not blobs were just written.
        let absent = try #require(GitObjectID(hex: String(repeating: "4", count: 40)))
        _ = try await repository.writeBlobs([Array("other\n".utf8)])
        let error = await gitError {
            _ = try await repository.makeTree(base: nil, changes: [.upsert(path: "x", blob: absent)])
        }
        #expect(error?.function == "git_tree_create_updated")
    }

    /// Trees written while their blobs are being written (a publish overlaps the two): the
    /// pending blobs are trusted, the trees name them, and once the blobs land the repository is
    /// whole; the ids `blobIDs(of:)` gives are the ones `writeBlobs` writes.
    @Test func treesCanBeWrittenBesidePendingBlobs() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeBare()
        let repository = try GitRepository(path: path)
        let contents = (0..<40).map { Array("pending \($0)\n".utf8) }
        let ids = await GitRepository.blobIDs(of: contents)
        let changes: [GitTreeChange] = ids.enumerated().map { .upsert(path: "p/\($0.offset)", blob: $0.element) }
        async let written = repository.writeBlobs(contents, ids: ids)
        async let tree = repository.makeTree(base: nil, changes: changes, pendingBlobs: Set(ids))
        #expect(try await written == ids)
        let root = try await tree
        #expect(try sandbox.lsTree(root.hex, in: path).count == 40)
        try sandbox.git(["fsck", "--full", "--strict"], in: path)
        // Without the promise, a blob that is not there yet is refused.
        let later = await GitRepository.blobIDs(of: [Array("later\n".utf8)])
        let error = await gitError {
            _ = try await repository.makeTree(base: nil, changes: [.upsert(path: "x", blob: later[0])])
        }
        #expect(error?.function == "git_tree_create_updated")
    }

    @Test func repeatedPathsAreRefused() async throws {
        let sandbox = try Sandbox()
        let repository = try GitRepository(path: try sandbox.makeBare())
        let ids = try await repository.writeBlobs((0..<40).map { Array("blob \($0)\n".utf8) })
        var changes: [GitTreeChange] = ids.enumerated().map { .upsert(path: "d/\($0.offset)", blob: $0.element) }
        changes.append(.delete(path: "d/7"))
        let error = await gitError { _ = try await repository.makeTree(base: nil, changes: changes) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("more than one change to 'd/7'") == true)
    }
}
