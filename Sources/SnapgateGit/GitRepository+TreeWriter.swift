internal import CLibGit2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The trees of `makeTree` built in one pass without libgit2's tree builder: the changes sorted by
// path, one open directory per path component on a stack, each directory's entries merged with its
// base tree's when it is closed, then hashed. `git_tree_create_updated` (into a `mempack`) took
// ~19 ms for the ~2,200 new trees of a cold reconcile of the 1,000-application benchmark.
//
// It handles the ordinary case only and returns nil for anything where libgit2's rules or errors
// matter (replacing a directory by a file or the reverse, deleting a directory, a blob that is
// missing or not a blob, names libgit2 may refuse such as `.git` lookalikes, modes other than
// git's five, malformed base trees): `makeTree` then runs libgit2 over the same changes, so the
// results and errors are libgit2's.

extension GitRepository {
    /// The root and the new trees (those whose id differs from the base's at their place) of
    /// `base` with `changes` applied, or nil when libgit2 must decide (two changes to one path
    /// included). Paths are valid. `knownBlobs` are known to be on disk.
    func buildTrees(base: GitObjectID?, changes: [GitTreeChange], knownBlobs: Set<GitObjectID> = []) throws(GitError)
        -> (
            root: GitObjectID, trees: [PackObject]
        )?
    {
        let repo = self.repo
        let odb = try make("git_repository_odb", release: git_odb_free) { git_repository_odb($0, repo) }
        var paths: [[UInt8]] = []
        paths.reserveCapacity(changes.count)
        var sorted = true
        for change in changes {
            // The bytes copied whole (the UTF-8 view's generic copy goes byte by byte).
            let path = change.path.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(change.path.utf8)
            guard isPlainPath(path) else { return nil }
            if case .upsert(_, _, let mode) = change, mode == .tree || mode == .submodule { return nil }
            if sorted, let last = paths.last, !bytesPrecede(last, path) { sorted = false }
            paths.append(path)
        }
        // Byte order keeps each directory's paths together (callers usually pass them sorted).
        let order = sorted ? Array(paths.indices) : paths.indices.sorted { bytesPrecede(paths[$0], paths[$1]) }
        for (previous, next) in zip(order, order.dropFirst()) where paths[previous] == paths[next] { return nil }
        guard try blobsPresent(changes, odb: odb.pointer, knownBlobs: knownBlobs) else { return nil }

        guard let rootEntries = try readTree(base, odb: odb.pointer) else { return nil }
        var stack = [OpenDirectory(name: [], baseID: base, base: rootEntries)]
        var trees: [PackObject] = []
        var components: [Range<Int>] = []
        for index in order {
            let path = paths[index]
            components.removeAll(keepingCapacity: true)
            var start = 0
            for (position, byte) in path.enumerated() where byte == UInt8(ascii: "/") {
                components.append(start..<position)
                start = position + 1
            }
            components.append(start..<path.count)
            // Close the open directories this path is not in.
            var depth = 1
            while depth < stack.count && depth < components.count
                && bytesEqual(stack[depth].name, path[components[depth - 1]])
            {
                depth += 1
            }
            while stack.count > depth {
                guard close(&stack, into: &trees) else { return nil }
            }
            for range in components[(stack.count - 1)..<(components.count - 1)] {
                let name = Array(path[range])
                guard let opened = try open(name, in: &stack[stack.count - 1], odb: odb.pointer) else { return nil }
                stack.append(opened)
            }
            let name = Array(path[components[components.count - 1]])
            let file = stack[stack.count - 1].find(name, isTree: false)
            // libgit2 refuses to replace a directory or a submodule by a file.
            guard stack[stack.count - 1].find(name, isTree: true) == nil else { return nil }
            if let file, case .upsert = changes[index], stack[stack.count - 1].base[file].mode == .submodule {
                return nil
            }
            switch changes[index] {
            case .upsert(_, let blob, let mode):
                stack[stack.count - 1].updates.append(
                    Update(name: name, baseIndex: file, entry: TreeObjectEntry(name: name, mode: mode, id: blob)))
            case .delete:
                guard let file else { continue }
                stack[stack.count - 1].updates.append(Update(name: name, baseIndex: file, entry: nil))
            }
        }
        while stack.count > 1 {
            guard close(&stack, into: &trees) else { return nil }
        }
        guard let (_, bytes) = stack[0].merged() else { return nil }
        let rootID = hashTree(bytes)
        if rootID != base { trees.append(PackObject(kind: .tree, id: rootID, bytes: bytes)) }
        return (rootID, trees)
    }

    /// Whether every blob the upserts name is in the object database, as a blob (libgit2's check).
    private func blobsPresent(_ changes: [GitTreeChange], odb: OpaquePointer, knownBlobs: Set<GitObjectID>)
        throws(GitError) -> Bool
    {
        var checked = Set<GitObjectID>()
        for case .upsert(_, let blob, _) in changes where !knownBlobs.contains(blob) && checked.insert(blob).inserted {
            var oid = blob.oid
            var size = 0
            var type = GIT_OBJECT_INVALID
            guard git_odb_read_header(&size, &type, odb, &oid) == 0, type == GIT_OBJECT_BLOB else { return false }
        }
        return true
    }

    /// The entries of tree `id` (`nil`: the empty tree); nil when libgit2 must handle it.
    private func readTree(_ id: GitObjectID?, odb: OpaquePointer) throws(GitError) -> [TreeObjectEntry]? {
        guard let id else { return [] }
        var oid = id.oid
        var out: OpaquePointer? = nil
        guard git_odb_read(&out, odb, &oid) == 0, let object = out else { return nil }
        defer { git_odb_object_free(object) }
        guard git_odb_object_type(object) == GIT_OBJECT_TREE else { return nil }
        let size = git_odb_object_size(object)
        guard size > 0 else { return [] }
        return parseTreeObject(UnsafeRawBufferPointer(start: git_odb_object_data(object), count: size))
    }

    /// Opens directory `name` of `parent` (new, or its tree in the base); nil when a file has the
    /// name, in the base or among the changes.
    private func open(_ name: [UInt8], in parent: inout OpenDirectory, odb: OpaquePointer) throws(GitError)
        -> OpenDirectory?
    {
        guard parent.find(name, isTree: false) == nil else { return nil }
        // A change to file `name` sorts just before the directory's paths (only names that start
        // with `name` lie between).
        for update in parent.updates.reversed() {
            guard update.name.starts(with: name) else { break }
            if update.name == name { return nil }
        }
        guard let index = parent.find(name, isTree: true) else {
            return OpenDirectory(name: name, baseID: nil, base: [], baseIndexInParent: nil)
        }
        let id = parent.base[index].id
        guard let entries = try readTree(id, odb: odb) else { return nil }
        return OpenDirectory(name: name, baseID: id, base: entries, baseIndexInParent: index)
    }

    /// Closes the innermost open directory: its tree (when new) joins `trees` and its entry is
    /// updated in its parent (removed when the directory ends up empty). False when libgit2 must
    /// decide.
    private func close(_ stack: inout [OpenDirectory], into trees: inout [PackObject]) -> Bool {
        let directory = stack.removeLast()
        guard let (entries, bytes) = directory.merged() else { return false }
        let baseIndex = directory.baseIndexInParent
        guard !entries.isEmpty else {
            if baseIndex != nil {
                stack[stack.count - 1].updates.append(Update(name: directory.name, baseIndex: baseIndex, entry: nil))
            }
            return true
        }
        let id = hashTree(bytes)
        if id != directory.baseID { trees.append(PackObject(kind: .tree, id: id, bytes: bytes)) }
        stack[stack.count - 1].updates.append(
            Update(
                name: directory.name, baseIndex: baseIndex,
                entry: TreeObjectEntry(name: directory.name, mode: .tree, id: id)))
        return true
    }

    private func hashTree(_ bytes: [UInt8]) -> GitObjectID {
        bytes.withUnsafeBytes { SHA1.objectID(kind: "tree", $0) }
    }
}

/// A change to one entry of a directory: `entry` replaces the base's entry at `baseIndex` (or is
/// new), or, when nil, removes it.
private struct Update {
    var name: [UInt8]
    var baseIndex: Int?
    var entry: TreeObjectEntry?
}

/// A directory whose tree is being built.
private struct OpenDirectory {
    var name: [UInt8]
    var baseID: GitObjectID?
    var base: [TreeObjectEntry]
    var baseIndexInParent: Int? = nil
    var updates: [Update] = []

    /// The index of the base's entry named `name`, looked up as a directory or as a file.
    func find(_ name: [UInt8], isTree: Bool) -> Int? {
        var low = 0
        var high = base.count
        while low < high {
            let middle = (low + high) / 2
            if treeOrderPrecedes(base[middle].name, base[middle].isTree, name, isTree) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low < base.count, base[low].isTree == isTree, base[low].name == name else { return nil }
        return low
    }

    /// The entries (in tree order) and tree object after the updates; nil when two updates name
    /// the same entry.
    func merged() -> (entries: [TreeObjectEntry], bytes: [UInt8])? {
        var replaced = [TreeObjectEntry?](repeating: nil, count: base.count)
        var removed = [Bool](repeating: false, count: base.count)
        var added: [TreeObjectEntry] = []
        for update in updates {
            if let index = update.baseIndex {
                guard replaced[index] == nil, !removed[index] else { return nil }
                if let entry = update.entry { replaced[index] = entry } else { removed[index] = true }
            } else if let entry = update.entry {
                added.append(entry)
            }
        }
        added.sort { treeOrderPrecedes($0.name, $0.isTree, $1.name, $1.isTree) }
        for (previous, next) in zip(added, added.dropFirst()) where previous.name == next.name { return nil }
        var entries: [TreeObjectEntry] = []
        entries.reserveCapacity(base.count + added.count)
        var next = 0
        for index in base.indices where !removed[index] {
            let entry = replaced[index] ?? base[index]
            while next < added.count
                && treeOrderPrecedes(added[next].name, added[next].isTree, entry.name, entry.isTree)
            {
                entries.append(added[next])
                next += 1
            }
            entries.append(entry)
        }
        entries.append(contentsOf: added[next...])
        for (previous, next) in zip(entries, entries.dropFirst()) where previous.name == next.name { return nil }
        return (entries, makeTreeObject(entries))
    }
}

/// Whether every component of a `/`-separated path is one libgit2 accepts without a second look:
/// not empty, printable ASCII, not starting with '.', no '~', '\', ':' (which its `.git`
/// lookalike checks for HFS and NTFS involve). One pass over the bytes, nothing allocated.
private func isPlainPath(_ path: [UInt8]) -> Bool {
    path.withUnsafeBufferPointer { bytes in
        var componentStart = true
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                if componentStart { return false }  // An empty component (or a leading `/`).
                componentStart = true
                continue
            }
            if componentStart && byte == UInt8(ascii: ".") { return false }
            componentStart = false
            guard
                byte >= 0x20 && byte < 0x7f && byte != UInt8(ascii: "~") && byte != UInt8(ascii: "\\")
                    && byte != UInt8(ascii: ":")
            else { return false }
        }
        return !componentStart  // Not empty, no trailing `/`.
    }
}

/// Whether a name and a slice of a path hold the same bytes.
private func bytesEqual(_ name: [UInt8], _ slice: ArraySlice<UInt8>) -> Bool {
    guard name.count == slice.count else { return false }
    guard !name.isEmpty else { return true }
    return name.withUnsafeBufferPointer { a in
        slice.withUnsafeBufferPointer { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
    }
}

/// Byte-wise order of two byte strings.
private func bytesPrecede(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            let common = min(a.count, b.count)
            for index in 0..<common where a[index] != b[index] { return a[index] < b[index] }
            return a.count < b.count
        }
    }
}
