internal import CLibGit2

// Looking up a few files of a tree by path, without walking the whole tree.

extension GitRepository {
    /// The entries of `tree` at `paths` (`/`-separated, from the root), in the order of `paths`;
    /// paths with nothing there, or naming a directory, are left out. Each directory is looked
    /// up once and its files by name: for a handful of files of a large tree this is far cheaper
    /// than `listTree` (and than a lookup from the root per path).
    public func entries(atPaths paths: [String], inTree tree: GitObjectID) throws(GitError) -> [GitTreeEntry] {
        var byDirectory: [Substring: [String]] = [:]
        for path in paths where !path.isEmpty {
            let directory = lastSlash(in: path[...]).map { path[..<$0] } ?? ""
            byDirectory[directory, default: []].append(path)
        }
        let root = try lookup(tree, "git_tree_lookup", release: git_tree_free, git_tree_lookup)
        var found: [String: GitTreeEntry] = [:]
        for (directory, files) in byDirectory {
            let directoryID: GitObjectID?
            if directory.isEmpty {
                directoryID = tree
            } else {
                directoryID =
                    try withObjectIfPresent(
                        "git_tree_entry_bypath", release: git_tree_entry_free,
                        { git_tree_entry_bypath($0, root.pointer, String(directory)) }
                    ) { (entry: borrowing Owned) throws(GitError) -> GitObjectID? in
                        guard git_tree_entry_type(entry.pointer) == GIT_OBJECT_TREE else { return nil }
                        return GitObjectID(git_tree_entry_id(entry.pointer))
                    } ?? nil
            }
            guard let directoryID else { continue }
            let directoryTree = try lookup(directoryID, "git_tree_lookup", release: git_tree_free, git_tree_lookup)
            for path in files {
                let name = directory.isEmpty ? path : String(path[path.index(after: lastSlash(in: path[...])!)...])
                // Borrowed from the tree: not freed.
                guard let entry = git_tree_entry_byname(directoryTree.pointer, name) else { continue }
                let mode = GitFileMode(git_tree_entry_filemode(entry))
                guard mode != .tree, let id = GitObjectID(git_tree_entry_id(entry)) else { continue }
                found[path] = GitTreeEntry(path: path, id: id, mode: mode)
            }
        }
        return paths.compactMap { found[$0] }
    }
}

extension GitRepository {
    /// The files that differ between trees `old` and `new`, each with its new entry (nil when it
    /// is gone), sorted by path. Subtrees with the same id are skipped without being read, so the
    /// cost follows the size of the change, not of the trees (a large monorepo's one-file commit
    /// reads a few tree objects). A file replaced by a directory, or the reverse, counts as the
    /// file gone and the directory's files new.
    public func changedFiles(from old: GitObjectID, to new: GitObjectID) throws(GitError) -> [GitFileChange] {
        var changes: [GitFileChange] = []
        try compareTrees(old, new, prefix: "", into: &changes)
        return changes.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    private struct Entry {
        var name: [UInt8]
        var id: GitObjectID
        var mode: GitFileMode
    }

    private func treeEntries(_ id: GitObjectID?) throws(GitError) -> [Entry] {
        guard let id else { return [] }
        let tree = try lookup(id, "git_tree_lookup", release: git_tree_free, git_tree_lookup)
        let count = git_tree_entrycount(tree.pointer)
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            guard let entry = git_tree_entry_byindex(tree.pointer, index), let name = git_tree_entry_name(entry),
                let entryID = GitObjectID(git_tree_entry_id(entry))
            else { throw nullResult("git_tree_entry_byindex") }
            let start = UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self)
            var length = 0
            while start[length] != 0 { length += 1 }
            let bytes = UnsafeBufferPointer(start: start, count: length)
            entries.append(Entry(name: Array(bytes), id: entryID, mode: GitFileMode(git_tree_entry_filemode(entry))))
        }
        // Git orders a directory as if its name ended in '/'; compare plain names instead.
        entries.sort { $0.name.lexicographicallyPrecedes($1.name) }
        return entries
    }

    private func compareTrees(
        _ old: GitObjectID?, _ new: GitObjectID?, prefix: String, into changes: inout [GitFileChange]
    ) throws(GitError) {
        guard old != new else { return }
        let before = try treeEntries(old)
        let after = try treeEntries(new)
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            let left = i < before.count ? before[i] : nil
            let right = j < after.count ? after[j] : nil
            if let left, let right, left.name == right.name {
                i += 1
                j += 1
                guard left.id != right.id || left.mode != right.mode else { continue }
                try compareEntries(left, right, prefix: prefix, into: &changes)
            } else if let left, right.map({ left.name.lexicographicallyPrecedes($0.name) }) ?? true {
                i += 1
                try compareEntries(left, nil, prefix: prefix, into: &changes)
            } else if let right {
                j += 1
                try compareEntries(nil, right, prefix: prefix, into: &changes)
            }
        }
    }

    private func compareEntries(
        _ left: Entry?, _ right: Entry?, prefix: String, into changes: inout [GitFileChange]
    ) throws(GitError) {
        let name = String(decoding: (left ?? right)!.name, as: UTF8.self)
        let path = prefix + name
        let oldTree = left.flatMap { $0.mode == .tree ? $0.id : nil }
        let newTree = right.flatMap { $0.mode == .tree ? $0.id : nil }
        if oldTree != nil || newTree != nil {
            // Files on the side that is not a directory are changes of their own.
            if let left, left.mode != .tree { changes.append(GitFileChange(path: path, entry: nil)) }
            try compareTrees(oldTree, newTree, prefix: path + "/", into: &changes)
            if let right, right.mode != .tree {
                changes.append(
                    GitFileChange(path: path, entry: GitTreeEntry(path: path, id: right.id, mode: right.mode)))
            }
            return
        }
        changes.append(
            GitFileChange(path: path, entry: right.map { GitTreeEntry(path: path, id: $0.id, mode: $0.mode) }))
    }
}

/// A file that differs between two trees.
public struct GitFileChange: Sendable, Hashable {
    /// Its path from the root.
    public var path: String
    /// Its entry in the new tree; nil when it is gone.
    public var entry: GitTreeEntry?

    /// Creates a change.
    public init(path: String, entry: GitTreeEntry?) {
        self.path = path
        self.entry = entry
    }
}
