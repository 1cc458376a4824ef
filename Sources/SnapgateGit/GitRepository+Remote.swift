internal import CLibGit2

// Talking to remotes: fetch and push. Credentials are not wired yet (local paths, `file://` and
// anonymous or pre-configured transports work).

extension GitRepository {
    /// Fetches from `remote`: `refspecs` when given, otherwise the remote's configured refspecs
    /// (updating `refs/remotes/<remote>/…`). Blocks the actor for the transfer.
    ///
    /// - Throws: `.notFound` for an unknown remote; `.network` or `.auth` when the transfer fails.
    public func fetch(remote: String, refspecs: [String] = [], reflogMessage: String? = nil) throws(GitError) {
        let repo = self.repo
        let handle = try make("git_remote_lookup", release: git_remote_free) { git_remote_lookup($0, repo, remote) }
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
        let specs = CStrings(refspecs)
        try specs.withStrArray { (array) throws(GitError) -> Void in
            let result = withUnsafePointer(to: &array) { arrayPointer in
                git_remote_fetch(handle.pointer, refspecs.isEmpty ? nil : arrayPointer, &options, reflogMessage)
            }
            try check(result, "git_remote_fetch")
        }
    }

    /// Pushes `refspecs` (for example `refs/heads/main:refs/heads/main`) to `remote`.
    ///
    /// - Throws: `.conflict` when the remote rejects an update or it is not a fast-forward (fetch,
    ///   recompute, push again); `.notFound` for an unknown remote; `.network` or `.auth` when the
    ///   transfer fails.
    public func push(remote: String, refspecs: [String]) throws(GitError) {
        let repo = self.repo
        let handle = try make("git_remote_lookup", release: git_remote_free) { git_remote_lookup($0, repo, remote) }
        var options = git_push_options()
        try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
        let rejections = PushRejections()
        options.callbacks.push_update_reference = recordPushStatus
        options.callbacks.payload = Unmanaged.passUnretained(rejections).toOpaque()
        let specs = CStrings(refspecs)
        try withExtendedLifetime(rejections) { () throws(GitError) -> Void in
            try specs.withStrArray { (array) throws(GitError) -> Void in
                try check(git_remote_push(handle.pointer, &array, &options), "git_remote_push")
            }
        }
        if !rejections.items.isEmpty {
            let list = rejections.items.map { "\($0.reference) (\($0.status))" }.joined(separator: ", ")
            throw GitError(code: .conflict, function: "git_remote_push", message: "remote rejected \(list)")
        }
    }
}

/// Reference updates a remote refused during one push. Lives for the duration of the push call,
/// touched only by the callback on the pushing thread.
private final class PushRejections {
    var items: [(reference: String, status: String)] = []
}

/// libgit2's per-reference push report: a non-NULL `status` is the remote's reason for refusing.
private func recordPushStatus(
    _ reference: UnsafePointer<CChar>?, _ status: UnsafePointer<CChar>?, _ payload: UnsafeMutableRawPointer?
) -> Int32 {
    guard let status, let payload else { return 0 }
    let rejections = Unmanaged<PushRejections>.fromOpaque(payload).takeUnretainedValue()
    rejections.items.append((reference.map { String(cString: $0) } ?? "?", String(cString: status)))
    return 0
}
