internal import CLibGit2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Reading commits, trees and blobs.

extension GitRepository {
    /// What commit `id` records.
    ///
    /// - Throws: `.notFound` when there is no such commit.
    public func commitInfo(_ id: GitObjectID) throws(GitError) -> GitCommitInfo {
        let commit = try lookup(id, "git_commit_lookup", release: git_commit_free, git_commit_lookup)
        guard let tree = GitObjectID(git_commit_tree_id(commit.pointer)) else {
            throw nullResult("git_commit_tree_id")
        }
        var parents: [GitObjectID] = []
        for index in 0..<git_commit_parentcount(commit.pointer) {
            guard let parent = GitObjectID(git_commit_parent_id(commit.pointer, index)) else {
                throw nullResult("git_commit_parent_id")
            }
            parents.append(parent)
        }
        let message = git_commit_message_raw(commit.pointer).map { String(cString: $0) } ?? ""
        guard let author = GitSignature(git_commit_author(commit.pointer)) else {
            throw nullResult("git_commit_author")
        }
        guard let committer = GitSignature(git_commit_committer(commit.pointer)) else {
            throw nullResult("git_commit_committer")
        }
        return GitCommitInfo(
            id: id, tree: tree, parents: parents, message: message, author: author, committer: committer)
    }

    /// Every file (every entry that is not a directory) of tree `tree`, recursively, sorted by
    /// path (byte-wise, which is the order `git ls-tree -r` prints).
    ///
    /// When the packs hold every tree, they are read from there, subtrees on every core
    /// (`PackTreeListing`); otherwise through libgit2, one tree after the other (libgit2 reads
    /// packs under a process-wide lock: listing subtrees on several handles at once was no
    /// faster, measured).
    public func listTree(_ tree: GitObjectID) async throws(GitError) -> [GitTreeEntry] {
        var entries: [GitTreeEntry]
        if let reader = packReader(), let listed = await PackTreeListing.list(tree, reader: reader) {
            entries = listed
        } else {
            entries = try listTreeWithLibGit2(tree)
        }
        if !GitTreeEntry.isOrdered(entries) { entries.sort { GitTreeEntry.bytesPrecede($0.path, $1.path) } }
        return entries
    }

    /// The files under `tree` through libgit2, in the order of a depth-first walk: every tree,
    /// wherever it is stored.
    func listTreeWithLibGit2(_ tree: GitObjectID) throws(GitError) -> [GitTreeEntry] {
        var entries: [GitTreeEntry] = []
        var prefix: [UInt8] = []
        prefix.reserveCapacity(256)
        try collectEntries(of: tree, prefix: &prefix, into: &entries)
        return entries
    }

    /// Appends the files under tree `id` to `entries`, their paths prefixed with `prefix` (the
    /// path's bytes so far, restored on return: one buffer for the whole walk, and one string
    /// made per file, where concatenating strings made three).
    private func collectEntries(of id: GitObjectID, prefix: inout [UInt8], into entries: inout [GitTreeEntry])
        throws(GitError)
    {
        let tree = try lookup(id, "git_tree_lookup", release: git_tree_free, git_tree_lookup)
        let prefixLength = prefix.count
        defer { prefix.removeSubrange(prefixLength...) }
        for index in 0..<git_tree_entrycount(tree.pointer) {
            guard let entry = git_tree_entry_byindex(tree.pointer, index),
                let name = git_tree_entry_name(entry),
                let entryID = GitObjectID(git_tree_entry_id(entry))
            else { throw nullResult("git_tree_entry_byindex") }
            prefix.removeSubrange(prefixLength...)
            prefix.append(
                contentsOf: UnsafeBufferPointer(
                    start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: strlen(name)))
            let mode = GitFileMode(git_tree_entry_filemode(entry))
            if mode == .tree {
                prefix.append(UInt8(ascii: "/"))
                try collectEntries(of: entryID, prefix: &prefix, into: &entries)
            } else {
                entries.append(GitTreeEntry(path: String(decoding: prefix, as: UTF8.self), id: entryID, mode: mode))
            }
        }
    }

    /// The bytes of blob `id`.
    ///
    /// - Throws: `.notFound` when there is no such blob.
    public func readBlob(_ id: GitObjectID) throws(GitError) -> [UInt8] {
        let blob = try lookup(id, "git_blob_lookup", release: git_blob_free, git_blob_lookup)
        let size = Int(git_blob_rawsize(blob.pointer))
        guard size > 0, let content = git_blob_rawcontent(blob.pointer) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// The bytes of several blobs, in the order of `ids`, in one call to the actor.
    public func readBlobs(_ ids: [GitObjectID]) throws(GitError) -> [[UInt8]] {
        var result: [[UInt8]] = []
        result.reserveCapacity(ids.count)
        for id in ids { result.append(try readBlob(id)) }
        return result
    }

    /// The bytes of the file at `path` (`/`-separated, from the root) in tree `tree`; `nil` when
    /// there is nothing at that path.
    ///
    /// - Throws: `.invalidArgument` when the path names a directory or a submodule.
    public func readFile(_ path: String, atTree tree: GitObjectID) throws(GitError) -> [UInt8]? {
        guard !path.isEmpty else {
            throw GitError(code: .invalidArgument, function: "git_tree_entry_bypath", message: "empty path")
        }
        let treeObject = try lookup(tree, "git_tree_lookup", release: git_tree_free, git_tree_lookup)
        let blobID = try withObjectIfPresent(
            "git_tree_entry_bypath", release: git_tree_entry_free,
            { git_tree_entry_bypath($0, treeObject.pointer, path) }
        ) { (entry: borrowing Owned) throws(GitError) -> GitObjectID in
            guard git_tree_entry_type(entry.pointer) == GIT_OBJECT_BLOB else {
                throw GitError(
                    code: .invalidArgument, function: "git_tree_entry_bypath", message: "'\(path)' is not a file")
            }
            guard let id = GitObjectID(git_tree_entry_id(entry.pointer)) else {
                throw nullResult("git_tree_entry_id")
            }
            return id
        }
        guard let blobID else { return nil }
        return try readBlob(blobID)
    }

    /// The blob ids of the files at `paths` (`/`-separated, from the root) in tree `tree`, in
    /// order; `nil` where there is nothing at the path. Answers many paths in one call, looking up
    /// each directory once, where `readFile` would walk from the root for every path.
    ///
    /// - Throws: `.invalidArgument` when a path is empty or names a directory or a submodule.
    public func blobIDs(atPaths paths: [String], inTree tree: GitObjectID) throws(GitError) -> [GitObjectID?] {
        let owned = OwnedList(release: git_tree_free)
        let root = try lookup(tree, "git_tree_lookup", release: git_tree_free, git_tree_lookup)
        // Directory path → its tree, or nil when there is no such directory.
        var directories: [Substring: OpaquePointer?] = ["": root.pointer]
        func directory(_ path: Substring) throws(GitError) -> OpaquePointer? {
            if let known = directories[path] { return known }
            let slash = lastSlash(in: path)
            let parentPath = slash.map { path[..<$0] } ?? ""
            let name = String(slash.map { path[path.index(after: $0)...] } ?? path)
            var found: OpaquePointer? = nil
            if let parent = try directory(parentPath), let entry = git_tree_entry_byname(parent, name),
                git_tree_entry_type(entry) == GIT_OBJECT_TREE
            {
                var out: OpaquePointer? = nil
                try check(git_tree_lookup(&out, repo, git_tree_entry_id(entry)), "git_tree_lookup")
                guard let out else { throw nullResult("git_tree_lookup") }
                owned.append(out)
                found = out
            }
            directories[path] = found
            return found
        }
        var ids: [GitObjectID?] = []
        ids.reserveCapacity(paths.count)
        // Paths usually come sorted: consecutive ones share a directory, found without hashing.
        var lastParentPath: Substring? = nil
        var lastParent: OpaquePointer? = nil
        for path in paths {
            guard !path.isEmpty else {
                throw GitError(code: .invalidArgument, function: "git_tree_entry_byname", message: "empty path")
            }
            let slash = lastSlash(in: path[...])
            let parentPath = slash.map { path[..<$0] } ?? ""
            if parentPath != lastParentPath {
                lastParent = try directory(parentPath)
                lastParentPath = parentPath
            }
            guard let parent = lastParent else {
                ids.append(nil)
                continue
            }
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            guard let entry = git_tree_entry_byname(parent, name) else {
                ids.append(nil)
                continue
            }
            guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else {
                throw GitError(
                    code: .invalidArgument, function: "git_tree_entry_byname", message: "'\(path)' is not a file")
            }
            ids.append(GitObjectID(git_tree_entry_id(entry)))
        }
        withExtendedLifetime(owned) {}
        return ids
    }

    /// Whether commit `ancestor` is reachable from commit `descendant` (a commit counts as its own
    /// ancestor), so that moving a branch from `ancestor` to `descendant` is a fast-forward.
    public func isAncestor(_ ancestor: GitObjectID, of descendant: GitObjectID) throws(GitError) -> Bool {
        if ancestor == descendant { return true }
        var ancestorOID = ancestor.oid
        var descendantOID = descendant.oid
        let result = try check(
            git_graph_descendant_of(repo, &descendantOID, &ancestorOID), "git_graph_descendant_of")
        return result == 1
    }

    /// The best common ancestor of two commits; `nil` when their histories are unrelated.
    public func mergeBase(_ one: GitObjectID, _ other: GitObjectID) throws(GitError) -> GitObjectID? {
        var out = git_oid()
        var oneOID = one.oid
        var otherOID = other.oid
        let result = git_merge_base(&out, repo, &oneOID, &otherOID)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_merge_base")
        return GitObjectID(out)
    }

    // MARK: - Helpers

    /// Looks up object `id` with a typed libgit2 lookup function and owns the result.
    func lookup(
        _ id: GitObjectID, _ function: String, release: @convention(c) (OpaquePointer?) -> Void,
        _ lookup: (UnsafeMutablePointer<OpaquePointer?>?, OpaquePointer?, UnsafePointer<git_oid>?) -> Int32
    ) throws(GitError) -> Owned {
        var oid = id.oid
        let repo = self.repo
        return try make(function, release: release) { lookup($0, repo, &oid) }
    }

    /// Runs `body` with tree `id` looked up, or with NULL (the empty tree) when `id` is `nil`.
    func withOptionalTree<R>(_ id: GitObjectID?, _ body: (OpaquePointer?) throws(GitError) -> R) throws(GitError) -> R {
        guard let id else { return try body(nil) }
        let tree = try lookup(id, "git_tree_lookup", release: git_tree_free, git_tree_lookup)
        return try body(tree.pointer)
    }
}

extension GitFileMode {
    /// Classifies a libgit2 entry mode; unknown modes count as regular files.
    init(_ mode: git_filemode_t) {
        switch mode {
        case GIT_FILEMODE_BLOB_EXECUTABLE: self = .executable
        case GIT_FILEMODE_LINK: self = .link
        case GIT_FILEMODE_TREE: self = .tree
        case GIT_FILEMODE_COMMIT: self = .submodule
        default: self = .blob
        }
    }

    /// The libgit2 entry mode.
    var filemode: git_filemode_t {
        switch self {
        case .blob: GIT_FILEMODE_BLOB
        case .executable: GIT_FILEMODE_BLOB_EXECUTABLE
        case .link: GIT_FILEMODE_LINK
        case .tree: GIT_FILEMODE_TREE
        case .submodule: GIT_FILEMODE_COMMIT
        }
    }
}

extension GitSignature {
    /// Copies a libgit2 signature; `nil` for a NULL pointer.
    init?(_ pointer: UnsafePointer<git_signature>?) {
        guard let signature = pointer?.pointee else { return nil }
        self.init(
            name: signature.name.map { String(cString: $0) } ?? "",
            email: signature.email.map { String(cString: $0) } ?? "",
            time: Int64(signature.when.time),
            offsetMinutes: Int(signature.when.offset))
    }
}

/// The index of the last `/` of `path`, found on its bytes in place: `lastIndex(of:)` walks a
/// string's characters, or its UTF-8 view index by index (~800 instructions a path; this runs for
/// every file a pass writes, 10,000 in a cold one, before anything else of the publish).
func lastSlash(in path: Substring) -> String.Index? {
    let utf8 = path.utf8
    let offset = utf8.withContiguousStorageIfAvailable { $0.lastIndex(of: UInt8(ascii: "/")) }
    guard let offset else { return utf8.lastIndex(of: UInt8(ascii: "/")) }
    return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
}
