/// The SHA-1 name of a git object: a commit, tree, blob or tag.
///
/// Stored as its 20 raw bytes in three integers (big-endian), so it is small and cheap to hash: the
/// loader keys its parse cache by blob id. Ordering is the ordering of the hex spelling.
public struct GitObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// Bytes 0–7, big-endian.
    var high: UInt64
    /// Bytes 8–15, big-endian.
    var middle: UInt64
    /// Bytes 16–19, big-endian.
    var low: UInt32

    /// Parses a full 40-character hex object id (either case); `nil` for anything else.
    public init?(hex: String) {
        var bytes = [UInt8]()
        bytes.reserveCapacity(20)
        var pending: UInt8? = nil
        for char in hex.utf8 {
            let nibble: UInt8
            switch char {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = char - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = char - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = char - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let high = pending {
                guard bytes.count < 20 else { return nil }
                bytes.append(high << 4 | nibble)
                pending = nil
            } else {
                pending = nibble
            }
        }
        guard bytes.count == 20, pending == nil else { return nil }
        self.init(rawBytes: bytes)
    }

    /// Creates an id from its 20 raw bytes; `nil` unless there are exactly 20.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 20 else { return nil }
        self.init(rawBytes: Array(bytes))
    }

    /// Creates an id from its three big-endian parts.
    init(high: UInt64, middle: UInt64, low: UInt32) {
        self.high = high
        self.middle = middle
        self.low = low
    }

    /// Creates an id from the 20 bytes at `pointer`.
    init(loadingFrom pointer: UnsafeRawPointer) {
        high = UInt64(bigEndian: pointer.loadUnaligned(as: UInt64.self))
        middle = UInt64(bigEndian: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        low = UInt32(bigEndian: pointer.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    }

    /// Writes the 20 raw bytes to `pointer`.
    func store(to pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: high.bigEndian, as: UInt64.self)
        pointer.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
        pointer.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
    }

    /// The first byte (the index of a pack index's fan-out table).
    var firstByte: UInt8 { UInt8(truncatingIfNeeded: high >> 56) }

    /// Creates an id from exactly 20 bytes.
    init(rawBytes bytes: [UInt8]) {
        precondition(bytes.count == 20, "an object id has 20 bytes")
        var high: UInt64 = 0
        var middle: UInt64 = 0
        var low: UInt32 = 0
        for index in 0..<8 { high = high << 8 | UInt64(bytes[index]) }
        for index in 8..<16 { middle = middle << 8 | UInt64(bytes[index]) }
        for index in 16..<20 { low = low << 8 | UInt32(bytes[index]) }
        self.high = high
        self.middle = middle
        self.low = low
    }

    /// The 20 raw bytes.
    public var bytes: [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(20)
        for shift in stride(from: 56, through: 0, by: -8) { result.append(UInt8(truncatingIfNeeded: high >> shift)) }
        for shift in stride(from: 56, through: 0, by: -8) { result.append(UInt8(truncatingIfNeeded: middle >> shift)) }
        for shift in stride(from: 24, through: 0, by: -8) { result.append(UInt8(truncatingIfNeeded: low >> shift)) }
        return result
    }

    /// The 40-character lowercase hex spelling.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var chars = [UInt8]()
        chars.reserveCapacity(40)
        for byte in bytes {
            chars.append(digits[Int(byte >> 4)])
            chars.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: chars, as: UTF8.self)
    }

    /// The first `length` hex digits (7 by default), as `git log --oneline` shows them.
    public func abbreviated(_ length: Int = 7) -> String {
        String(hex.prefix(max(0, length)))
    }

    /// The hex spelling.
    public var description: String { hex }

    /// Byte-wise order, the same as the order of the hex spellings.
    public static func < (lhs: GitObjectID, rhs: GitObjectID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }
}
