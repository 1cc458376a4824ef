internal import CDeflate
import Glibc

// A loose object written by snapgate itself: a cold reconcile's commit message has a line for
// each of 10,000 changes (1.3 MB), and libgit2's `git_odb_write` hashed it with its
// collision-detecting SHA-1 and deflated it with zlib, ~6 ms on the one core a pass has left
// at its end. OpenSSL's SHA-1 (the processor's SHA instructions) and libdeflate do the same work
// in a fraction of that; the object, its id and its file are what git and libgit2 write.

enum LooseObjectWriter {
    /// Writes an object of `kind` with contents `bytes` under `objects` (the objects folder, with
    /// its trailing slash) as git does — `xx/yyyy…`, zlib-compressed, read-only, put in place by
    /// a rename — and returns its id. An object already there is left as it is.
    static func write(_ bytes: UnsafeRawBufferPointer, kind: PackObjectKind, objects: String) throws(GitError)
        -> GitObjectID
    {
        let id = SHA1.objectID(kind: kind.name, bytes)
        let hex = id.hex
        let folder = objects + String(hex.prefix(2))
        let path = folder + "/" + String(hex.dropFirst(2))
        if access(path, F_OK) == 0 { return id }
        let stream = compressed(bytes, kind: kind)
        if mkdir(folder, 0o777) != 0 && errno != EEXIST { throw PackStore.posixError("mkdir", folder) }
        // Not flushed, as libgit2 writes loose objects (core.fsync unset).
        let temporary = try PackStore.writeTemporary([stream], in: folder, prefix: "tmp_obj_", flush: false)
        guard rename(temporary, path) == 0 else {
            let error = PackStore.posixError("rename", path)
            unlink(temporary)
            throw error
        }
        return id
    }

    /// The zlib stream of the loose object: `<kind> <size>\0` then the contents (libdeflate at
    /// its fastest level, which git's own loose objects also use: `core.looseCompression` 1).
    static func compressed(_ bytes: UnsafeRawBufferPointer, kind: PackObjectKind) -> [UInt8] {
        var object = Array(UnsafeBufferPointer(start: kind.name.utf8Start, count: kind.name.utf8CodeUnitCount))
        object.append(UInt8(ascii: " "))
        object.append(contentsOf: String(bytes.count).utf8)
        object.append(0)
        object.append(contentsOf: bytes)
        guard let compressor = libdeflate_alloc_compressor(1) else { fatalError("libdeflate: no memory") }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, object.count)
        return [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            count = object.withUnsafeBytes {
                libdeflate_zlib_compress(compressor, $0.baseAddress, $0.count, buffer.baseAddress, bound)
            }
        }
    }
}
