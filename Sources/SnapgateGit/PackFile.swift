internal import CDeflate

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One packfile and its version-2 index, mapped read-only: finding an object's entry without
/// libgit2 (whose pack windows sit behind one process-wide lock, so two threads reading blobs
/// take turns). Immutable once opened, so shared by every thread.
///
/// A pack that a `git gc` deletes meanwhile stays readable through the mapping; objects packed
/// after the file was opened are not found here (the caller asks libgit2).
final class PackFile: Sendable {
    private nonisolated(unsafe) let index: UnsafeRawBufferPointer
    private nonisolated(unsafe) let pack: UnsafeRawBufferPointer
    /// How many objects the pack holds.
    let count: Int
    /// Entry offsets in ascending order, with each entry's position in the index: where an entry
    /// ends (the next one starts) and which CRC-32 of the index is its.
    private let offsetsInOrder: [Int]
    private let positionsInOrder: [Int32]

    /// Maps `<stem>.idx` and `<stem>.pack`; nil when either is missing, is not what it claims to
    /// be, or the two disagree about the object count.
    init?(stem: String) {
        guard let index = Self.map(stem + ".idx") else { return nil }
        guard let pack = Self.map(stem + ".pack") else {
            Self.unmap(index)
            return nil
        }
        guard let entries = Self.entries(index, pack) else {
            Self.unmap(index)
            Self.unmap(pack)
            return nil
        }
        self.index = index
        self.pack = pack
        count = entries.count
        offsetsInOrder = entries.map(\.offset)
        positionsInOrder = entries.map(\.position)
    }

    /// Every entry's offset and index position, by offset; nil unless the index is a version-2
    /// index of this pack (its header, size and object count) with every offset inside the pack.
    private static func entries(_ index: UnsafeRawBufferPointer, _ pack: UnsafeRawBufferPointer) -> [(
        offset: Int, position: Int32
    )]? {
        // Index: "\377tOc", version 2, 256 fan-out counts, then names, CRCs and offsets.
        guard index.count >= 8 + 1024 + 40, word(index, 0) == 0xff74_4f63, word(index, 4) == 2 else { return nil }
        let count = Int(word(index, 8 + 255 * 4))
        guard index.count >= 8 + 1024 + count * 28 + 40, pack.count >= 12 + 20,
            word(pack, 0) == 0x5041_434b,  // "PACK"
            Int(word(pack, 8)) == count
        else { return nil }
        var entries: [(offset: Int, position: Int32)] = []
        entries.reserveCapacity(count)
        for position in 0..<count {
            guard let offset = entryOffset(index, pack, count, at: position), offset >= 12, offset < pack.count - 20
            else { return nil }
            entries.append((offset, Int32(position)))
        }
        return sortedByOffset(entries)
    }

    /// `entries` sorted by offset (stable): a least-significant-digit radix sort, twelve bits a
    /// pass (two passes for a pack under 16 MiB). A large pack's tens of thousands of entries
    /// are sorted before the first object can be read; a comparison sort took ~1.5 ms there.
    static func sortedByOffset(_ entries: [(offset: Int, position: Int32)]) -> [(offset: Int, position: Int32)] {
        let bits = 12
        let mask = (1 << bits) - 1
        let largest = entries.lazy.map(\.offset).max() ?? 0
        var source = entries
        var target = entries
        var shift = 0
        var counts = [Int](repeating: 0, count: mask + 2)
        repeat {
            for index in counts.indices { counts[index] = 0 }
            source.withUnsafeBufferPointer { source in
                target.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for entry in source { counts[((entry.offset >> shift) & mask) + 1] += 1 }
                        // counts[d] becomes where digit d's entries start.
                        for digit in 1..<counts.count { counts[digit] += counts[digit - 1] }
                        for entry in source {
                            let digit = (entry.offset >> shift) & mask
                            target[counts[digit]] = entry
                            counts[digit] += 1
                        }
                    }
                }
            }
            swap(&source, &target)
            shift += bits
        } while shift < Int.bitWidth && largest >> shift > 0
        return source
    }

    deinit {
        Self.unmap(index)
        Self.unmap(pack)
    }

    /// The offset in the pack of object `id`'s entry; nil when the pack does not hold it.
    func offset(of id: GitObjectID) -> Int? {
        let first = Int(id.high >> 56)
        var low = first == 0 ? 0 : Int(Self.word(index, 8 + (first - 1) * 4))
        var high = Int(Self.word(index, 8 + first * 4))
        guard low <= high, high <= count else { return nil }
        let names = index.baseAddress! + 8 + 1024
        while low < high {
            let middle = (low + high) / 2
            let candidate = GitObjectID(loadingFrom: names + middle * 20)
            if candidate == id { return Self.entryOffset(index, pack, count, at: middle) }
            if candidate < id { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The bytes of the entry at `offset` (header and zlib data), if an entry starts there and
    /// its CRC-32 is the one the index records: a damaged entry — its data, or a base offset or
    /// id in its header that now names another object — is not read.
    func checkedEntry(at offset: Int) -> UnsafeRawBufferPointer? {
        var low = 0
        var high = offsetsInOrder.count
        while low < high {
            let middle = (low + high) / 2
            if offsetsInOrder[middle] < offset { low = middle + 1 } else { high = middle }
        }
        guard low < offsetsInOrder.count, offsetsInOrder[low] == offset else { return nil }
        let end = low + 1 < offsetsInOrder.count ? offsetsInOrder[low + 1] : entriesEnd
        let entry = UnsafeRawBufferPointer(rebasing: pack[offset..<end])
        let expected = Self.word(index, 8 + 1024 + count * 20 + Int(positionsInOrder[low]) * 4)
        // libdeflate's CRC-32 (carry-less multiplication) reads several times faster than zlib's.
        return libdeflate_crc32(0, entry.baseAddress, entry.count) == expected ? entry : nil
    }

    /// The pack offset of the index's `position`-th object.
    private static func entryOffset(
        _ index: UnsafeRawBufferPointer, _ pack: UnsafeRawBufferPointer, _ count: Int, at position: Int
    ) -> Int? {
        let offsets = 8 + 1024 + count * 24
        let small = Self.word(index, offsets + position * 4)
        guard small & 0x8000_0000 != 0 else { return Int(small) }
        // A large offset: an index into the table of 64-bit offsets after the 32-bit ones.
        let large = offsets + count * 4 + Int(small & 0x7fff_ffff) * 8
        guard large + 8 <= index.count - 40 else { return nil }
        let value = UInt64(Self.word(index, large)) << 32 | UInt64(Self.word(index, large + 4))
        return value < UInt64(pack.count) ? Int(value) : nil
    }

    /// Gives the mapped pages back (they count as the process's memory once read); the next
    /// read maps them in again from the page cache.
    func releasePages() {
        for buffer in [index, pack] {
            if let base = buffer.baseAddress {
                _ = madvise(UnsafeMutableRawPointer(mutating: base), buffer.count, MADV_DONTNEED)
            }
        }
    }

    /// The whole pack: its entries below `entriesEnd`, then its checksum.
    var bytes: UnsafeRawBufferPointer { pack }
    /// Where the entries end: the pack's 20-byte checksum follows.
    var entriesEnd: Int { pack.count - 20 }

    private static func word(_ buffer: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(bigEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    private static func map(_ path: String) -> UnsafeRawBufferPointer? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            return nil
        }
        return UnsafeRawBufferPointer(start: address, count: size)
    }

    private static func unmap(_ buffer: UnsafeRawBufferPointer) {
        if let base = buffer.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), buffer.count) }
    }
}
