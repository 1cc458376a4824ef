#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

// Storing a built pack in `objects/pack` the way git does: each file written under a temporary
// name, flushed to disk, then renamed into place, the index last. git and libgit2 find packs
// through their index, so no reader ever sees an index without its whole pack, and a process
// killed half-way leaves only a `tmp_*` file that `git gc` removes.

enum PackStore {
    /// Stores `pack` in the folder `directory` as `pack-<checksum>.pack` and `.idx`. A complete
    /// pack of the same name already there has the same contents, and is kept.
    static func install(_ pack: BuiltPack, in directory: String) throws(GitError) {
        if mkdir(directory, 0o777) != 0 && errno != EEXIST { throw posixError("mkdir", directory) }
        let name = "\(directory)/pack-\(pack.checksum.hex)"
        if access(name + ".idx", F_OK) == 0 && access(name + ".pack", F_OK) == 0 { return }
        let packTemporary = try writeTemporary(pack.packPieces, in: directory, prefix: "tmp_pack_")
        let indexTemporary: String
        do {
            indexTemporary = try writeTemporary([pack.index], in: directory, prefix: "tmp_idx_")
        } catch {
            unlink(packTemporary)
            throw error
        }
        guard rename(packTemporary, name + ".pack") == 0 else {
            let error = posixError("rename", name + ".pack")
            unlink(packTemporary)
            unlink(indexTemporary)
            throw error
        }
        guard rename(indexTemporary, name + ".idx") == 0 else {
            let error = posixError("rename", name + ".idx")
            unlink(indexTemporary)
            throw error
        }
        syncDirectory(directory)
    }

    /// Writes `pieces` to a new file `directory/prefix<random>`, flushed to disk unless `flush`
    /// is false, and returns its path. Like git's objects it is read-only (0444 less the umask,
    /// which `open` applies).
    static func writeTemporary(_ pieces: [[UInt8]], in directory: String, prefix: String, flush: Bool = true)
        throws(GitError) -> String
    {
        var path = ""
        var descriptor: Int32 = -1
        while descriptor < 0 {
            path = "\(directory)/\(prefix)\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o444)
            if descriptor < 0 && errno != EEXIST { throw posixError("open", path) }
        }
        defer { close(descriptor) }
        do throws(GitError) {
            for piece in pieces { try writeAll(piece, to: descriptor, path: path) }
            // On disk before the branch that needs it moves.
            guard !flush || fsync(descriptor) == 0 else { throw posixError("fsync", path) }
        } catch {
            unlink(path)
            throw error
        }
        return path
    }

    /// Writes all of `bytes`, resuming after partial writes and interruptions.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(GitError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw posixError("write", path)
            }
            written += result
        }
    }

    /// Flushes the renames in `directory` to disk; where the system cannot, they still happened.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// The error for a failed system call, with the system's reason.
    static func posixError(_ function: String, _ path: String) -> GitError {
        let reason = String(cString: strerror(errno))
        return GitError(code: .other, function: function, message: "\(path): \(reason)")
    }
}
