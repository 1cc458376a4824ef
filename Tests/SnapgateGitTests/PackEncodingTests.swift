import Foundation
import SnapgateTestSupport
import Testing

@testable import SnapgateGit

/// The pieces of the pack writer that are snapgate's own code: SHA-1 and the fixed-code deflate
/// encoder, checked against published vectors, libgit2 and git.
@Suite struct PackEncodingTests {
    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        ("The quick brown fox jumps over the lazy dog", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"),
        (String(repeating: "a", count: 1_000_000), "34aa973cd4c4daa4f61eeb2bdbad27316534016f"),
    ])
    func sha1MatchesKnownDigests(_ input: String, _ digest: String) {
        var hash = SHA1()
        hash.update(Array(input.utf8))
        #expect(hash.finalize().hex == digest)
    }

    @Test func sha1IsTheSameInPieces() {
        let bytes = pseudoRandomBytes(count: 1000, seed: 3)
        var whole = SHA1()
        whole.update(bytes)
        let expected = whole.finalize()
        for split in [1, 55, 56, 63, 64, 65, 127, 500, 999] {
            var pieces = SHA1()
            pieces.update(Array(bytes[..<split]))
            pieces.update([])
            pieces.update(Array(bytes[split...]))
            #expect(pieces.finalize() == expected)
        }
    }

    /// Sizes around the 64-byte block and the 56-byte padding limits, hashed as blobs.
    @Test func blobIDsMatchLibgit2() async throws {
        let sandbox = try Sandbox()
        let repository = try GitRepository(path: try sandbox.makeBare())
        for count in Array(0...130) + [1000, 4096, 65_537] {
            let bytes = pseudoRandomBytes(count: count, seed: UInt64(count))
            let id = bytes.withUnsafeBytes { SHA1.objectID(kind: "blob", $0) }
            #expect(id == (try await repository.writeBlob(bytes)))
        }
    }

    /// Streams of the fixed-code encoder stored as loose objects: git and libgit2 inflate them to
    /// the same bytes, and git's fsck accepts them.
    @Test func fixedCodeStreamsInflate() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeBare()
        let random = pseudoRandomBytes(count: 1000, seed: 11)
        var inputs: [[UInt8]] = [
            [], [7], Array("ab".utf8), Array("abc".utf8), Array("abcd".utf8), Array(0...255),
            Array(repeating: 0, count: 100_000), Array(String(repeating: "abc", count: 5000).utf8),
            pseudoRandomBytes(count: 7000, seed: 5), Array(repeating: 0xff, count: 259),
        ]
        // Repeats at distances inside the window (up to its last byte) and just beyond it.
        for distance in [1, 2, 3, 257, 4096, 20_000, 32_768, 32_769, 40_000] {
            var bytes = random
            bytes += pseudoRandomBytes(count: max(0, distance - random.count), seed: UInt64(distance))
            bytes += random + random.prefix(300)
            inputs.append(bytes)
        }
        // Matches that end at every byte of the eight compared at a time, and ones cut by the
        // end of the input at every remainder.
        let base = pseudoRandomBytes(count: 64, seed: 3)
        for end in 4..<28 {
            var copy = base
            copy[end] ^= 0x55
            inputs.append(base + copy)
            inputs.append(base + base.prefix(end))
        }
        let table = UnsafeMutablePointer<Int32>.allocate(capacity: FixedHuffmanDeflate.tableSize)
        defer { table.deallocate() }
        table.initialize(repeating: -1, count: FixedHuffmanDeflate.tableSize)
        let repository = try GitRepository(path: path)
        for input in inputs {
            let object = Array("blob \(input.count)\0".utf8) + input
            var stream = [UInt8](repeating: 0, count: FixedHuffmanDeflate.bound(object.count))
            let length = object.withUnsafeBytes { source in
                stream.withUnsafeMutableBufferPointer {
                    FixedHuffmanDeflate.compress(source, into: $0.baseAddress!, table: table)
                }
            }
            #expect(length <= stream.count - 8)
            let id = input.withUnsafeBytes { SHA1.objectID(kind: "blob", $0) }
            let folder = "\(path)/objects/\(id.hex.prefix(2))"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(stream[..<length]).write(to: URL(fileURLWithPath: "\(folder)/\(id.hex.dropFirst(2))"))
            #expect(try gitBytes(sandbox, ["cat-file", "blob", id.hex], in: path, input: []) == input)
            #expect(try await repository.readBlob(id) == input)
        }
        try sandbox.git(["fsck", "--full", "--strict"], in: path)
    }

    @Test func entryHeadersEncodeTypeAndSize() {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 16)
        defer { buffer.deallocate() }
        let cases: [(Int, [UInt8])] = [
            (0, [0x30]), (15, [0x3f]), (16, [0xb0, 0x01]), (250, [0xba, 0x0f]), (1 << 20, [0xb0, 0x80, 0x80, 0x04]),
        ]
        for (size, expected) in cases {
            let length = PackBuilder.writeEntryHeader(kind: .blob, size: size, to: buffer)
            #expect(Array(UnsafeBufferPointer(start: buffer, count: length)) == expected)
        }
    }

    /// Offsets past 2 GiB go to the index's table of 64-bit offsets; git reads them back.
    @Test func indexesKeepLargeOffsets() throws {
        let sandbox = try Sandbox()
        let ids = (0..<300).map { index in
            var hash = SHA1()
            hash.update(Array("object \(index)".utf8))
            return hash.finalize()
        }
        let offsets: [UInt64] = ids.indices.map { UInt64($0) * 20_000_000 + 12 }
        let crcs: [UInt32] = ids.indices.map { UInt32($0) &* 2_654_435_761 }
        let index = PackBuilder.makeIndex(ids: ids, offsets: offsets, crcs: crcs, packChecksum: ids[0])
        let listed = try sandbox.git(["show-index"], in: sandbox.root, input: index)
        var expected: [String] = []
        for (id, (offset, crc)) in zip(ids, zip(offsets, crcs)).sorted(by: { $0.0 < $1.0 }) {
            expected.append("\(offset) \(id.hex) (\(String(crc, radix: 16).leftPadded(to: 8)))")
        }
        #expect(listed.split(separator: "\n").map(String.init) == expected)
        #expect(offsets.last! > 1 << 32)
    }
}

extension String {
    /// The string with zeros in front up to `length` characters.
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
