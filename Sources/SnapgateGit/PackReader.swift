internal import CDeflate

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads blobs straight from a repository's packfiles, on every thread at once: libgit2 reads
/// packs through windows behind one process-wide lock, so the loader's workers took turns for
/// each blob (issue 5). Each thread reads through its own `PackCursor`.
///
/// What it does not find — loose objects, objects in packs added after it was opened or in
/// alternates, anything malformed — the caller reads through libgit2, whose answer (or error) is
/// the reference. Like libgit2 with hash verification off (`LibGit2.swift`), it does not re-hash
/// what it reads; the index's CRC-32 of every entry, zlib's checksum and the delta format's size
/// checks catch damaged data.
public final class PackReader: Sendable {
    private let packs: [PackFile]
    /// The `.idx` files it was opened with, sorted: a different list means different packs.
    let indexFiles: [String]

    /// Opens the packs of `indexFiles` (as `indexFiles(in:)` lists them) in the pack folder
    /// `folder`; nil when none can be read.
    init?(packFolder folder: String, indexFiles names: [String]) {
        let packs = names.compactMap { PackFile(stem: folder + "/" + String($0.dropLast(4))) }
        guard !packs.isEmpty else { return nil }
        // Largest first: most objects are found in the first pack asked.
        self.packs = packs.sorted { $0.count > $1.count }
        indexFiles = names
    }

    /// The `.idx` files of a pack folder, sorted.
    static func indexFiles(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = directoryEntryName(entry)
            if name.hasSuffix(".idx") { names.append(name) }
        }
        return names.sorted()
    }

    /// Whether a pack holds object `id` (of any type).
    public func contains(_ id: GitObjectID) -> Bool { packs.contains { $0.offset(of: id) != nil } }

    /// A cursor for one thread.
    public func cursor() -> PackCursor { PackCursor(packs: packs) }

    /// Gives back the memory of the pages read so far (a pass is over; the reader stays open
    /// for the next one). Cursors may still read afterwards.
    public func releasePages() {
        for pack in packs { pack.releasePages() }
    }
}

/// One thread's reader of a `PackReader`'s packs: its decompressor and its cache of delta bases.
/// Not to be shared between threads.
public final class PackCursor {
    private let packs: [PackFile]
    /// libdeflate's decompressor (its tables, ~32 KB), made on first use; nil if it could not be.
    private var decompressor: OpaquePointer?
    private var decompressorTried = false
    /// Recently resolved objects by pack and offset, direct-mapped: the bases of delta chains,
    /// which neighbouring blobs of a pack share.
    private var cache: [CachedObject?]
    private static let cacheSlots = 4096
    /// Delta chains longer than this are left to libgit2 (git's deepest is 4,095; its default 50).
    private static let maximumChain = 4096
    /// Objects larger than this are left to libgit2 (and a damaged size asks no huge allocation).
    static let maximumSize = 1 << 30

    private struct CachedObject {
        var pack: Int
        var offset: Int
        var type: UInt8
        var bytes: [UInt8]
    }

    init(packs: [PackFile]) {
        self.packs = packs
        cache = Array(repeating: nil, count: Self.cacheSlots)
    }

    deinit {
        if let decompressor { libdeflate_free_decompressor(decompressor) }
    }

    /// The bytes of blob `id`; nil when no pack holds it as a readable blob (ask libgit2).
    public func readBlob(_ id: GitObjectID) -> [UInt8]? { read(id, type: 3) }

    /// The raw bytes of tree object `id`; nil when no pack holds it as a readable tree.
    func readTree(_ id: GitObjectID) -> [UInt8]? { read(id, type: 2) }

    /// The bytes of object `id` when a pack holds it as an object of pack type `type` (2 tree,
    /// 3 blob).
    private func read(_ id: GitObjectID, type wanted: UInt8) -> [UInt8]? {
        for (number, pack) in packs.enumerated() {
            guard let offset = pack.offset(of: id) else { continue }
            guard let (type, bytes) = object(in: number, at: offset), type == wanted else { return nil }
            return bytes
        }
        return nil
    }

    /// The type and bytes of the object at `offset` of pack `number`, deltas resolved.
    private func object(in number: Int, at offset: Int) -> (UInt8, [UInt8])? {
        let pack = packs[number]
        // Walk down the chain to a cached object or a whole one, then apply the deltas back up.
        var deltas: [(offset: Int, data: Int, dataEnd: Int, size: Int)] = []
        var current = offset
        var base: (type: UInt8, bytes: [UInt8])
        while true {
            if let cached = cached(number, current) {
                base = (cached.type, cached.bytes)
                break
            }
            guard deltas.count < Self.maximumChain, let header = entryHeader(pack, at: current) else { return nil }
            switch header.type {
            case 1, 2, 3, 4:
                guard let bytes = inflate(pack, at: header.data, end: header.dataEnd, size: header.size) else {
                    return nil
                }
                base = (header.type, bytes)
                if !deltas.isEmpty { remember(number, current, base.type, bytes) }
            case 6:
                deltas.append((current, header.data, header.dataEnd, header.size))
                current = header.base
                continue
            case 7:
                // A base named by id: in this pack (git never makes a thin pack on disk).
                guard let baseOffset = pack.offset(of: header.baseID) else { return nil }
                deltas.append((current, header.data, header.dataEnd, header.size))
                current = baseOffset
                continue
            default:
                return nil
            }
            break
        }
        for (position, delta) in deltas.enumerated().reversed() {
            guard let data = inflate(pack, at: delta.data, end: delta.dataEnd, size: delta.size) else { return nil }
            let result = data.withUnsafeBytes { deltaBytes in
                base.bytes.withUnsafeBytes { baseBytes in PackDelta.apply(deltaBytes, to: baseBytes) }
            }
            guard let result else { return nil }
            base.bytes = result
            // Intermediate results are the bases of other chains; the object asked for is not kept.
            if position > 0 { remember(number, delta.offset, base.type, result) }
        }
        return base
    }

    private func cached(_ pack: Int, _ offset: Int) -> CachedObject? {
        guard let entry = cache[offset % Self.cacheSlots], entry.offset == offset, entry.pack == pack else {
            return nil
        }
        return entry
    }

    private func remember(_ pack: Int, _ offset: Int, _ type: UInt8, _ bytes: [UInt8]) {
        cache[offset % Self.cacheSlots] = CachedObject(pack: pack, offset: offset, type: type, bytes: bytes)
    }

    /// An entry's header: type, inflated size, where its zlib data starts and ends, and its
    /// base (an offset for `OFS_DELTA`, an id for `REF_DELTA`); nil for an entry whose CRC-32 is
    /// not the index's.
    private func entryHeader(_ pack: PackFile, at offset: Int) -> (
        type: UInt8, size: Int, data: Int, dataEnd: Int, base: Int, baseID: GitObjectID
    )? {
        guard let entry = pack.checkedEntry(at: offset) else { return nil }
        let bytes = pack.bytes
        let end = offset + entry.count
        var position = offset
        guard position < end else { return nil }
        var byte = bytes[position]
        position += 1
        let type = (byte >> 4) & 7
        var size = Int(byte & 0x0f)
        var shift = 4
        while byte & 0x80 != 0 {
            guard position < end, shift < 57 else { return nil }
            byte = bytes[position]
            position += 1
            size |= Int(byte & 0x7f) << shift
            shift += 7
        }
        guard size <= Self.maximumSize else { return nil }
        var base = 0
        var baseID = GitObjectID(high: 0, middle: 0, low: 0)
        if type == 6 {
            guard position < end else { return nil }
            byte = bytes[position]
            position += 1
            var distance = Int(byte & 0x7f)
            while byte & 0x80 != 0 {
                guard position < end, distance < (1 << 55) else { return nil }
                byte = bytes[position]
                position += 1
                distance = ((distance + 1) << 7) | Int(byte & 0x7f)
            }
            guard distance > 0, distance <= offset else { return nil }
            base = offset - distance
        } else if type == 7 {
            guard position + 20 <= end else { return nil }
            baseID = GitObjectID(loadingFrom: bytes.baseAddress! + position)
            position += 20
        }
        return (type, size, position, end, base, baseID)
    }

    /// The `size` bytes of the zlib stream at `offset`; nil unless it inflates to exactly that
    /// many bytes and its checksum holds (libdeflate checks the stream's Adler-32).
    ///
    /// Whole-buffer inflation: the object's size is in the pack, so the output is allocated once
    /// and filled in one call, about twice as fast as zlib's streaming `inflate` (~6% of a cold
    /// pass's instructions went to it).
    private func inflate(_ pack: PackFile, at offset: Int, end: Int, size: Int) -> [UInt8]? {
        guard offset < end else { return nil }
        if !decompressorTried {
            decompressorTried = true
            decompressor = libdeflate_alloc_decompressor()
        }
        guard let decompressor else { return nil }
        var ok = false
        let output = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, initialized in
            var consumed = 0
            var produced = 0
            // Room for exactly `size` bytes: a stream that would produce more fails with
            // LIBDEFLATE_INSUFFICIENT_SPACE, one that produces less is caught by the count.
            let status = libdeflate_zlib_decompress_ex(
                decompressor, pack.bytes.baseAddress! + offset, end - offset, buffer.baseAddress, size,
                &consumed, &produced)
            ok = status == LIBDEFLATE_SUCCESS && produced == size
            initialized = ok ? size : 0
        }
        return ok ? output : nil
    }
}

/// The name of a directory entry `readdir` returned.
func directoryEntryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
    withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
}
