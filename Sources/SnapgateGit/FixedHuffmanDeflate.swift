internal import CDeflate

// A deflate encoder for small objects: one block with the fixed Huffman codes of RFC 1951 §3.2.6,
// matches found through a single-probe hash table, in a zlib wrapper (RFC 1950). zlib spends most
// of its time on a ~400-byte object building and comparing Huffman trees for its one block (about
// 4 µs an object, so 40 ms for a cold reconcile's 10,000 documents); fixed codes need no trees,
// and these packs come out ~10% larger than zlib's level 1. Any inflater reads the result.

enum FixedHuffmanDeflate {
    /// The most bytes `compress` writes for `count` input bytes: 9 bits a byte at worst, plus
    /// the zlib header, the block's first and last symbols, the checksum and 8 bytes of slack for
    /// the 4-byte stores of the bit writer.
    static func bound(_ count: Int) -> Int { count + count / 8 + 24 }

    /// Entries of the match table a caller provides to `compress` (any contents: every candidate is
    /// checked against the input, so the table needs no clearing between objects).
    static let tableSize = 1 << hashBits
    private static let hashBits = 13
    private static let window = 32_768
    private static let maximumMatch = 258

    /// Writes the zlib stream of `input` to `output` (at least `bound(input.count)` bytes) and
    /// returns its length.
    static func compress(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutablePointer<UInt8>, table: UnsafeMutablePointer<Int32>
    ) -> Int {
        output[0] = 0x78  // deflate, 32 KiB window
        output[1] = 0x01  // fastest; header check bits
        var writer = BitWriter(output + 2)
        writer.put(0b011, 3)  // final block, fixed codes
        let count = input.count
        if let bytes = input.baseAddress {
            // The tables once, not through a lazy global's accessor for every symbol.
            Codes.literals.withUnsafeBufferPointer { literals in
                Codes.lengths.withUnsafeBufferPointer { lengths in
                    Codes.distances.withUnsafeBufferPointer { distances in
                        encode(bytes, count, table, &writer, literals, lengths, distances)
                    }
                }
            }
        }
        writer.put(0, 7)  // end of block (symbol 256)
        var end = 2 + writer.finish()
        let checksum = libdeflate_adler32(1, input.baseAddress, count)
        for shift in stride(from: 24, through: 0, by: -8) {
            output[end] = UInt8(truncatingIfNeeded: checksum >> UInt32(shift))
            end += 1
        }
        return end
    }

    /// Appends the symbols of `count` bytes at `bytes` to `writer`: a match (length and
    /// distance) where the table finds the next four bytes earlier in the window, else a literal.
    @inline(__always)
    private static func encode(
        _ bytes: UnsafeRawPointer, _ count: Int, _ table: UnsafeMutablePointer<Int32>, _ writer: inout BitWriter,
        _ literals: UnsafeBufferPointer<UInt32>, _ lengths: UnsafeBufferPointer<UInt32>,
        _ distances: UnsafeBufferPointer<UInt32>
    ) {
        var position = 0
        while position + 4 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)
            let slot = Int((word &* 2_654_435_761) >> (32 - UInt32(hashBits)))
            let candidate = Int(table[slot])
            table[slot] = Int32(truncatingIfNeeded: position)
            let distance = position - candidate
            if candidate >= 0, distance > 0, distance <= window,
                bytes.loadUnaligned(fromByteOffset: candidate, as: UInt32.self) == word
            {
                var length = 4
                let limit = min(maximumMatch, count - position)
                // Eight bytes at a time while they fit, the first differing byte found from the
                // XOR's trailing zeros (documents repeat long keys and values: matches are long).
                while length + 8 <= limit {
                    let difference =
                        bytes.loadUnaligned(fromByteOffset: candidate + length, as: UInt64.self)
                        ^ bytes.loadUnaligned(fromByteOffset: position + length, as: UInt64.self)
                    if difference != 0 {
                        length += UInt64(littleEndian: difference).trailingZeroBitCount / 8
                        break
                    }
                    length += 8
                }
                while length < limit,
                    bytes.load(fromByteOffset: candidate + length, as: UInt8.self)
                        == bytes.load(fromByteOffset: position + length, as: UInt8.self)
                {
                    length += 1
                }
                let lengthCode = lengths[length]
                writer.put(lengthCode & 0xffff, lengthCode >> 16)
                let distanceCode = distances[distance - 1]
                writer.put(distanceCode & 0xff_ffff, distanceCode >> 24)
                position += length
            } else {
                let literal = literals[Int(word & 0xff)]
                writer.put(literal & 0xffff, literal >> 16)
                position += 1
            }
        }
        while position < count {
            let literal = literals[Int(bytes.load(fromByteOffset: position, as: UInt8.self))]
            writer.put(literal & 0xffff, literal >> 16)
            position += 1
        }
    }

    /// Packs bits least significant first, as deflate wants, four bytes at a time.
    private struct BitWriter {
        private var pointer: UnsafeMutablePointer<UInt8>
        private let start: UnsafeMutablePointer<UInt8>
        private var bits: UInt64 = 0
        private var count: UInt32 = 0

        init(_ pointer: UnsafeMutablePointer<UInt8>) {
            self.pointer = pointer
            start = pointer
        }

        /// Appends the low `length` bits of `value` (at most 32).
        @inline(__always)
        mutating func put(_ value: UInt32, _ length: UInt32) {
            bits |= UInt64(value) << UInt64(count)
            count += length
            if count >= 32 {
                UnsafeMutableRawPointer(pointer).storeBytes(
                    of: UInt32(truncatingIfNeeded: bits).littleEndian, as: UInt32.self)
                pointer += 4
                bits >>= 32
                count -= 32
            }
        }

        /// Writes the remaining bits, padded to a byte, and returns the bytes written in all.
        mutating func finish() -> Int {
            while count > 0 {
                pointer.pointee = UInt8(truncatingIfNeeded: bits)
                pointer += 1
                bits >>= 8
                count = count >= 8 ? count - 8 : 0
            }
            return pointer - start
        }
    }

    /// The fixed codes, each stored as `bits | length << 16` (distances: `<< 24`), bit-reversed
    /// for the least-significant-first bit order, with the extra bits of a length or distance
    /// already appended.
    private enum Codes {
        static let literals: [UInt32] = (0..<256).map { symbol($0) }

        /// Indexed by match length, 3…258.
        static let lengths: [UInt32] = {
            let bases = [
                3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
                227, 258,
            ]
            var table = [UInt32](repeating: 0, count: 259)
            for length in 3...258 {
                let code = length == 258 ? 28 : bases.lastIndex { $0 <= length }!
                let extraBits = UInt32(code < 8 || code == 28 ? 0 : (code - 4) / 4)
                let huffman = symbol(257 + code)
                let huffmanLength = huffman >> 16
                let value = (huffman & 0xffff) | UInt32(length - bases[code]) << huffmanLength
                table[length] = value | (huffmanLength + extraBits) << 16
            }
            return table
        }()

        /// Indexed by distance − 1, for distances 1…32768.
        static let distances: [UInt32] = {
            let bases = (0..<30).map { code in code < 4 ? code + 1 : (2 + code % 2) << (code / 2 - 1) + 1 }
            var table = [UInt32](repeating: 0, count: 32_768)
            var code = 0
            for distance in 1...32_768 {
                while code < 29 && bases[code + 1] <= distance { code += 1 }
                let extraBits = UInt32(code < 4 ? 0 : code / 2 - 1)
                let value = reversed(UInt32(code), 5) | UInt32(distance - bases[code]) << 5
                table[distance - 1] = value | (5 + extraBits) << 24
            }
            return table
        }()

        /// The fixed Huffman code of literal/length symbol `symbol` (RFC 1951 §3.2.6).
        private static func symbol(_ symbol: Int) -> UInt32 {
            let (code, length): (Int, UInt32) =
                switch symbol {
                case 0...143: (0x30 + symbol, 8)
                case 144...255: (0x190 + symbol - 144, 9)
                case 256...279: (symbol - 256, 7)
                default: (0xc0 + symbol - 280, 8)
                }
            return reversed(UInt32(code), length) | length << 16
        }

        private static func reversed(_ value: UInt32, _ length: UInt32) -> UInt32 {
            var result: UInt32 = 0
            for bit in 0..<length where value & (1 << bit) != 0 { result |= 1 << (length - 1 - bit) }
            return result
        }
    }
}
