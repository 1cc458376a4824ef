import Foundation
import SnapgateGit
import SnapgateTestSupport
import Testing

/// Many blobs are written as one packfile of snapgate's own making, which libgit2 and git read
/// at once and git's own checks accept.
@Suite struct GitPackedWriteTests {
    @Test func manyBlobsBecomeOnePack() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeBare()
        let repository = try GitRepository(path: path)
        let blobs = (0..<200).map { Array("object \($0)\n".utf8) } + [[]]
        let ids = try await repository.writeBlobs(blobs)
        #expect(ids.count == blobs.count)
        for (id, blob) in zip(ids, blobs) {
            #expect(try await repository.readBlob(id) == blob)
        }
        // The same ids git computes, found by git in one pack and no loose objects.
        #expect(try sandbox.git(["cat-file", "-p", ids[7].hex], in: path) == "object 7\n")
        let counts = try sandbox.git(["count-objects", "-v"], in: path)
        #expect(counts.contains("count: 0"))
        #expect(counts.contains("packs: 1"))
        try sandbox.git(["fsck", "--strict"], in: path)
    }

    @Test func fewBlobsStayLoose() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeBare()
        let ids = try await GitRepository(path: path).writeBlobs([Array("a".utf8), Array("b".utf8)])
        #expect(try sandbox.git(["cat-file", "-p", ids[1].hex], in: path) == "b")
        #expect(try sandbox.git(["count-objects", "-v"], in: path).contains("packs: 0"))
    }

    /// 500 blobs, with repeats and blobs the repository already has, an empty one, large ones
    /// (zlib) and small ones of every shape (the fixed-code encoder): ids in input order, bytes
    /// back unchanged through libgit2 and git, each new blob in the pack exactly once.
    @Test func aLargeBatchWithRepeatsAndKnownBlobs() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeBare()
        let repository = try GitRepository(path: path)
        var blobs = (0..<440).map { sampleBlob($0) }
        blobs += [[], Array(repeating: 0x61, count: 1 << 20), pseudoRandomBytes(count: 1 << 20, seed: 7)]
        let known = Array(blobs[10..<20])
        let knownIDs = try await repository.writeBlobs(known)  // loose: fewer than 32
        blobs += Array(blobs[100..<157])  // repeats, 500 in all
        #expect(blobs.count == 500)

        let ids = try await repository.writeBlobs(blobs)

        #expect(Array(ids[10..<20]) == knownIDs)
        #expect(Array(ids[443..<500]) == Array(ids[100..<157]))
        for (id, blob) in zip(ids, blobs) {
            #expect(try await repository.readBlob(id) == blob)
        }
        // git reads every blob back byte for byte, under the id it computes itself.
        let request = Array(ids.map { $0.hex + "\n" }.joined().utf8)
        let batch = try gitBytes(sandbox, ["cat-file", "--batch"], in: path, input: request)
        #expect(batch == expectedBatchOutput(ids: ids, blobs: blobs))
        for index in [0, 440, 441, 442] {
            let hashed = try sandbox.git(["hash-object", "--stdin"], in: path, input: blobs[index])
            #expect(hashed == ids[index].hex + "\n")
        }
        // One pack, holding each new blob once and none of the known ones; git's checks pass.
        let packs = try packIndexes(in: path)
        #expect(packs.count == 1)
        let packed = try sandbox.git(
            ["show-index"], in: path, input: Array(try Data(contentsOf: URL(fileURLWithPath: packs[0])))
        )
        .split(separator: "\n").map { String($0.split(separator: " ")[1]) }
        #expect(Set(packed) == Set(ids.map(\.hex)).subtracting(knownIDs.map(\.hex)))
        #expect(packed.count == Set(packed).count)
        try sandbox.git(["verify-pack", packs[0]], in: path)
        try sandbox.git(["fsck", "--full", "--strict"], in: path)
    }

    @Test func aSecondBatchAddsASecondPack() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeBare()
        let first = try await GitRepository(path: path).writeBlobs((0..<100).map { sampleBlob($0) })
        let repository = try GitRepository(path: path)
        let second = try await repository.writeBlobs((100..<250).map { sampleBlob($0) })
        // All new: a second pack. All known: no third.
        #expect(try packIndexes(in: path).count == 2)
        #expect(try await repository.writeBlobs((0..<250).map { sampleBlob($0) }) == first + second)
        #expect(try packIndexes(in: path).count == 2)
        for (offset, id) in (first + second).enumerated() {
            #expect(try await repository.readBlob(id) == sampleBlob(offset))
        }
        for pack in try packIndexes(in: path) { try sandbox.git(["verify-pack", pack], in: path) }
        try sandbox.git(["fsck", "--full", "--strict"], in: path)
        #expect(try sandbox.git(["cat-file", "-p", second[149].hex], in: path).utf8.elementsEqual(sampleBlob(249)))
    }

    @Test func blobIDsAtPathsAnswersLikeReadFile() async throws {
        let sandbox = try Sandbox()
        let work = try sandbox.makeRepository(["a.txt": "a\n", "dir/b.txt": "b\n", "dir/sub/c.txt": "c\n"])
        let repository = try GitRepository(path: work)
        let tree = try await repository.commitInfo(sandbox.revParse("HEAD", in: work)).tree
        let paths = ["dir/sub/c.txt", "a.txt", "missing", "dir/b.txt", "a.txt/under-a-file", "no/such/dir.txt"]
        let ids = try await repository.blobIDs(atPaths: paths, inTree: tree)
        #expect(ids.count == paths.count)
        for (path, id) in zip(paths, ids) {
            let bytes = try await repository.readFile(path, atTree: tree)
            var found: [UInt8]? = nil
            if let id { found = try await repository.readBlob(id) }
            #expect(found == bytes)
        }
        #expect(ids[2] == nil && ids[4] == nil && ids[5] == nil)
        let directory = await gitError { _ = try await repository.blobIDs(atPaths: ["dir/sub"], inTree: tree) }
        #expect(directory?.code == .invalidArgument)
        let empty = await gitError { _ = try await repository.blobIDs(atPaths: [""], inTree: tree) }
        #expect(empty?.code == .invalidArgument)
    }
}

/// A small YAML-like document, different for each `index`, of 150 to 600 bytes.
func sampleBlob(_ index: Int) -> [UInt8] {
    var text = "apiVersion: appstudio.redhat.com/v1alpha1\nkind: Component\nmetadata:\n"
    text += "  name: app-\(index % 37)-comp-\(index)\n  namespace: tenant-\(index % 5)\n"
    for line in 0..<(index % 9) { text += "  label-\(line): value-\(index * 31 + line)\n" }
    return Array(text.utf8)
}

/// `count` bytes that do not compress, the same for the same `seed`.
func pseudoRandomBytes(count: Int, seed: UInt64) -> [UInt8] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    return (0..<count).map { _ in
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return UInt8(truncatingIfNeeded: state >> 24)
    }
}

/// What `git cat-file --batch` prints for `ids` when they hold `blobs`.
func expectedBatchOutput(ids: [GitObjectID], blobs: [[UInt8]]) -> [UInt8] {
    var output: [UInt8] = []
    for (id, blob) in zip(ids, blobs) {
        output += Array("\(id.hex) blob \(blob.count)\n".utf8) + blob + [10]
    }
    return output
}

/// Runs `git args` with `input` and returns its standard output as bytes (which may not be text).
func gitBytes(_ sandbox: Sandbox, _ args: [String], in directory: String, input: [UInt8]) throws -> [UInt8] {
    let started = try sandbox.start("/usr/bin/git", args, in: directory, input: input)
    let output = started.standardOutputPipe.fileHandleForReading.readDataToEndOfFile()
    started.process.waitUntilExit()
    guard started.process.terminationStatus == 0 else {
        throw ScaffoldError(
            description: "git \(args.joined(separator: " ")) exited \(started.process.terminationStatus)")
    }
    return [UInt8](output)
}

/// The pack index files of a bare repository.
func packIndexes(in repository: String) throws -> [String] {
    let folder = repository + "/objects/pack"
    return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".idx") }.sorted()
        .map { folder + "/" + $0 }
}

/// The few files of an incremental pass: their blobs and trees as one pack (loose when only a
/// few objects are new), the same tree `writeBlobs` then `makeTree` give, and whatever our tree
/// writer declines still handled by libgit2.
@Suite struct GitSmallChangeWriteTests {
    /// A repository whose branch holds a few files, and its tree.
    static func repository(_ sandbox: Sandbox, named name: String) throws -> (String, GitObjectID) {
        let path = try sandbox.makeRepository(
            ["apps/a/app.yaml": "a: 1\n", "apps/b/app.yaml": "b: 1\n", "top.yaml": "t: 1\n"], named: name, bare: true)
        let tree = try #require(
            GitObjectID(
                hex: try sandbox.git(["rev-parse", "HEAD^{tree}"], in: path).trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        return (path, tree)
    }

    static func looseCount(_ sandbox: Sandbox, _ path: String) throws -> Int {
        let counts = try sandbox.git(["count-objects", "-v"], in: path)
        let line = try #require(counts.split(separator: "\n").first { $0.hasPrefix("count: ") })
        return try #require(Int(line.dropFirst("count: ".count)))
    }

    static func packCount(_ sandbox: Sandbox, _ path: String) throws -> Int {
        try packIndexes(in: path).count
    }

    /// (files written, changes besides them, how the new objects are stored)
    static let cases: [(files: [String: String], deletions: [String], packed: Bool)] = [
        // Three blobs and the trees of two new folders: one pack.
        (["apps/c/app.yaml": "c: 1\n", "apps/c/more/deep.yaml": "d: 1\n", "apps/a/app.yaml": "a: 2\n"], [], true),
        // A rewrite to the same bytes and a deletion: nothing new but the root and `apps/` trees.
        (["apps/b/app.yaml": "b: 1\n"], ["apps/a/app.yaml"], false),
        // One new blob at the top: the blob and the root, loose.
        (["new.yaml": "n: 1\n"], [], false),
    ]

    @Test(arguments: 0..<3)
    func blobsAndTreesAsOnePackGiveTheTreeMakeTreeGives(index: Int) async throws {
        let (files, deletions, packed) = Self.cases[index]
        let sandbox = try Sandbox()
        let (together, base) = try Self.repository(sandbox, named: "together.git")
        let (apart, _) = try Self.repository(sandbox, named: "apart.git")
        let paths = files.keys.sorted()
        let blobs = paths.map { Array(files[$0]!.utf8) }
        let ids = await GitRepository.blobIDs(of: blobs)
        let changes: [GitTreeChange] =
            zip(paths, ids).map { .upsert(path: $0, blob: $1) } + deletions.map { .delete(path: $0) }
        let (loose, packs) = (try Self.looseCount(sandbox, together), try Self.packCount(sandbox, together))

        let root = try await GitRepository(path: together).writeBlobsAndTree(
            blobs, ids: ids, base: base, changes: changes)

        let separate = try GitRepository(path: apart)
        _ = try await separate.writeBlobs(blobs, ids: ids)
        #expect(try await separate.makeTree(base: base, changes: changes) == root)
        #expect(try Self.packCount(sandbox, together) == packs + (packed ? 1 : 0))
        if packed { #expect(try Self.looseCount(sandbox, together) == loose) }
        for (path, text) in files {
            #expect(try sandbox.git(["cat-file", "-p", "\(root.hex):\(path)"], in: together) == text)
        }
        for path in deletions {
            #expect(throws: (any Error).self) {
                try sandbox.git(["cat-file", "-e", "\(root.hex):\(path)"], in: together)
            }
        }
        try sandbox.git(["fsck", "--full", "--strict"], in: together)
    }

    /// A file replacing a folder is for libgit2 to judge: it refuses, as `makeTree` does.
    @Test func whatTheTreeWriterDeclinesIsLibgit2s() async throws {
        let sandbox = try Sandbox()
        let (path, base) = try Self.repository(sandbox, named: "declined.git")
        let blob = [Array("x\n".utf8)]
        let ids = await GitRepository.blobIDs(of: blob)
        let repository = try GitRepository(path: path)
        await #expect(throws: GitError.self) {
            _ = try await repository.writeBlobsAndTree(
                blob, ids: ids, base: base, changes: [.upsert(path: "apps", blob: ids[0])])
        }
        await #expect(throws: GitError.self) {
            _ = try await repository.makeTree(base: base, changes: [.upsert(path: "apps", blob: ids[0])])
        }
    }

    /// A repository that holds 50 packs already (as many as make `git gc --auto` repack) gets
    /// loose objects again, not a 51st pack.
    @Test func aRepositoryWithManyPacksGetsLooseObjects() async throws {
        let sandbox = try Sandbox()
        let (path, base) = try Self.repository(sandbox, named: "many-packs.git")
        let repository = try GitRepository(path: path)
        for pack in 0..<50 {
            _ = try await repository.writeBlobs((0..<32).map { Array("pack \(pack) blob \($0)\n".utf8) })
        }
        let packs = try Self.packCount(sandbox, path)
        #expect(packs >= 50)
        let blobs = (0..<3).map { Array("new \($0)\n".utf8) }
        let ids = await GitRepository.blobIDs(of: blobs)
        let root = try await repository.writeBlobsAndTree(
            blobs, ids: ids, base: base, changes: zip(0..<3, ids).map { .upsert(path: "more/\($0).yaml", blob: $1) })
        #expect(try Self.packCount(sandbox, path) == packs)
        #expect(try sandbox.git(["cat-file", "-p", "\(root.hex):more/2.yaml"], in: path) == "new 2\n")
        try sandbox.git(["fsck", "--strict"], in: path)
    }
}
