import Foundation
import SnapgateGit
import SnapgateTestSupport
import Testing

/// The trees of a large change are written as one pack; the result is the tree the same changes
/// give when applied a few at a time (loose objects, libgit2 all the way).
@Suite struct GitPackedTreeTests {
    @Test func aLargeChangeGivesTheSameTreeAsSmallOnes() async throws {
        let sandbox = try Sandbox()
        var files: [String: String] = ["README.md": "read me\n", "apps/app-0/old.yaml": "old\n"]
        for index in 0..<40 { files["apps/app-\(index % 8)/kept-\(index).yaml"] = "kept \(index)\n" }
        let work = try sandbox.makeRepository(files, named: "source")
        let packed = sandbox.path("packed.git")
        let loose = sandbox.path("loose.git")
        try sandbox.git(["clone", "-q", "--bare", "--no-local", work, packed], in: sandbox.root)
        try sandbox.git(["clone", "-q", "--bare", "--no-local", work, loose], in: sandbox.root)
        let tip = try sandbox.revParse("HEAD", in: work)

        var changes: [GitTreeChange] = [.delete(path: "apps/app-0/old.yaml"), .delete(path: "not/there.yaml")]
        var blobs: [[UInt8]] = []
        for index in 0..<300 { blobs.append(sampleBlob(index)) }
        blobs.append(Array("kept 3, changed\n".utf8))
        var roots: [GitObjectID] = []
        for path in [packed, loose] {
            let repository = try GitRepository(path: path)
            let ids = try await repository.writeBlobs(blobs)
            var upserts: [GitTreeChange] = (0..<300).map {
                .upsert(path: "out/tenant-\($0 % 30)/kind-\($0 % 3)/object-\($0).yaml", blob: ids[$0])
            }
            upserts.append(.upsert(path: "apps/app-3/kept-3.yaml", blob: ids[300], mode: .executable))
            changes = upserts + changes.filter { if case .delete = $0 { true } else { false } }
            let base = try await repository.commitInfo(tip).tree
            if path == packed {
                roots.append(try await repository.makeTree(base: base, changes: changes))
            } else {
                var tree = base
                for start in stride(from: 0, to: changes.count, by: 20) {
                    let batch = Array(changes[start..<min(start + 20, changes.count)])
                    tree = try await repository.makeTree(base: tree, changes: batch)
                }
                roots.append(tree)
            }
        }
        #expect(roots[0] == roots[1])
        let listed = try sandbox.lsTree(roots[0].hex, in: packed)
        #expect(listed.count == 300 + 40 + 1)
        #expect(!listed.contains { $0.path == "apps/app-0/old.yaml" })
        #expect(listed.first { $0.path == "apps/app-3/kept-3.yaml" }?.mode == "100755")
        // Blobs and trees in two packs, nothing loose; git's checks pass.
        #expect(try sandbox.git(["count-objects", "-v"], in: packed).contains("count: 0\n"))
        let packs = try packIndexes(in: packed)
        #expect(packs.count == 3)  // the clone's, the blobs', the trees'
        for pack in packs { try sandbox.git(["verify-pack", pack], in: packed) }
        try sandbox.git(["fsck", "--full", "--strict"], in: packed)
        let commit = try await GitRepository(path: packed).createCommit(
            tree: roots[0], parents: [tip], message: "many\n", author: .test(), committer: .test())
        try sandbox.git(["update-ref", "refs/heads/main", commit.hex], in: packed)
        try sandbox.git(["fsck", "--full", "--strict", "--no-dangling"], in: packed)
    }

    @Test func aLargeChangeNamingAMissingBlobFails() async throws {
        let sandbox = try Sandbox()
        let repository = try GitRepository(path: try sandbox.makeBare())
        let ids = try await repository.writeBlobs((0..<40).map { sampleBlob($0) })
        var changes: [GitTreeChange] = ids.enumerated().map { .upsert(path: "dir/\($0.offset).yaml", blob: $0.element) }
        changes.append(
            .upsert(path: "dir/missing.yaml", blob: try #require(GitObjectID(hex: String(repeating: "ab", count: 20)))))
        let error = await gitError { _ = try await repository.makeTree(base: nil, changes: changes) }
        #expect(error?.function == "git_tree_create_updated")
    }

    @Test func aLargeChangeToTheSameBytesWritesNothing() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeBare()
        let repository = try GitRepository(path: path)
        let ids = try await repository.writeBlobs((0..<40).map { sampleBlob($0) })
        let changes: [GitTreeChange] = ids.enumerated().map {
            .upsert(path: "d-\($0.offset % 4)/\($0.offset)", blob: $0.element)
        }
        let tree = try await repository.makeTree(base: nil, changes: changes)
        let packs = try packIndexes(in: path)
        #expect(try await repository.makeTree(base: tree, changes: changes) == tree)
        #expect(try packIndexes(in: path) == packs)
    }
}
