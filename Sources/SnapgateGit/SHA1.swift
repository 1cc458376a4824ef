// SHA-1 (FIPS 180-4) in Swift, for the pack writer: object ids and pack checksums are computed on
// worker threads, where libgit2 is not called (every libgit2 call stays on the repository's actor).

/// An incremental SHA-1: `update` any number of times, then `finalize`.
struct SHA1 {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0
    )
    /// The bytes of a block not yet complete (`pendingCount` of them).
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    /// Bytes hashed so far.
    private var length: UInt64 = 0

    /// A fresh hash.
    init() {}

    /// The id git gives an object of `kind` (`"blob"`, `"tree"`, …) whose contents are `bytes`.
    static func objectID(kind: StaticString, _ bytes: UnsafeRawBufferPointer) -> GitObjectID {
        var hash = SHA1()
        hash.update(UnsafeRawBufferPointer(start: kind.utf8Start, count: kind.utf8CodeUnitCount))
        hash.updateObjectLength(bytes.count)
        hash.update(bytes)
        return hash.finalize()
    }

    /// Adds `bytes`.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var source = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        length &+= UInt64(remaining)
        if pendingCount > 0 {
            let take = min(64 - pendingCount, remaining)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) { block in
                (block.baseAddress! + offset).copyMemory(from: source, byteCount: take)
            }
            pendingCount += take
            source += take
            remaining -= take
            guard pendingCount == 64 else { return }
            withUnsafeBytes(of: pending) { block in Self.compress(&state, block.baseAddress!, blocks: 1) }
            pendingCount = 0
        }
        let blocks = remaining / 64
        if blocks > 0 {
            Self.compress(&state, source, blocks: blocks)
            source += blocks * 64
            remaining -= blocks * 64
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: source, byteCount: remaining)
            }
            pendingCount = remaining
        }
    }

    /// Adds the bytes of an array.
    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Adds `" <length>\0"`, the rest of a loose object's header after its kind.
    mutating func updateObjectLength(_ count: Int) {
        // 1 space + at most 20 digits + NUL.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var end = 23
            buffer[end] = 0
            var value = UInt(count)
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            end -= 1
            buffer[end] = UInt8(ascii: " ")
            update(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[end..<24])))
        }
    }

    /// The digest of everything added. The hash must not be used afterwards.
    mutating func finalize() -> GitObjectID {
        let bits = length &* 8
        var padding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
            0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        // 0x80, zeros up to 56 mod 64, then the length in bits, big-endian.
        let padLength = (pendingCount < 56 ? 56 : 120) - pendingCount
        withUnsafeMutableBytes(of: &padding) { buffer in
            buffer[0] = 0x80
            buffer.storeBytes(of: bits.bigEndian, toByteOffset: padLength, as: UInt64.self)
            update(UnsafeRawBufferPointer(rebasing: buffer[0..<(padLength + 8)]))
        }
        let (a, b, c, d, e) = state
        return GitObjectID(
            high: UInt64(a) << 32 | UInt64(b), middle: UInt64(c) << 32 | UInt64(d), low: e)
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        value << count | value >> (32 - count)
    }

    /// Runs the compression function over `blocks` 64-byte blocks at `data`.
    private static func compress(
        _ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32), _ data: UnsafeRawPointer, blocks: Int
    ) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { schedule in
            var (h0, h1, h2, h3, h4) = state
            for index in 0..<blocks {
                let block = data + index * 64
                var (a, b, c, d, e) = (h0, h1, h2, h3, h4)
                @inline(__always) func round(_ t: Int, _ f: UInt32, _ k: UInt32) {
                    let word: UInt32
                    if t < 16 {
                        word = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
                    } else {
                        let mixed =
                            schedule[(t - 3) & 15] ^ schedule[(t - 8) & 15] ^ schedule[(t - 14) & 15]
                            ^ schedule[t & 15]
                        word = rotate(mixed, 1)
                    }
                    schedule[t & 15] = word
                    let next = rotate(a, 5) &+ f &+ e &+ k &+ word
                    e = d
                    d = c
                    c = rotate(b, 30)
                    b = a
                    a = next
                }
                for t in 0..<20 { round(t, (b & c) | (~b & d), 0x5A82_7999) }
                for t in 20..<40 { round(t, b ^ c ^ d, 0x6ED9_EBA1) }
                for t in 40..<60 { round(t, (b & c) | (b & d) | (c & d), 0x8F1B_BCDC) }
                for t in 60..<80 { round(t, b ^ c ^ d, 0xCA62_C1D6) }
                h0 &+= a
                h1 &+= b
                h2 &+= c
                h3 &+= d
                h4 &+= e
            }
            state = (h0, h1, h2, h3, h4)
        }
    }
}
