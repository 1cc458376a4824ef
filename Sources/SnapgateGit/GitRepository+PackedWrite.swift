internal import CLibGit2

// Writing many blobs as one packfile instead of one loose file each: a reconcile of 100 builds
// writes ~1,400 blobs, and creating 1,400 files (and their fan-out folders) costs more than
// everything else the pass does (issue 5).

extension GitRepository {
    /// Below this many blobs, loose objects are cheaper than building a pack.
    static let packThreshold = 32

    /// Writes `blobs` and returns their ids, in order. Many blobs go into one new packfile (held
    /// in libgit2's in-memory `mempack` backend, packed by a pack builder, stored by the
    /// repository's pack writer); few are written loose. Either way the objects are durable before the call returns.
    public func writeBlobs(_ blobs: [[UInt8]]) throws(GitError) -> [GitObjectID] {
        guard blobs.count >= Self.packThreshold else {
            var ids: [GitObjectID] = []
            for blob in blobs { ids.append(try writeBlob(blob)) }
            return ids
        }
        // A private object database over the same objects folder, with a mempack on top: every
        // write lands in memory; reads fall through to disk. The repository's own database is
        // never touched until the pack is complete.
        let objects = gitDirectory + "/objects"
        let odb = try make("git_odb_open", release: git_odb_free) { git_odb_open($0, objects) }
        var mempackOut: UnsafeMutablePointer<git_odb_backend>? = nil
        try check(git_mempack_new(&mempackOut), "git_mempack_new")
        guard let mempack = mempackOut else { throw nullResult("git_mempack_new") }
        let added = git_odb_add_backend(odb.pointer, mempack, 999)
        guard added >= 0 else {
            mempack.pointee.free?(mempack)
            throw makeError(added, "git_odb_add_backend")
        }
        var ids: [GitObjectID] = []
        ids.reserveCapacity(blobs.count)
        for blob in blobs {
            var oid = git_oid()
            let result = blob.withUnsafeBytes { buffer in
                withUnsafeBytes(of: UInt8(0)) { empty in
                    git_odb_write(
                        &oid, odb.pointer, buffer.baseAddress ?? empty.baseAddress, buffer.count, GIT_OBJECT_BLOB)
                }
            }
            try check(result, "git_odb_write")
            ids.append(GitObjectID(oid))
        }
        // A pack of exactly these objects. (`git_mempack_dump` would pack only what commits in the
        // mempack reach, and all of it: the whole tree, not the new blobs.) The pack builder reads
        // the objects through a repository whose database holds the mempack.
        let wrapped = try make("git_repository_wrap_odb", release: git_repository_free) {
            git_repository_wrap_odb($0, odb.pointer)
        }
        let builder = try make("git_packbuilder_new", release: git_packbuilder_free) {
            git_packbuilder_new($0, wrapped.pointer)
        }
        // One thread: deltas are not worth computing for a handful of small manifests' worth of time.
        _ = git_packbuilder_set_threads(builder.pointer, 1)
        var seen = Set<GitObjectID>()
        for id in ids where seen.insert(id).inserted {
            var oid = id.oid
            try check(git_packbuilder_insert(builder.pointer, &oid, nil), "git_packbuilder_insert")
        }
        var pack = git_buf()
        defer { git_buf_dispose(&pack) }
        try check(git_packbuilder_write_buf(&pack, builder.pointer), "git_packbuilder_write_buf")

        let repo = self.repo
        let target = try make("git_repository_odb", release: git_odb_free) { git_repository_odb($0, repo) }
        var writerOut: UnsafeMutablePointer<git_odb_writepack>? = nil
        try check(git_odb_write_pack(&writerOut, target.pointer, nil, nil), "git_odb_write_pack")
        guard let writer = writerOut else { throw nullResult("git_odb_write_pack") }
        defer { writer.pointee.free?(writer) }
        var progress = git_indexer_progress()
        guard let append = writer.pointee.append, let commit = writer.pointee.commit else {
            throw GitError(code: .other, function: "git_odb_write_pack", message: "the pack writer has no callbacks")
        }
        try check(append(writer, pack.ptr, pack.size, &progress), "git_odb_writepack.append")
        try check(commit(writer, &progress), "git_odb_writepack.commit")
        try check(git_odb_refresh(target.pointer), "git_odb_refresh")
        return ids
    }
}
