// Listing a whole tree from the packs, subtrees on every core (issue 5): libgit2 reads every tree
// of a walk one after the other, behind its pack lock, and a cold pass of a large repository
// waited ~12 ms for its ~3,000 trees before any manifest could be parsed.

/// Lists every file under a tree by reading the trees straight from the repository's packs.
enum PackTreeListing {
    /// How many subtrees the walk gathers (level by level, on one thread) before sharing them
    /// out: enough for each worker to get several of about the same size.
    static let frontierSize = 64
    /// How many workers share the subtrees: each has a cursor (and its cache of delta bases).
    static let workers = 8

    /// A file found, or a subtree still to walk, in the order the walk meets them.
    private enum Item: Sendable {
        case file(GitTreeEntry)
        case tree(prefix: [UInt8], id: GitObjectID)
    }

    /// Every file (every entry that is not a directory) under `root`, in the order of a
    /// depth-first walk of the trees (byte order of the paths, for well-formed trees), as
    /// `listTreeWithLibGit2` gives them; nil when a tree is not in the packs (a loose object)
    /// or is not one `parseTreeObject` reads: libgit2 then lists it, and its answer (or error)
    /// is the reference.
    static func list(_ root: GitObjectID, reader: PackReader) async -> [GitTreeEntry]? {
        // Level by level until there are enough subtrees: order is kept, as a subtree's files
        // take its place in the list.
        let cursor = reader.cursor()
        var items: [Item] = [.tree(prefix: [], id: root)]
        var subtrees = 1
        while subtrees > 0, subtrees < frontierSize {
            var next: [Item] = []
            subtrees = 0
            for item in items {
                guard case .tree(let prefix, let id) = item else {
                    next.append(item)
                    continue
                }
                guard let entries = treeEntries(of: id, cursor: cursor) else { return nil }
                for entry in entries {
                    let path = prefix + entry.name
                    if entry.isTree {
                        next.append(.tree(prefix: path + [UInt8(ascii: "/")], id: entry.id))
                        subtrees += 1
                    } else {
                        next.append(
                            .file(
                                GitTreeEntry(
                                    path: String(decoding: path, as: UTF8.self), id: entry.id, mode: entry.mode)))
                    }
                }
            }
            items = next
        }
        if subtrees == 0 {
            return items.compactMap { item in if case .file(let entry) = item { entry } else { nil } }
        }
        let frontier = items
        let chunkSize = max(1, (frontier.count + workers - 1) / workers)
        let parts = await inParallel(frontier.count, chunkSize: chunkSize) { range -> [GitTreeEntry]? in
            let cursor = reader.cursor()
            var entries: [GitTreeEntry] = []
            var prefix: [UInt8] = []
            prefix.reserveCapacity(256)
            for item in frontier[range] {
                switch item {
                case .file(let entry):
                    entries.append(entry)
                case .tree(let start, let id):
                    prefix.removeAll(keepingCapacity: true)
                    prefix.append(contentsOf: start)
                    guard collect(id, prefix: &prefix, cursor: cursor, into: &entries) else { return nil }
                }
            }
            return entries
        }
        var entries: [GitTreeEntry] = []
        entries.reserveCapacity(parts.reduce(0) { $0 + ($1?.count ?? 0) })
        for part in parts {
            guard let part else { return nil }
            entries.append(contentsOf: part)
        }
        return entries
    }

    /// Appends the files under tree `id` to `entries` depth first, their paths prefixed with
    /// `prefix` (restored on return); false when a tree cannot be read from the packs.
    private static func collect(
        _ id: GitObjectID, prefix: inout [UInt8], cursor: PackCursor, into entries: inout [GitTreeEntry]
    ) -> Bool {
        guard let tree = treeEntries(of: id, cursor: cursor) else { return false }
        let prefixLength = prefix.count
        defer { prefix.removeSubrange(prefixLength...) }
        for entry in tree {
            prefix.removeSubrange(prefixLength...)
            prefix.append(contentsOf: entry.name)
            if entry.isTree {
                prefix.append(UInt8(ascii: "/"))
                guard collect(entry.id, prefix: &prefix, cursor: cursor, into: &entries) else { return false }
            } else {
                entries.append(
                    GitTreeEntry(path: String(decoding: prefix, as: UTF8.self), id: entry.id, mode: entry.mode))
            }
        }
        return true
    }

    /// The entries of tree `id` from the packs; nil when no pack holds it or it is not a tree
    /// `parseTreeObject` reads.
    private static func treeEntries(of id: GitObjectID, cursor: PackCursor) -> [TreeObjectEntry]? {
        cursor.readTree(id).flatMap { $0.withUnsafeBytes(parseTreeObject) }
    }
}
