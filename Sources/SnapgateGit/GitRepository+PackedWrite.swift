internal import CLibGit2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Writing many objects as one packfile instead of one loose file each: a cold reconcile of the
// 1,000-application benchmark writes ~10,400 blobs and ~2,200 trees, and creating that many files
// (and their fan-out folders) cost more than everything else the pass did (issue 5). The pack is
// made by `PackBuilder` and stored by `PackStore` (no deltas, entries deflated on every core), not
// by libgit2's pack builder, whose delta search and single-threaded compression took ~150 ms.

extension GitRepository {
    /// Below this many new objects, loose objects are cheaper than a pack (and a caller with
    /// fewer files than this writes them with `writeBlobsAndTree`).
    public static let packThreshold = 32

    /// Writes `blobs` and returns their ids, in order. Blobs the repository already has, and
    /// repeats within `blobs`, are not written again. Many new blobs go into one new packfile; a
    /// few are written loose. Either way they are on disk before the call returns, so a commit
    /// made afterwards never names a missing object.
    ///
    /// `ids`, when given, are `blobs`' ids from `blobIDs(of:)` (so a caller that needs them first,
    /// to write trees while the blobs are written, does not hash twice).
    public func writeBlobs(_ blobs: [[UInt8]], ids known: [GitObjectID]? = nil) async throws(GitError)
        -> [GitObjectID]
    {
        precondition(known == nil || known?.count == blobs.count, "one id per blob")
        let ids: [GitObjectID]
        if let known { ids = known } else { ids = await PackBuilder.objectIDs(blobs, kind: .blob) }
        recentBlobs = []
        var seen = Set<GitObjectID>(minimumCapacity: ids.count)
        var distinct: [PackObject] = []
        var distinctIDs: [GitObjectID] = []
        distinct.reserveCapacity(ids.count)
        distinctIDs.reserveCapacity(ids.count)
        for (id, blob) in zip(ids, blobs) where seen.insert(id).inserted {
            distinct.append(PackObject(kind: .blob, id: id, bytes: blob))
            distinctIDs.append(id)
        }
        guard distinct.count >= Self.packThreshold else {
            let present = try presentObjects(distinctIDs)
            for (object, isPresent) in zip(distinct, present) where !isPresent { _ = try writeBlob(object.bytes) }
            recentBlobs = seen
            return ids
        }
        // Deflating on the other cores while this actor asks the object database which blobs it
        // has. Usually it has none (a cold reconcile); when it has nearly all, returning cancels
        // the deflating.
        async let deflated = PackBuilder.deflate(distinct, stoppingWhenCancelled: true)
        // The ids on their own: reading them from `distinct` would retain each blob's buffer, which
        // the deflating tasks retain and release too (cache lines bouncing between cores).
        let present = try presentObjects(distinctIDs)
        let newCount = present.count { !$0 }
        guard newCount >= Self.packThreshold else {
            for (object, isPresent) in zip(distinct, present) where !isPresent { _ = try writeBlob(object.bytes) }
            recentBlobs = seen
            return ids
        }
        let entries = await deflated
        guard entries.isComplete else {
            throw GitError(code: .other, function: "writeBlobs", message: "cancelled before the blobs were written")
        }
        try install(PackBuilder.assemble(entries, objects: distinct, keep: present.map { !$0 }))
        recentBlobs = seen
        return ids
    }

    /// The ids `blobs` get as blobs, in order, hashed on every core; nothing is written.
    public nonisolated static func blobIDs(of blobs: [[UInt8]]) async -> [GitObjectID] {
        await PackBuilder.objectIDs(blobs, kind: .blob)
    }

    /// For each of `ids`, whether the object database has the object.
    func presentObjects(_ ids: [GitObjectID]) throws(GitError) -> [Bool] {
        if ids.count >= Self.packThreshold, let present = presentObjectsFast(ids) { return present }
        let repo = self.repo
        let odb = try make("git_repository_odb", release: git_odb_free) { git_repository_odb($0, repo) }
        // No refresh of the pack list per miss (a directory scan each): an object that another
        // process packed since the last refresh is written once more, harmlessly.
        let flags = UInt32(GIT_ODB_LOOKUP_NO_REFRESH.rawValue)
        return ids.map { id in
            var oid = id.oid
            return git_odb_exists_ext(odb.pointer, &oid, flags) == 1
        }
    }

    /// `presentObjects` from the pack indexes and one listing of the loose objects: libgit2
    /// asks each object of the packs under its lock and then stats a loose file for it (~5,000
    /// instructions and a system call each; a cold reconcile asks about 12,600). Nil when the
    /// repository borrows objects from elsewhere (alternates): libgit2 then answers.
    private func presentObjectsFast(_ ids: [GitObjectID]) -> [Bool]? {
        // libgit2 gives the folder with its trailing slash.
        guard let objects = try? objectsDirectory(),
            access(objects + "info/alternates", F_OK) != 0, let loose = Self.looseObjects(in: objects)
        else { return nil }
        let packs = packReader()
        return ids.map { loose.contains($0) || packs?.contains($0) == true }
    }

    /// The ids of the loose objects under `folder` (`objects/`, with its slash); nil when a
    /// fan-out folder cannot be read.
    private static func looseObjects(in folder: String) -> Set<GitObjectID>? {
        guard let top = opendir(folder) else { return nil }
        defer { closedir(top) }
        var found = Set<GitObjectID>()
        while let entry = readdir(top) {
            let fanout = directoryEntryName(entry)
            guard fanout.utf8.count == 2, fanout.allSatisfy(\.isHexDigit) else { continue }
            guard let directory = opendir(folder + fanout) else { return nil }
            defer { closedir(directory) }
            while let object = readdir(directory) {
                let rest = directoryEntryName(object)
                if rest.utf8.count == 38, let id = GitObjectID(hex: fanout + rest) { found.insert(id) }
            }
        }
        return found
    }

    /// Stores `pack` in the object database's pack folder and makes libgit2 see it.
    func install(_ pack: BuiltPack) throws(GitError) {
        try PackStore.install(pack, in: objectsDirectory() + "pack")
        let repo = self.repo
        let odb = try make("git_repository_odb", release: git_odb_free) { git_repository_odb($0, repo) }
        try check(git_odb_refresh(odb.pointer), "git_odb_refresh")
    }

    /// The object database's folder, with a trailing `/` (in a linked work tree, the common one).
    func objectsDirectory() throws(GitError) -> String {
        var path = git_buf()
        defer { git_buf_dispose(&path) }
        try check(git_repository_item_path(&path, repo, GIT_REPOSITORY_ITEM_OBJECTS), "git_repository_item_path")
        guard let objects = path.ptr else { throw nullResult("git_repository_item_path") }
        return String(cString: objects)
    }
}

extension GitRepository {
    /// The reader of this repository's packs (`PackReader`), shared by the loader's workers and
    /// `presentObjects`: the one opened before while the pack folder holds the same packs, a new
    /// one when they changed (a pass wrote one, `git gc` ran); nil when there are none.
    public func packReader() -> PackReader? {
        guard let objects = try? objectsDirectory() else { return nil }
        let folder = objects + "pack"
        let names = PackReader.indexFiles(in: folder)
        if let current = openPackReader, current.indexFiles == names { return current }
        openPackReader = PackReader(packFolder: folder, indexFiles: names)
        return openPackReader
    }
}
