internal import CZlib

// A packfile (version 2, no deltas) and its index (version 2), built in memory from objects whose
// ids are known. Pure: no libgit2, no files. Objects are deflated on every core; deltas are never
// searched, because for many small new documents that search costs far more than it saves
// (issue 5), and `git gc` computes them later anyway.

/// The object kinds a pack entry records (the numbers are the pack format's).
enum PackObjectKind: UInt8, Sendable {
    case commit = 1
    case tree = 2
    case blob = 3

    /// The name in a loose object's header, which is part of what the id hashes.
    var name: StaticString {
        switch self {
        case .commit: "commit"
        case .tree: "tree"
        case .blob: "blob"
        }
    }
}

/// One object to pack.
struct PackObject: Sendable {
    var kind: PackObjectKind
    var id: GitObjectID
    var bytes: [UInt8]
}

/// A pack and its index, ready to be stored.
struct BuiltPack: Sendable {
    /// The pack file's bytes in pieces (header, entries…, trailer), to be written in order.
    var packPieces: [[UInt8]]
    /// The pack's trailing checksum, which also names the files.
    var checksum: GitObjectID
    /// The index file's bytes.
    var index: [UInt8]
}

enum PackBuilder {
    /// zlib level of large entries: the fastest.
    static let compressionLevel: Int32 = 1
    /// Objects per worker task: enough that a task's set-up (one zlib stream) does not matter.
    static let objectsPerTask = 256

    /// The pack of `objects` (distinct ids, in this order) and its index.
    static func build(_ objects: [PackObject]) async -> BuiltPack {
        assemble(await deflate(objects, stoppingWhenCancelled: false), objects: objects)
    }

    /// Pack entries made before it is known which objects the pack keeps, with the pack's
    /// checksum computed on the way for the usual answer: all of them.
    struct Deflated: Sendable {
        /// The entries, in order, in consecutive runs.
        var runs: [Entries]
        /// The checksum of a pack of all the objects (when complete).
        var checksumOfAll: GitObjectID
        /// Whether every object has its entry (not when the task was cancelled part-way).
        var isComplete: Bool
    }

    /// The pack entries of `objects`, deflated on every core. With `stoppingWhenCancelled`, a
    /// cancelled task stops early and the result is incomplete.
    static func deflate(_ objects: [PackObject], stoppingWhenCancelled: Bool) async -> Deflated {
        var checksum = SHA1()
        checksum.update(header(count: objects.count))
        let runs = await inParallel(
            objects.count, chunkSize: objectsPerTask,
            { range in deflateEntries(objects, range, stoppingWhenCancelled: stoppingWhenCancelled) },
            // Hashing each run as soon as those before it are done overlaps the (sequential)
            // checksum with the deflating of later runs.
            inOrder: { run in checksum.update(run.bytes) })
        let count = runs.reduce(0) { $0 + $1.offsets.count }
        return Deflated(runs: runs, checksumOfAll: checksum.finalize(), isComplete: count == objects.count)
    }

    /// The pack of those `objects` whose `keep` flag is set (all when `keep` is `nil`), from their
    /// complete entries `deflated`, and its index.
    static func assemble(_ deflated: Deflated, objects: [PackObject], keep: [Bool]? = nil) -> BuiltPack {
        precondition(deflated.isComplete, "a pack from incomplete entries")
        let keepsAll = keep.map { !$0.contains(false) } ?? true
        let keptCount = keepsAll ? objects.count : keep!.count { $0 }
        let header = header(count: keptCount)
        var checksum = SHA1()
        checksum.update(header)
        var ids: [GitObjectID] = []
        var offsets: [UInt64] = []
        var crcs: [UInt32] = []
        ids.reserveCapacity(keptCount)
        offsets.reserveCapacity(keptCount)
        crcs.reserveCapacity(keptCount)
        var position = UInt64(header.count)
        var pieces = [header]
        var objectIndex = 0
        for var run in deflated.runs {
            let first = objectIndex
            objectIndex += run.offsets.count
            if !keepsAll, let keep {
                run = run.keeping(keep[first..<objectIndex])
                checksum.update(run.bytes)
            }
            for (entry, offset) in run.offsets.enumerated() {
                offsets.append(position + UInt64(offset))
                ids.append(objects[run.objects[entry] + first].id)
            }
            crcs.append(contentsOf: run.crcs)
            position += UInt64(run.bytes.count)
            pieces.append(run.bytes)
        }
        let packChecksum = keepsAll ? deflated.checksumOfAll : checksum.finalize()
        pieces.append(packChecksum.bytes)
        let index = makeIndex(ids: ids, offsets: offsets, crcs: crcs, packChecksum: packChecksum)
        return BuiltPack(packPieces: pieces, checksum: packChecksum, index: index)
    }

    /// A pack's header: signature, version 2, number of objects.
    static func header(count: Int) -> [UInt8] {
        var header: [UInt8] = Array("PACK".utf8)
        appendBigEndian(UInt32(2), to: &header)
        appendBigEndian(UInt32(count), to: &header)
        return header
    }

    /// The ids of `objects` of one kind, in order, hashed on every core.
    static func objectIDs(_ objects: [[UInt8]], kind: PackObjectKind) async -> [GitObjectID] {
        let chunks = await inParallel(objects.count, chunkSize: objectsPerTask * 4) { range in
            var hash = SHA1()
            return range.map { index in objects[index].withUnsafeBytes { hash.objectID(kind: kind.name, $0) } }
        }
        return Array(chunks.joined())
    }

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
                crcs.append(UInt32(crc32(0, base + start, UInt32(end - start))))
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
            stream.pointee.avail_in = UInt32(input.count)
            stream.pointee.next_out = output
            stream.pointee.avail_out = UInt32(min(capacity, Int(UInt32.max)))
            // The output holds deflateBound bytes, so one call finishes the stream.
            let result = CZlib.deflate(stream, Z_FINISH)
            precondition(result == Z_STREAM_END, "deflate did not finish: \(result)")
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

    /// A version-2 pack index: fan-out table, sorted ids, CRC-32s, offsets (31-bit, or an index
    /// into a table of 64-bit ones), the pack's checksum and the index's own.
    static func makeIndex(ids: [GitObjectID], offsets: [UInt64], crcs: [UInt32], packChecksum: GitObjectID)
        -> [UInt8]
    {
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
        let largeCount = offsets.count { $0 >= 0x8000_0000 }
        let count = ids.count
        let size = 8 + 256 * 4 + count * (20 + 4 + 4) + largeCount * 8 + 40
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let base = UnsafeMutableRawPointer(buffer.baseAddress!)
            base.storeBytes(of: UInt32(0xff74_4f63).bigEndian, as: UInt32.self)  // "\377tOc"
            base.storeBytes(of: UInt32(2).bigEndian, toByteOffset: 4, as: UInt32.self)
            let fanout = base + 8
            let names = fanout + 256 * 4
            let crcTable = names + count * 20
            let offsetTable = crcTable + count * 4
            let largeTable = offsetTable + count * 4
            var bucket = 0
            var large = 0
            for (position, index) in order.enumerated() {
                let id = ids[index]
                while bucket < Int(id.firstByte) {
                    fanout.storeBytes(of: UInt32(position).bigEndian, toByteOffset: bucket * 4, as: UInt32.self)
                    bucket += 1
                }
                id.store(to: names + position * 20)
                crcTable.storeBytes(of: crcs[index].bigEndian, toByteOffset: position * 4, as: UInt32.self)
                let offset = offsets[index]
                var entry = UInt32(truncatingIfNeeded: offset)
                if offset >= 0x8000_0000 {
                    largeTable.storeBytes(of: offset.bigEndian, toByteOffset: large * 8, as: UInt64.self)
                    entry = 0x8000_0000 | UInt32(large)
                    large += 1
                }
                offsetTable.storeBytes(of: entry.bigEndian, toByteOffset: position * 4, as: UInt32.self)
            }
            while bucket < 256 {
                fanout.storeBytes(of: UInt32(count).bigEndian, toByteOffset: bucket * 4, as: UInt32.self)
                bucket += 1
            }
            let trailer = largeTable + largeCount * 8
            packChecksum.store(to: trailer)
            var hash = SHA1()
            hash.update(UnsafeRawBufferPointer(start: base, count: size - 20))
            hash.finalize().store(to: trailer + 20)
            initialized = size
        }
    }

    /// Appends `value` big-endian.
    static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Runs `body` over `0..<count` split into consecutive ranges of `chunkSize`, as concurrent tasks,
/// and returns the results in the order of the ranges. `inOrder` sees each result, in that order,
/// as soon as it and all before it are done.
func inParallel<T: Sendable>(
    _ count: Int, chunkSize: Int, _ body: @escaping @Sendable (Range<Int>) -> T, inOrder: (T) -> Void = { _ in }
) async -> [T] {
    let ranges = stride(from: 0, to: count, by: chunkSize).map { $0..<min($0 + chunkSize, count) }
    if ranges.count <= 1 {
        return ranges.map { range in
            let result = body(range)
            inOrder(result)
            return result
        }
    }
    return await withTaskGroup(of: (Int, T).self) { group in
        for (position, range) in ranges.enumerated() {
            group.addTask { (position, body(range)) }
        }
        var results = [T?](repeating: nil, count: ranges.count)
        var next = 0
        for await (position, result) in group {
            results[position] = result
            while next < results.count, let ready = results[next] {
                inOrder(ready)
                next += 1
            }
        }
        return results.map { $0! }
    }
}
