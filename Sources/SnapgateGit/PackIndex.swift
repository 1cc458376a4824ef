// The version-2 pack index that git and libgit2 find a pack's objects through.

extension PackBuilder {
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
