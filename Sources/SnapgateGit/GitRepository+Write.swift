internal import CLibGit2

// Writing blobs, trees and commits, and moving branches by compare-and-swap.

extension GitRepository {
    /// Stores `bytes` as a blob (a no-op when it already exists) and returns its id.
    public func writeBlob(_ bytes: [UInt8]) throws(GitError) -> GitObjectID {
        var oid = git_oid()
        let result = bytes.withUnsafeBytes { buffer in
            // libgit2 wants a non-NULL buffer even for zero bytes.
            withUnsafeBytes(of: UInt8(0)) { empty in
                git_blob_create_from_buffer(&oid, repo, buffer.baseAddress ?? empty.baseAddress, buffer.count)
            }
        }
        try check(result, "git_blob_create_from_buffer")
        return GitObjectID(oid)
    }

    /// Writes the tree that is `base` (`nil`: the empty tree) with `changes` applied, and returns
    /// its id. Directories are created as needed; a directory left empty by deletions disappears.
    /// Deleting an absent path does nothing. Paths are `/`-separated, relative to the root. The
    /// trees of a large change are written as one pack. All are on disk when the call returns.
    ///
    /// - Throws: `.invalidArgument` for a malformed path or two changes to one path; libgit2's
    ///   error when a change would replace a directory by a file (or the reverse), or names a blob
    ///   that does not exist.
    ///
    /// `pendingBlobs` are blobs a `writeBlobs` running at the same time is writing: they are not
    /// looked for (the caller commits only after both calls returned).
    public func makeTree(base: GitObjectID?, changes: [GitTreeChange], pendingBlobs: Set<GitObjectID> = [])
        async throws(GitError) -> GitObjectID
    {
        let knownBlobs = recentBlobs.union(pendingBlobs)
        recentBlobs = []
        // Our own tree writer for the ordinary case (it finds repeated paths by sorting them);
        // libgit2 for anything where its rules matter, and the errors below.
        if changes.allSatisfy({ (try? validateTreePath($0.path)) != nil }),
            let (root, trees) = try buildTrees(base: base, changes: changes, knownBlobs: knownBlobs)
        {
            try await storeTrees(newObjects(trees))
            return root
        }
        var seen = Set<String>()
        for change in changes {
            try validateTreePath(change.path)
            guard seen.insert(change.path).inserted else {
                throw GitError(
                    code: .invalidArgument, function: "git_tree_create_updated",
                    message: "more than one change to '\(change.path)'")
            }
        }
        // git_treebuilder_remove fails on a missing entry: drop deletions of absent paths.
        let effective = try withOptionalTree(base) { (baseTree) throws(GitError) -> [GitTreeChange] in
            var effective: [GitTreeChange] = []
            for change in changes {
                if case .delete(let path) = change, try !treeContains(baseTree, path) { continue }
                effective.append(change)
            }
            return effective
        }
        let paths = CStrings(effective.map(\.path))
        var updates = effective.enumerated().map { index, change in
            var update = git_tree_update()
            update.path = paths[index]
            switch change {
            case .upsert(_, let blob, let mode):
                update.action = GIT_TREE_UPDATE_UPSERT
                update.id = blob.oid
                update.filemode = mode.filemode
            case .delete:
                update.action = GIT_TREE_UPDATE_REMOVE
            }
            return update
        }
        let (root, trees) = try createUpdatedTree(base: base, updates: &updates)
        // The updates point into `paths`.
        withExtendedLifetime(paths) {}
        try await storeTrees(trees)
        return root
    }

    /// Whether `tree` (NULL: the empty tree) has an entry at `path`.
    private func treeContains(_ tree: OpaquePointer?, _ path: String) throws(GitError) -> Bool {
        guard let tree else { return false }
        let found = try withObjectIfPresent(
            "git_tree_entry_bypath", release: git_tree_entry_free, { git_tree_entry_bypath($0, tree, path) }
        ) { (_: borrowing Owned) -> Bool in true }
        return found ?? false
    }

    /// Writes a commit of `tree` with `parents` and returns its id. No reference moves: publish it
    /// with `updateBranch(_:to:expecting:reflogMessage:)`.
    ///
    /// The message is stored exactly as given (git's own tools end it with a newline).
    public func createCommit(
        tree: GitObjectID, parents: [GitObjectID], message: String, author: GitSignature, committer: GitSignature
    ) throws(GitError) -> GitObjectID {
        // In place, not through the generic `contains` (a cold pass's message has a line for
        // each of 10,000 changes).
        let hasNUL =
            message.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? message.utf8.contains(0)
        guard !hasNUL else {
            throw GitError(code: .invalidArgument, function: "git_commit_create", message: "message contains NUL")
        }
        let treeObject = try lookup(tree, "git_tree_lookup", release: git_tree_free, git_tree_lookup)
        let parentObjects = OwnedList(release: git_commit_free)
        for parent in parents {
            var oid = parent.oid
            var out: OpaquePointer? = nil
            try check(git_commit_lookup(&out, repo, &oid), "git_commit_lookup")
            guard let out else { throw nullResult("git_commit_lookup") }
            parentObjects.append(out)
        }
        var parentPointers: [OpaquePointer?] = parentObjects.pointers
        let repo = self.repo
        let objects = try objectsDirectory()
        return try withSignature(author) { (authorSignature) throws(GitError) -> GitObjectID in
            try withSignature(committer) { (committerSignature) throws(GitError) -> GitObjectID in
                // libgit2 makes the commit's bytes (exactly what `git_commit_create` stores);
                // snapgate hashes, compresses and writes them (see LooseObjectWriter).
                var buffer = git_buf()
                defer { git_buf_dispose(&buffer) }
                let result = git_commit_create_buffer(
                    &buffer, repo, authorSignature, committerSignature, nil, message, treeObject.pointer,
                    parentPointers.count, &parentPointers)
                try check(result, "git_commit_create_buffer")
                guard let bytes = buffer.ptr else { throw nullResult("git_commit_create_buffer") }
                return try LooseObjectWriter.write(
                    UnsafeRawBufferPointer(start: bytes, count: buffer.size), kind: .commit, objects: objects)
            }
        }
    }

    /// Moves branch `name` to commit `new` if, and only if, it is still at `old` (`old == nil`:
    /// only if the branch does not exist yet): a compare-and-swap under git's lock file, safe
    /// against other instances and other processes, `git` included.
    ///
    /// When the lock file is held by another writer, retries a few times after short, jittered
    /// pauses (suspending, not blocking a thread). Succeeds without writing when the branch already
    /// points at `new`.
    ///
    /// - Throws: `.conflict` when the branch moved (or exists when `old` is `nil`, or vanished):
    ///   load it again and recompute. `.locked` when the lock stayed held. `.invalidArgument` for a
    ///   bad branch name.
    public func updateBranch(
        _ name: String, to new: GitObjectID, expecting old: GitObjectID?, reflogMessage: String
    ) async throws(GitError) {
        let referenceName = try branchReferenceName(name)
        var attempt = 0
        while true {
            let result = compareAndSwap(referenceName, to: new, expecting: old, reflogMessage: reflogMessage)
            guard let error = result else { return }
            switch error.code {
            case .locked where attempt < lockRetryDelaysMilliseconds.count:
                let base = lockRetryDelaysMilliseconds[attempt]
                attempt += 1
                let delay = UInt64.random(in: base...(base * 2)) * 1_000_000
                do {
                    try await Task.sleep(nanoseconds: delay)
                } catch {
                    throw GitError(
                        code: .locked, function: "git_reference_create_matching",
                        message: "cancelled while waiting for the lock on \(referenceName)")
                }
            case .locked:
                // A lock file nobody removes is left by a writer that died between taking the
                // lock and renaming it into place (git's own and ours): git does not take it over,
                // and neither does snapgate — another process may hold it — but says what to do.
                // libgit2's text ends in ": " when the system gave no reason.
                var reason = Substring(error.message)
                while reason.hasSuffix(":") || reason.hasSuffix(" ") { reason = reason.dropLast() }
                throw GitError(
                    code: .locked, function: error.function,
                    message: "\(referenceName) still locked after \(attempt + 1) attempts: \(reason); "
                        + "another git or snapgate process is updating it — if none is, one that was killed left "
                        + "\(referenceName).lock behind in the repository: remove that file and run again")
            case .conflict, .notFound:
                let current = try referenceTarget(referenceName)
                if current == new { return }
                if error.code == .notFound && current != nil { throw error }
                let expected = old.map { "at \($0.hex)" } ?? "absent"
                let actual = current.map { "at \($0.hex)" } ?? "absent"
                throw GitError(
                    code: .conflict, function: error.function,
                    message: "\(referenceName) expected \(expected) but is \(actual)")
            default:
                throw error
            }
        }
    }

    /// One attempt at the compare-and-swap; the error (read at once, on this thread) or `nil`.
    private func compareAndSwap(
        _ referenceName: String, to new: GitObjectID, expecting old: GitObjectID?, reflogMessage: String
    ) -> GitError? {
        var newOID = new.oid
        var out: OpaquePointer? = nil
        let result: Int32
        if let old {
            var oldOID = old.oid
            result = git_reference_create_matching(&out, repo, referenceName, &newOID, 1, &oldOID, reflogMessage)
        } else {
            result = git_reference_create_matching(&out, repo, referenceName, &newOID, 0, nil, reflogMessage)
        }
        let error = result < 0 ? makeError(result, "git_reference_create_matching") : nil
        if let out { git_reference_free(out) }
        return error
    }

    /// Runs `body` with a libgit2 copy of `signature`, freed afterwards.
    private func withSignature<R>(
        _ signature: GitSignature, _ body: (UnsafePointer<git_signature>) throws(GitError) -> R
    ) throws(GitError) -> R {
        var out: UnsafeMutablePointer<git_signature>? = nil
        let result = git_signature_new(
            &out, signature.name, signature.email, git_time_t(signature.time), Int32(signature.offsetMinutes))
        try check(result, "git_signature_new")
        guard let out else { throw nullResult("git_signature_new") }
        defer { git_signature_free(out) }
        return try body(out)
    }
}

/// Pauses before each retry of a locked reference update, in milliseconds (each doubled at
/// random at most): about half a second in all.
private let lockRetryDelaysMilliseconds: [UInt64] = [2, 5, 10, 20, 40, 80, 120]

/// Checks a tree path: relative, `/`-separated, no empty, `.` or `..` components, no NUL.
func validateTreePath(_ path: String) throws(GitError) {
    // One pass over the bytes, in place: this runs for every file of a commit (10,000 in a cold
    // reconcile), and iterating a `String.UTF8View` costs several times a buffer's loop.
    func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        var valid = true
        var componentLength = 0
        var componentDots = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "/"):
                valid = valid && componentLength > 0 && componentDots != componentLength
                componentLength = 0
                componentDots = 0
            case 0:
                valid = false
            default:
                componentLength += 1
                if byte == UInt8(ascii: ".") && componentLength <= 2 { componentDots += 1 }
            }
        }
        return valid && componentLength > 0 && componentDots != componentLength
    }
    let valid = path.utf8.withContiguousStorageIfAvailable { isValid($0) } ?? isValid(path.utf8)
    if !valid {
        throw GitError(
            code: .invalidArgument, function: "git_tree_create_updated", message: "not a valid tree path: '\(path)'")
    }
}

/// NUL-terminated copies of strings that stay valid as long as this object lives.
final class CStrings {
    private var storage: [UnsafeMutablePointer<CChar>] = []

    /// Copies `strings`.
    init(_ strings: [String]) {
        for string in strings {
            let bytes = string.utf8CString
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
            for (offset, byte) in bytes.enumerated() { (copy + offset).initialize(to: byte) }
            storage.append(copy)
        }
    }

    /// The copy of the string at `index`.
    subscript(index: Int) -> UnsafePointer<CChar> { UnsafePointer(storage[index]) }

    /// Runs `body` with a `git_strarray` over the copies, valid only during the call.
    func withStrArray<R>(_ body: (inout git_strarray) throws(GitError) -> R) throws(GitError) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = storage
        let count = pointers.count
        return try pointers.withUnsafeMutableBufferPointer { (buffer) throws(GitError) -> R in
            var array = git_strarray(strings: buffer.baseAddress, count: count)
            return try body(&array)
        }
    }

    deinit {
        for pointer in storage { pointer.deallocate() }
    }
}
