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
