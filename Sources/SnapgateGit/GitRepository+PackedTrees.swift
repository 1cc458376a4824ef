internal import CLibGit2

// The trees of a large change, written as one pack: `git_tree_create_updated` builds them (its
// rules and errors unchanged) into an in-memory `mempack` backend of a private object database
// over the same objects folder, and the trees new to the repository are then packed by
// `PackBuilder`. Writing the ~2,200 trees of a cold reconcile as loose files took 80–130 ms.

extension GitRepository {
    /// Runs `git_tree_create_updated` over tree `base` (`nil`: the empty tree) with `updates` and
    /// returns the new root. With many updates, the trees are built in memory and returned too,
    /// for `storeTrees` to write; otherwise they are written as loose objects at once.
    func createUpdatedTree(base: GitObjectID?, updates: inout [git_tree_update]) throws(GitError) -> (
        root: GitObjectID, trees: [PackObject]
    ) {
        guard updates.count >= Self.packThreshold else {
            let repo = self.repo
            let root = try withOptionalTree(base) { (baseTree) throws(GitError) -> GitObjectID in
                var oid = git_oid()
                try check(
                    git_tree_create_updated(&oid, repo, baseTree, updates.count, &updates), "git_tree_create_updated")
                return GitObjectID(oid)
            }
            return (root, [])
        }
        let memory = try InMemoryWrites(objectsDirectory: objectsDirectory())
        var oid = git_oid()
        if let base {
            var baseOID = base.oid
            let tree = try make("git_tree_lookup", release: git_tree_free) {
                git_tree_lookup($0, memory.repository, &baseOID)
            }
            try check(
                git_tree_create_updated(&oid, memory.repository, tree.pointer, updates.count, &updates),
                "git_tree_create_updated")
        } else {
            try check(
                git_tree_create_updated(&oid, memory.repository, nil, updates.count, &updates),
                "git_tree_create_updated")
        }
        let root = GitObjectID(oid)
        return (root, try memory.newTrees(from: root))
    }

    /// `objects` without repeats and without those the object database has.
    func newObjects(_ objects: [PackObject]) throws(GitError) -> [PackObject] {
        var seen = Set<GitObjectID>(minimumCapacity: objects.count)
        let distinct = objects.filter { seen.insert($0.id).inserted }
        return zip(distinct, try presentObjects(distinct.map(\.id))).compactMap { $1 ? nil : $0 }
    }

    /// Writes `blobs` (whose ids are `ids`) and the trees of `base` with `changes` applied, and
    /// returns the new root: what `writeBlobs` then `makeTree` do, for the few files of an
    /// incremental pass, with the new blobs and trees in one pack — two files created instead of
    /// two (the object and its fan-out folder) for each of a dozen objects. On a filesystem where
    /// many files were just deleted creating one costs ~1 ms (ext4 skips recently freed inodes),
    /// and the loose objects were most of such a pass. Loose objects, as `git` writes them for
    /// small receives, when there are only a few (or when the repository holds 50 packs already,
    /// until `git gc` gathers them). `makeTree`'s rules and errors hold: whatever our
    /// tree writer declines goes through `writeBlobs` and `makeTree` as before.
    public func writeBlobsAndTree(
        _ blobs: [[UInt8]], ids: [GitObjectID], base: GitObjectID?, changes: [GitTreeChange]
    ) async throws(GitError) -> GitObjectID {
        precondition(ids.count == blobs.count, "one id per blob")
        guard changes.allSatisfy({ (try? validateTreePath($0.path)) != nil }),
            let (root, trees) = try buildTrees(base: base, changes: changes, knownBlobs: Set(ids))
        else {
            _ = try await writeBlobs(blobs, ids: ids)
            return try await makeTree(base: base, changes: changes)
        }
        recentBlobs = []
        let objects = try newObjects(zip(ids, blobs).map { PackObject(kind: .blob, id: $0, bytes: $1) } + trees)
        // Each pass's pack is one more for every reader to search: once a repository has as
        // many as makes `git gc --auto` repack (gc.autoPackLimit's default), loose objects again.
        if objects.count >= Self.smallPackMinimum,
            PackReader.indexFiles(in: try objectsDirectory() + "pack").count < Self.packCountLimit
        {
            try install(await PackBuilder.build(objects))
        } else {
            for object in objects { try writeLoose(object) }
        }
        return root
    }

    /// From this many new objects on, `writeBlobsAndTree` writes a pack.
    static let smallPackMinimum = 4
    /// Up to this many packs in the repository, `writeBlobsAndTree` adds one.
    static let packCountLimit = 50

    /// Writes `trees` (new to the repository): one pack when there are many, else loose objects.
    func storeTrees(_ trees: [PackObject]) async throws(GitError) {
        guard trees.count >= Self.packThreshold else {
            for tree in trees { try writeLoose(tree) }
            return
        }
        try install(await PackBuilder.build(trees))
    }

    /// Writes `object` as a loose object of the repository (as the commit is: `LooseObjectWriter`).
    private func writeLoose(_ object: PackObject) throws(GitError) {
        let objects = try objectsDirectory()
        var failure: GitError?
        object.bytes.withUnsafeBytes { bytes in
            do throws(GitError) {
                _ = try LooseObjectWriter.write(bytes, kind: object.kind, objects: objects)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}

/// A private object database over an objects folder whose writes land in memory (a `mempack`
/// backend ranked above the folder's), wrapped in a repository for the functions that want one.
/// Reads fall through to disk. Freed together.
private final class InMemoryWrites {
    let odb: OpaquePointer
    let mempack: UnsafeMutablePointer<git_odb_backend>
    let repository: OpaquePointer

    init(objectsDirectory: String) throws(GitError) {
        var odbOut: OpaquePointer? = nil
        try check(git_odb_open(&odbOut, objectsDirectory), "git_odb_open")
        guard let odb = odbOut else { throw nullResult("git_odb_open") }
        var mempackOut: UnsafeMutablePointer<git_odb_backend>? = nil
        let created = git_mempack_new(&mempackOut)
        guard created >= 0, let mempack = mempackOut else {
            let error = created < 0 ? makeError(created, "git_mempack_new") : nullResult("git_mempack_new")
            git_odb_free(odb)
            throw error
        }
        // The database owns the backend once added.
        let added = git_odb_add_backend(odb, mempack, 999)
        guard added >= 0 else {
            let error = makeError(added, "git_odb_add_backend")
            mempack.pointee.free?(mempack)
            git_odb_free(odb)
            throw error
        }
        var repositoryOut: OpaquePointer? = nil
        let wrapped = git_repository_wrap_odb(&repositoryOut, odb)
        guard wrapped >= 0, let repository = repositoryOut else {
            let error =
                wrapped < 0 ? makeError(wrapped, "git_repository_wrap_odb") : nullResult("git_repository_wrap_odb")
            git_odb_free(odb)
            throw error
        }
        self.odb = odb
        self.mempack = mempack
        self.repository = repository
    }

    deinit {
        git_repository_free(repository)
        git_odb_free(odb)
    }

    /// The trees reachable from `root` that are only in memory (a new tree's unchanged subtrees
    /// are on disk already, and so is everything below them), each once.
    func newTrees(from root: GitObjectID) throws(GitError) -> [PackObject] {
        var trees: [PackObject] = []
        var seen = Set<GitObjectID>()
        var pending = [root]
        while let id = pending.popLast() {
            guard seen.insert(id).inserted else { continue }
            var oid = id.oid
            guard let exists = mempack.pointee.exists, exists(mempack, &oid) == 1 else { continue }
            let object = try make("git_odb_read", release: git_odb_object_free) { git_odb_read($0, odb, &oid) }
            let size = git_odb_object_size(object.pointer)
            let bytes =
                size == 0
                ? [] : Array(UnsafeRawBufferPointer(start: git_odb_object_data(object.pointer), count: size))
            trees.append(PackObject(kind: .tree, id: id, bytes: bytes))
            pending.append(contentsOf: subtreeIDs(bytes))
        }
        return trees
    }
}

/// The ids of the subtrees a raw tree object lists: its entries are `<octal mode> <name>\0<id>`,
/// and a directory's mode is `40000`.
private func subtreeIDs(_ tree: [UInt8]) -> [GitObjectID] {
    var ids: [GitObjectID] = []
    tree.withUnsafeBytes { bytes in
        var position = 0
        while position < bytes.count {
            let modeStart = position
            while position < bytes.count && bytes[position] != UInt8(ascii: " ") { position += 1 }
            let isTree = position - modeStart == 5 && bytes[modeStart] == UInt8(ascii: "4")
            while position < bytes.count && bytes[position] != 0 { position += 1 }
            position += 1
            guard position + 20 <= bytes.count else { return }
            if isTree { ids.append(GitObjectID(loadingFrom: bytes.baseAddress! + position)) }
            position += 20
        }
    }
    return ids
}
