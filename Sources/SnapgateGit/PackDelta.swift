/// Git's delta format (the data of an `OFS_DELTA` or `REF_DELTA` pack entry): the base's size and
/// the result's size as little-endian base-128 numbers, then instructions that copy a range of the
/// base or insert literal bytes.
enum PackDelta {
    /// `delta` applied to `base`; nil when the delta is malformed, names another base size, copies
    /// from outside the base, or does not produce exactly the size it announces.
    static func apply(_ delta: UnsafeRawBufferPointer, to base: UnsafeRawBufferPointer) -> [UInt8]? {
        var position = 0
        guard let baseSize = varint(delta, &position), baseSize == base.count,
            let resultSize = varint(delta, &position), resultSize <= PackCursor.maximumSize
        else { return nil }
        var failed = false
        let result = [UInt8](unsafeUninitializedCapacity: resultSize) { output, initialized in
            var written = 0
            while position < delta.count {
                let instruction = delta[position]
                position += 1
                if instruction & 0x80 != 0 {
                    // Copy: bits 0–3 say which offset bytes follow, bits 4–6 which size bytes.
                    var offset = 0
                    var size = 0
                    for bit in 0..<4 where instruction & (1 << bit) != 0 {
                        guard position < delta.count else { failed = true; break }
                        offset |= Int(delta[position]) << (8 * bit)
                        position += 1
                    }
                    for bit in 0..<3 where instruction & (0x10 << bit) != 0 {
                        guard position < delta.count else { failed = true; break }
                        size |= Int(delta[position]) << (8 * bit)
                        position += 1
                    }
                    if size == 0 { size = 0x10000 }
                    guard !failed, offset + size <= base.count, written + size <= resultSize else {
                        failed = true
                        break
                    }
                    UnsafeMutableRawPointer(output.baseAddress! + written)
                        .copyMemory(from: base.baseAddress! + offset, byteCount: size)
                    written += size
                } else if instruction != 0 {
                    // Insert the next `instruction` bytes.
                    let size = Int(instruction)
                    guard position + size <= delta.count, written + size <= resultSize else {
                        failed = true
                        break
                    }
                    UnsafeMutableRawPointer(output.baseAddress! + written)
                        .copyMemory(from: delta.baseAddress! + position, byteCount: size)
                    position += size
                    written += size
                } else {
                    failed = true  // Reserved.
                    break
                }
            }
            if written != resultSize { failed = true }
            // Whatever was produced counts as initialised; a failure discards it below.
            initialized = failed ? 0 : written
        }
        return failed ? nil : result
    }

    /// A size: 7 bits a byte, least significant first, the high bit saying another byte follows.
    private static func varint(_ bytes: UnsafeRawBufferPointer, _ position: inout Int) -> Int? {
        var value = 0
        var shift = 0
        while position < bytes.count, shift < 63 {
            let byte = bytes[position]
            position += 1
            value |= Int(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value >= 0 ? value : nil }
            shift += 7
        }
        return nil
    }
}
