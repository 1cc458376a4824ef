internal import CCrypto

// SHA-1 for the pack writer: object ids and pack checksums are computed on worker threads, where
// libgit2 is not called (every libgit2 call stays on the repository's actor). OpenSSL's libcrypto
// (already in the process: libgit2's SSH transport links it; libgit2-dev depends on libssl-dev)
// uses the processor's SHA instructions where it has them: 1.1 GB/s on 400-byte objects here,
// where portable Swift code managed 470 MB/s, and hashing was a third of writing a pack.

/// The SHA-1 algorithm, fetched once. An `EVP_MD` is immutable and may be shared by threads
/// (OpenSSL's threading rules), so the unchecked global is safe.
nonisolated(unsafe) private let algorithm: OpaquePointer? = EVP_MD_fetch(nil, "SHA1", nil)

/// An incremental SHA-1: `update` any number of times, then `finalize`, which also starts over.
struct SHA1: ~Copyable {
    private let context: OpaquePointer

    /// A fresh hash.
    init() {
        // Only a missing algorithm or no memory fails here; neither can be recovered from.
        guard let algorithm, let context = EVP_MD_CTX_new() else { fatalError("OpenSSL has no SHA-1") }
        self.context = context
        precondition(EVP_DigestInit_ex2(context, algorithm, nil) == 1, "EVP_DigestInit_ex2 failed")
    }

    deinit { EVP_MD_CTX_free(context) }

    /// The id git gives an object of `kind` (`"blob"`, `"tree"`, …) whose contents are `bytes`.
    static func objectID(kind: StaticString, _ bytes: UnsafeRawBufferPointer) -> GitObjectID {
        var hash = SHA1()
        return hash.objectID(kind: kind, bytes)
    }

    /// The id of an object of `kind` with contents `bytes`, with this hash (which must be fresh).
    mutating func objectID(kind: StaticString, _ bytes: UnsafeRawBufferPointer) -> GitObjectID {
        update(UnsafeRawBufferPointer(start: kind.utf8Start, count: kind.utf8CodeUnitCount))
        updateObjectLength(bytes.count)
        update(bytes)
        return finalize()
    }

    /// Adds `bytes`.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        precondition(EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1, "EVP_DigestUpdate failed")
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

    /// The digest of everything added since the start; the hash then starts over.
    mutating func finalize() -> GitObjectID {
        var digest: (UInt64, UInt64, UInt32) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digest) { buffer in
            var length: UInt32 = 0
            let pointer = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            precondition(
                EVP_DigestFinal_ex(context, pointer, &length) == 1 && length == 20, "EVP_DigestFinal_ex failed")
        }
        precondition(EVP_DigestInit_ex2(context, nil, nil) == 1, "EVP_DigestInit_ex2 failed")
        return withUnsafeBytes(of: digest) { GitObjectID(loadingFrom: $0.baseAddress!) }
    }
}
