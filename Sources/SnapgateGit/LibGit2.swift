internal import CLibGit2

// The one place that talks to libgit2's error machinery and owns its global initialisation.

/// `git_libgit2_init()` runs once per process, the first time any repository is opened. A global
/// `let` is initialised lazily and exactly once (the runtime uses `swift_once`). libgit2 is never
/// shut down: the process ends first.
///
/// Objects read are not hashed again to check their ids, as git does not either (only `git
/// fsck` does): a damaged object still fails to inflate (zlib's checksum), and re-hashing
/// every manifest costs a tenth of reading them.
private let libgit2InitResult: Int32 = {
    let result = git_libgit2_init()
    if result >= 0 { _ = snapgate_git_set_strict_hash_verification(0) }
    return result
}()

/// Makes sure libgit2 is initialised; throws if initialisation failed.
func ensureLibGit2() throws(GitError) {
    if libgit2InitResult < 0 {
        throw GitError(code: .other, function: "git_libgit2_init", message: lastErrorMessage(libgit2InitResult))
    }
}

/// Checks a libgit2 return code at once: negative means failure, described by `git_error_last()`,
/// which is thread-local, so this must run on the thread that made the call (it does: callers pass
/// the call's result straight in, inside synchronous actor methods).
@discardableResult
func check(_ result: Int32, _ function: String) throws(GitError) -> Int32 {
    guard result < 0 else { return result }
    throw makeError(result, function)
}

/// Builds the error for a failed call, reading `git_error_last()` on the current thread.
func makeError(_ result: Int32, _ function: String) -> GitError {
    var klass: Int32 = 0
    if let last = git_error_last() {
        klass = last.pointee.klass
    }
    return GitError(code: errorCode(result, klass: klass), function: function, message: lastErrorMessage(result))
}

/// libgit2's message for the last failure on this thread, or the bare code when there is none.
private func lastErrorMessage(_ result: Int32) -> String {
    if let last = git_error_last(), let message = last.pointee.message {
        return String(cString: message)
    }
    return "libgit2 returned \(result)"
}

/// Classifies a libgit2 return code (and, for generic failures, its error class).
func errorCode(_ result: Int32, klass: Int32) -> GitError.Code {
    switch git_error_code(result) {
    case GIT_ENOTFOUND: return .notFound
    case GIT_EEXISTS, GIT_EMODIFIED, GIT_ENONFASTFORWARD: return .conflict
    case GIT_ELOCKED: return .locked
    case GIT_EAMBIGUOUS: return .ambiguous
    case GIT_EAUTH, GIT_ECERTIFICATE: return .auth
    case GIT_EUNBORNBRANCH: return .notFound
    case GIT_EINVALIDSPEC, GIT_EINVALID, GIT_EDIRECTORY, GIT_EBAREREPO, GIT_EPEEL:
        return .invalidArgument
    default:
        switch git_error_t(UInt32(bitPattern: klass)) {
        case GIT_ERROR_NET, GIT_ERROR_SSL, GIT_ERROR_SSH, GIT_ERROR_HTTP: return .network
        default: return .other
        }
    }
}

/// The error for a C out-parameter that is NULL although the call reported success.
func nullResult(_ function: String) -> GitError {
    GitError(code: .other, function: function, message: "returned success but no object")
}

// MARK: - Object ids

extension GitObjectID {
    /// Copies a libgit2 object id.
    init(_ oid: git_oid) {
        let bytes = withUnsafeBytes(of: oid.id) { Array($0) }
        self.init(rawBytes: bytes)
    }

    /// Copies the id a libgit2 pointer refers to; `nil` when the pointer is NULL.
    init?(_ pointer: UnsafePointer<git_oid>?) {
        guard let pointer else { return nil }
        self.init(pointer.pointee)
    }

    /// The libgit2 representation.
    var oid: git_oid {
        var oid = git_oid()
        let raw = bytes
        withUnsafeMutableBytes(of: &oid.id) { buffer in
            buffer.copyBytes(from: raw)
        }
        return oid
    }
}

// MARK: - Ownership of short-lived C objects

/// Sole owner of one libgit2 object, freed when the value goes away. Keep it local and
/// non-optional; copy what you need into Swift values before it ends.
struct Owned: ~Copyable {
    /// The C object.
    let pointer: OpaquePointer
    private let release: @convention(c) (OpaquePointer?) -> Void

    /// Takes ownership of `pointer`; `release` frees it.
    init(_ pointer: OpaquePointer, release: @convention(c) (OpaquePointer?) -> Void) {
        self.pointer = pointer
        self.release = release
    }

    deinit { release(pointer) }
}

/// Sole owner of several libgit2 objects of one kind (for example a commit's parents, which
/// `git_commit_create` takes as an array), freed together.
final class OwnedList {
    /// The C objects, in order.
    private(set) var pointers: [OpaquePointer] = []
    private let release: @convention(c) (OpaquePointer?) -> Void

    /// An empty list whose members `release` frees.
    init(release: @convention(c) (OpaquePointer?) -> Void) {
        self.release = release
    }

    /// Takes ownership of `pointer`.
    func append(_ pointer: OpaquePointer) {
        pointers.append(pointer)
    }

    deinit {
        for pointer in pointers { release(pointer) }
    }
}

/// Calls a libgit2 constructor that returns an object through an out-parameter, checks it, and
/// hands back the owned object. `function` names the C function for the error.
func make(
    _ function: String,
    release: @convention(c) (OpaquePointer?) -> Void,
    _ call: (UnsafeMutablePointer<OpaquePointer?>) -> Int32
) throws(GitError) -> Owned {
    var out: OpaquePointer? = nil
    try check(call(&out), function)
    guard let out else { throw nullResult(function) }
    return Owned(out, release: release)
}

/// Like `make`, but runs `body` with the object and returns its result, or `nil` without calling
/// `body` when libgit2 reports `GIT_ENOTFOUND`.
func withObjectIfPresent<R>(
    _ function: String,
    release: @convention(c) (OpaquePointer?) -> Void,
    _ call: (UnsafeMutablePointer<OpaquePointer?>) -> Int32,
    body: (borrowing Owned) throws(GitError) -> R
) throws(GitError) -> R? {
    var out: OpaquePointer? = nil
    let result = call(&out)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result, function)
    guard let out else { throw nullResult(function) }
    let owned = Owned(out, release: release)
    return try body(owned)
}
