/// The kind of a tree entry, as git records it in the entry's mode.
public enum GitFileMode: Sendable, Hashable {
    /// A regular file (`100644`).
    case blob
    /// An executable file (`100755`).
    case executable
    /// A symbolic link (`120000`); the blob holds the target path.
    case link
    /// A directory (`040000`).
    case tree
    /// A submodule (`160000`); the id names a commit in another repository.
    case submodule
}

/// One file of a tree, found by a recursive walk.
public struct GitTreeEntry: Sendable, Hashable {
    /// Path from the root of the tree, `/`-separated, no leading `/`.
    public var path: String
    /// The blob (or, for a submodule, the commit).
    public var id: GitObjectID
    /// The kind of entry.
    public var mode: GitFileMode

    /// Creates an entry.
    public init(path: String, id: GitObjectID, mode: GitFileMode) {
        self.path = path
        self.id = id
        self.mode = mode
    }

    /// Whether `entries` are in byte order of their paths. Git orders a tree's entries as if
    /// directory names ended in "/", so a walk of well-formed trees yields paths in byte order:
    /// checking costs a tenth of sorting.
    public static func isOrdered(_ entries: [GitTreeEntry]) -> Bool {
        entries.withUnsafeBufferPointer { entries in
            entries.indices.dropFirst().allSatisfy { !bytesPrecede(entries[$0].path, entries[$0 - 1].path) }
        }
    }

    /// Whether `a`'s UTF-8 bytes come before `b`'s: compared in place, eight bytes at a time
    /// (the generic comparison of two UTF-8 views cost ~2,400 instructions a pair of paths).
    static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { a in
            b.utf8.withContiguousStorageIfAvailable { b -> Bool in
                let common = min(a.count, b.count)
                var index = 0
                let left = UnsafeRawBufferPointer(a)
                let right = UnsafeRawBufferPointer(b)
                while index + 8 <= common {
                    let x = UInt64(bigEndian: left.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    let y = UInt64(bigEndian: right.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    if x != y { return x < y }
                    index += 8
                }
                while index < common {
                    if a[index] != b[index] { return a[index] < b[index] }
                    index += 1
                }
                return a.count < b.count
            }
        }
        if let fast, let result = fast { return result }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// One edit to apply to a tree with `GitRepository.makeTree(base:changes:)`.
public enum GitTreeChange: Sendable, Hashable {
    /// Adds or replaces the file at `path` (creating directories on the way) with `blob`.
    case upsert(path: String, blob: GitObjectID, mode: GitFileMode = .blob)
    /// Removes the file at `path`; directories left empty disappear. Absent paths are ignored.
    case delete(path: String)

    /// The path the change applies to.
    public var path: String {
        switch self {
        case .upsert(let path, _, _), .delete(let path): path
        }
    }
}

/// Who did something and when, as recorded in a commit.
public struct GitSignature: Sendable, Hashable {
    /// Display name.
    public var name: String
    /// Email address.
    public var email: String
    /// Seconds since the Unix epoch.
    public var time: Int64
    /// Offset from UTC in minutes (for example 60 for +0100).
    public var offsetMinutes: Int

    /// Creates a signature.
    public init(name: String, email: String, time: Int64, offsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }
}

/// What a commit records.
public struct GitCommitInfo: Sendable, Hashable {
    /// The commit itself.
    public var id: GitObjectID
    /// Its root tree.
    public var tree: GitObjectID
    /// Its parents, first parent first.
    public var parents: [GitObjectID]
    /// The full message, as stored.
    public var message: String
    /// Who wrote the change.
    public var author: GitSignature
    /// Who made the commit.
    public var committer: GitSignature

    /// Creates a commit description.
    public init(
        id: GitObjectID, tree: GitObjectID, parents: [GitObjectID], message: String,
        author: GitSignature, committer: GitSignature
    ) {
        self.id = id
        self.tree = tree
        self.parents = parents
        self.message = message
        self.author = author
        self.committer = committer
    }
}
