internal import CDeflate
internal import CZlib

// Pack entries: each object's type-and-size header followed by its zlib stream, made by one
// worker for a run of consecutive objects.

extension PackBuilder {
    /// zlib level of large entries: the fastest.
    static let compressionLevel: Int32 = 1

    /// Consecutive pack entries: their bytes, each entry's offset in them, its CRC-32 and which
    /// object of the run it holds.
    struct Entries: Sendable {
        var bytes: [UInt8]
        var offsets: [Int]
        var crcs: [UInt32]
        var objects: [Int]

        /// These entries without those whose flag in `keep` (one per entry) is not set.
        func keeping(_ keep: ArraySlice<Bool>) -> Entries {
            var kept = Entries(bytes: [], offsets: [], crcs: [], objects: [])
            for (entry, flag) in zip(offsets.indices, keep) where flag {
                let end = entry + 1 < offsets.count ? offsets[entry + 1] : bytes.count
                kept.offsets.append(kept.bytes.count)
                kept.bytes.append(contentsOf: bytes[offsets[entry]..<end])
                kept.crcs.append(crcs[entry])
                kept.objects.append(objects[entry])
            }
            return kept
        }
    }

    /// The pack entries of `objects[range]`: a type-and-size header, then the zlib stream. With
    /// `stoppingWhenCancelled`, only those made before the task was cancelled.
    static func deflateEntries(_ objects: [PackObject], _ range: Range<Int>, stoppingWhenCancelled: Bool = false)
        -> Entries
    {
        var compressor = Compressor()
        var capacity = 0
        for index in range { capacity += 10 + compressor.bound(objects[index].bytes.count) }
        var offsets: [Int] = []
        var crcs: [UInt32] = []
        offsets.reserveCapacity(range.count)
        crcs.reserveCapacity(range.count)
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            let base = buffer.baseAddress!
            var end = 0
            for index in range {
                if stoppingWhenCancelled && Task.isCancelled { break }
                let object = objects[index]
                let start = end
                end += writeEntryHeader(kind: object.kind, size: object.bytes.count, to: base + end)
                end += object.bytes.withUnsafeBytes {
                    compressor.compress($0, into: base + end, capacity: capacity - end)
                }
                offsets.append(start)
                crcs.append(libdeflate_crc32(0, base + start, end - start))
            }
            count = end
        }
        return Entries(bytes: bytes, offsets: offsets, crcs: crcs, objects: Array(0..<offsets.count))
    }

    /// One worker's deflaters: `FixedHuffmanDeflate` for small objects, zlib (whose Huffman
    /// trees pay off on larger ones) for the rest, each set up once for all the worker's objects.
    struct Compressor: ~Copyable {
        /// From this size on, zlib.
        static let zlibThreshold = 8192

        private let table: UnsafeMutablePointer<Int32>
        private var stream: UnsafeMutablePointer<z_stream>?

        init() {
            table = .allocate(capacity: FixedHuffmanDeflate.tableSize)
            table.initialize(repeating: -1, count: FixedHuffmanDeflate.tableSize)
        }

        deinit {
            table.deallocate()
            if let stream {
                deflateEnd(stream)
                stream.deallocate()
            }
        }

        /// The most bytes `compress` writes for `count` input bytes.
        mutating func bound(_ count: Int) -> Int {
            guard count >= Self.zlibThreshold else { return FixedHuffmanDeflate.bound(count) }
            return Int(deflateBound(zlibStream(), UInt(count)))
        }

        /// Writes the zlib stream of `input` to `output` and returns its length.
        mutating func compress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutablePointer<UInt8>, capacity: Int)
            -> Int
        {
            guard input.count >= Self.zlibThreshold else {
                return FixedHuffmanDeflate.compress(input, into: output, table: table)
            }
            let stream = zlibStream()
            deflateReset(stream)
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress!.assumingMemoryBound(to: UInt8.self))
            stream.pointee.next_out = output
            // zlib counts in 32 bits: feed (and drain) blobs of 4 GiB and more in pieces. The
            // output holds deflateBound bytes, so the stream always finishes.
            var unread = input.count
            var room = capacity
            var result = Z_OK
            while result != Z_STREAM_END {
                if stream.pointee.avail_in == 0 && unread > 0 {
                    stream.pointee.avail_in = UInt32(min(unread, Int(UInt32.max)))
                    unread -= Int(stream.pointee.avail_in)
                }
                if stream.pointee.avail_out == 0 {
                    stream.pointee.avail_out = UInt32(min(room, Int(UInt32.max)))
                    room -= Int(stream.pointee.avail_out)
                }
                result = CZlib.deflate(stream, unread == 0 ? Z_FINISH : Z_NO_FLUSH)
                precondition(result == Z_OK || result == Z_STREAM_END, "deflate failed: \(result)")
            }
            return Int(stream.pointee.total_out)
        }

        private mutating func zlibStream() -> UnsafeMutablePointer<z_stream> {
            if let stream { return stream }
            let created = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            created.initialize(to: z_stream())
            let status = deflateInit2_(
                created, compressionLevel, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                Int32(MemoryLayout<z_stream>.size))
            // Only a bad argument or no memory fails here; neither can be recovered from.
            precondition(status == Z_OK, "deflateInit2 failed: \(status)")
            stream = created
            return created
        }
    }

    /// Writes an entry's type-and-size header (a little-endian base-128 size whose first byte
    /// also holds the type) and returns its length.
    static func writeEntryHeader(kind: PackObjectKind, size: Int, to pointer: UnsafeMutablePointer<UInt8>) -> Int {
        var remaining = UInt64(size) >> 4
        var byte = kind.rawValue << 4 | UInt8(size & 0x0f)
        var length = 0
        while remaining > 0 {
            pointer[length] = byte | 0x80
            length += 1
            byte = UInt8(remaining & 0x7f)
            remaining >>= 7
        }
        pointer[length] = byte
        return length + 1
    }
}
