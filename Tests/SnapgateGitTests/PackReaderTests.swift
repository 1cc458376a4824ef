import Foundation
import SnapgateTestSupport
import Testing

@testable import SnapgateGit

/// snapgate's own pack reader gives, for every blob, the bytes libgit2 gives (deltas against
/// offsets and against ids, long chains), finds nothing it should not, and never returns wrong
/// bytes from a damaged pack.
@Suite struct PackReaderTests {
    /// A bare repository whose many similar YAML files git stores as deltas of each other, over
    /// several commits (so chains run through older versions), repacked with `repackOptions`.
    static func deltifiedRepository(_ sandbox: Sandbox, repackOptions: [String]) throws -> String {
        let work = try sandbox.makeWorkTree()
        for round in 0..<3 {
            for index in 0..<40 {
                var text = "apiVersion: appstudio.redhat.com/v1alpha1\nkind: Component\nmetadata:\n"
                text += "  name: component-\(index)\n  namespace: tenant-\(index % 5)\nspec:\n"
                text += "  application: app-\(index % 5)\n  componentName: component-\(index)\n"
                text += "  source:\n    git:\n      url: https://example.com/org/repo-\(index).git\n"
                text += "      revision: round-\(round)\n"
                text += String(repeating: "  # padding line that makes deltas worth their while\n", count: 8)
                try sandbox.write(text, to: "apps/c\(index).yaml", in: work)
            }
            // A blob bigger than a delta copy's 64 KiB default size.
            try sandbox.write(String(repeating: "large \(round % 2)\n", count: 12_000), to: "large.txt", in: work)
            try sandbox.write("", to: "empty.yaml", in: work)
            try sandbox.commitAll("round \(round)", in: work)
        }
        let bare = sandbox.path("packed.git")
        try sandbox.git(["clone", "-q", "--bare", "--no-local", work, bare], in: sandbox.root)
        try sandbox.git(repackOptions + ["repack", "-a", "-d", "-f", "--depth=50", "-q"], in: bare)
        return bare
    }

    /// Every blob of every commit, by `git rev-list --objects` and `git cat-file --batch-check`.
    static func objects(in repository: String, _ sandbox: Sandbox) throws -> [(id: GitObjectID, type: String)] {
        let listing = try sandbox.git(["rev-list", "--objects", "--all"], in: repository)
        let ids = listing.split(separator: "\n").map { String($0.prefix(40)) }
        let types = try sandbox.git(
            ["cat-file", "--batch-check=%(objectname) %(objecttype)"], in: repository,
            input: Array((ids.joined(separator: "\n") + "\n").utf8))
        return types.split(separator: "\n").map { line in
            let fields = line.split(separator: " ")
            return (GitObjectID(hex: String(fields[0]))!, String(fields[1]))
        }
    }

    static func deltaCount(in repository: String, _ sandbox: Sandbox) throws -> Int {
        let pack = try FileManager.default.contentsOfDirectory(atPath: repository + "/objects/pack")
            .first { $0.hasSuffix(".idx") }!
        let verbose = try sandbox.git(["verify-pack", "-v", "objects/pack/" + pack], in: repository)
        // Lines of deltified objects have 7 fields: id type size size-in-pack offset depth base.
        return verbose.split(separator: "\n").count {
            $0.split(separator: " ", omittingEmptySubsequences: true).count == 7
        }
    }

    @Test(arguments: [[], ["-c", "repack.useDeltaBaseOffset=false"]])
    func everyBlobReadsAsLibgit2ReadsIt(repackOptions: [String]) async throws {
        let sandbox = try Sandbox()
        let path = try Self.deltifiedRepository(sandbox, repackOptions: repackOptions)
        #expect(try Self.deltaCount(in: path, sandbox) > 60, "the fixture should be mostly deltas")
        let repository = try GitRepository(path: path)
        let reader = try #require(await repository.packReader())
        let cursor = reader.cursor()
        var blobs = 0
        for (id, type) in try Self.objects(in: path, sandbox) {
            if type == "blob" {
                blobs += 1
                let expected = try await repository.readBlob(id)
                #expect(cursor.readBlob(id) == expected, "\(id)")
            } else {
                #expect(cursor.readBlob(id) == nil, "a \(type) is not a blob")
            }
        }
        #expect(blobs > 100)
        // Again through a second cursor, in reverse, after the pages were given back: the pages
        // come back from the file, and the cache of bases gives the same bytes.
        reader.releasePages()
        let second = reader.cursor()
        for (id, type) in try Self.objects(in: path, sandbox).reversed() where type == "blob" {
            #expect(second.readBlob(id) == (try await repository.readBlob(id)))
        }
        #expect(cursor.readBlob(GitObjectID(hex: String(repeating: "5", count: 40))!) == nil)
    }

    /// The repository's reader is the same one while the packs are, and a new one once they change.
    @Test func aChangedPackFolderGivesANewReader() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeRepository(["a.yaml": "a: 1\n"], named: "loose", bare: true)
        let repository = try GitRepository(path: path)
        // A fresh clone without --no-local hard-links loose objects: no packs.
        let unpacked = try FileManager.default.contentsOfDirectory(atPath: path + "/objects/pack")
        if unpacked.allSatisfy({ !$0.hasSuffix(".idx") }) {
            #expect(await repository.packReader() == nil)
        }
        try sandbox.git(["repack", "-a", "-d", "-q"], in: path)
        let first = try #require(await repository.packReader())
        #expect(await repository.packReader() === first)
        let blob = try sandbox.git(["hash-object", "-w", "--stdin"], in: path, input: Array("new\n".utf8))
        // The new object in a second pack of its own.
        try sandbox.git(["pack-objects", "-q", "objects/pack/pack"], in: path, input: Array(blob.utf8))
        let second = try #require(await repository.packReader())
        #expect(second !== first)
        let id = try #require(GitObjectID(hex: blob.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(first.cursor().readBlob(id) == nil)
        #expect(second.cursor().readBlob(id) == Array("new\n".utf8))
    }

    /// Bytes flipped anywhere in the pack's entries: each blob reads as it was, or not at all
    /// (libgit2 then reports the damage); never as other bytes.
    @Test func aDamagedPackNeverGivesWrongBytes() async throws {
        let sandbox = try Sandbox()
        let path = try Self.deltifiedRepository(sandbox, repackOptions: [])
        let repository = try GitRepository(path: path)
        var original: [GitObjectID: [UInt8]] = [:]
        for (id, type) in try Self.objects(in: path, sandbox) where type == "blob" {
            original[id] = try await repository.readBlob(id)
        }
        let folder = path + "/objects/pack/"
        let packName = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".pack") })
        let pristine = try Data(contentsOf: URL(fileURLWithPath: folder + packName))
        // Seeded: the same damage every run, so a failure can be reproduced.
        var generator = SplitMix64(state: 0x5eed)
        for _ in 0..<30 {
            var damaged = pristine
            for _ in 0..<4 {
                let position = Int.random(in: 12..<(damaged.count - 20), using: &generator)
                damaged[position] ^= UInt8.random(in: 1...255, using: &generator)
            }
            try damaged.write(to: URL(fileURLWithPath: folder + packName))
            let folder = path + "/objects/pack"
            let reader = try #require(PackReader(packFolder: folder, indexFiles: PackReader.indexFiles(in: folder)))
            let cursor = reader.cursor()
            for (id, bytes) in original {
                if let read = cursor.readBlob(id) { #expect(read == bytes, "\(id)") }
            }
        }
    }

    /// Every entry is checked against the index's CRC-32 before it is read: one changed byte in
    /// an entry (its data, or a base offset in its header) and that entry is not read, while the
    /// others still are; an offset inside an entry is no entry.
    @Test func anEntryWhoseBytesChangedIsNotRead() throws {
        let sandbox = try Sandbox()
        let path = try Self.deltifiedRepository(sandbox, repackOptions: [])
        let folder = path + "/objects/pack/"
        let stem =
            folder
            + String(
                try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".idx") })
                    .dropLast(4))
        let listing = try sandbox.git(["verify-pack", "-v", stem + ".idx"], in: path)
        // Lines: id type size size-in-pack offset [depth base]; the summary lines have other shapes.
        let offsets = listing.split(separator: "\n").compactMap { line -> (offset: Int, delta: Bool)? in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 5 || fields.count == 7, fields[0].count == 40, let offset = Int(fields[4]) else {
                return nil
            }
            return (offset, fields.count == 7)
        }
        let pack = try #require(PackFile(stem: stem))
        for entry in offsets { #expect(pack.checkedEntry(at: entry.offset) != nil) }
        #expect(pack.checkedEntry(at: offsets[0].offset + 1) == nil)
        // A delta's header byte after the size (its base offset) changed.
        let target = try #require(offsets.first { $0.delta }).offset
        var bytes = try Data(contentsOf: URL(fileURLWithPath: stem + ".pack"))
        var position = target
        while bytes[position] & 0x80 != 0 { position += 1 }
        bytes[position + 1] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: stem + ".pack"))
        let damaged = try #require(PackFile(stem: stem))
        #expect(damaged.checkedEntry(at: target) == nil)
        for entry in offsets where entry.offset != target { #expect(damaged.checkedEntry(at: entry.offset) != nil) }
    }

    /// SPEC of git's delta format (pack-format.txt, "Deltified representation"): copies and
    /// inserts, the 0x10000 default size, and every way a delta can be wrong.
    @Test(
        arguments: [
            ("copy all", [5, 5, 0x90, 5], "hello"),
            ("insert", [5, 3, 3, 0x61, 0x62, 0x63], "abc"),
            ("copy then insert", [5, 5, 0x91, 1, 3, 2, 0x21, 0x21], "ell!!"),
            ("copy from offset 2", [5, 2, 0x91, 2, 2], "ll"),
            ("base size mismatch", [4, 5, 0x90, 5], nil),
            ("copy beyond the base", [5, 6, 0x90, 6], nil),
            ("result shorter than announced", [5, 6, 0x90, 5], nil),
            ("result longer than announced", [5, 4, 0x90, 5], nil),
            ("reserved instruction", [5, 1, 0], nil),
            ("insert past the end", [5, 3, 3, 0x61], nil),
            ("truncated size", [0x85], nil),
        ] as [(String, [UInt8], String?)])
    func deltas(name: String, delta: [UInt8], result: String?) {
        let base = Array("hello".utf8)
        let applied = delta.withUnsafeBytes { deltaBytes in
            base.withUnsafeBytes { PackDelta.apply(deltaBytes, to: $0) }
        }
        #expect(applied == result.map { Array($0.utf8) }, "\(name)")
    }

    @Test func aCopyOfSizeZeroCopiesSixtyFourKibibytes() {
        let base = [UInt8](repeating: 7, count: 0x10000)
        // Base size 0x10000 and result size 0x10000 as base-128 numbers, then "copy, no size bytes".
        let delta: [UInt8] = [0x80, 0x80, 0x04, 0x80, 0x80, 0x04, 0x80]
        let applied = delta.withUnsafeBytes { deltaBytes in base.withUnsafeBytes { PackDelta.apply(deltaBytes, to: $0) }
        }
        #expect(applied == base)
    }

    /// The radix sort of a pack's entries by offset gives what a stable comparison sort gives:
    /// small and large offsets (one pass, several passes), repeated offsets in input order.
    @Test(arguments: [0, 1, 7, 5_000], [UInt64(1) << 12, UInt64(1) << 30, UInt64(1) << 50, 3])
    func entriesSortByOffsetAsAComparisonSortDoes(count: Int, bound: UInt64) {
        var random = SplitMix64(state: UInt64(count) &* 31 &+ bound)
        let entries = (0..<count).map { position in
            (offset: Int(random.next() % bound), position: Int32(position))
        }
        // Stable: equal offsets keep their input order, which is their positions' order.
        let expected = entries.sorted { ($0.offset, $0.position) < ($1.offset, $1.position) }
        let sorted = PackFile.sortedByOffset(entries)
        #expect(sorted.map(\.offset) == expected.map(\.offset))
        #expect(sorted.map(\.position) == expected.map(\.position))
    }
}
