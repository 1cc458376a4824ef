/// A failed git operation: what kind of failure, which libgit2 function reported it, and why.
public struct GitError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure, coarse enough to decide what to do next.
    public enum Code: Sendable, Hashable {
        /// An object, reference, remote, path or repository does not exist.
        case notFound
        /// Someone else moved the reference first (or it exists when it should not): load again and
        /// recompute.
        case conflict
        /// A lock file is held by another writer: try the same operation again shortly.
        case locked
        /// The input is not acceptable (bad path, bad reference name, wrong object type, …).
        case invalidArgument
        /// A short id or revision matches more than one object.
        case ambiguous
        /// The remote refused the credentials or the certificate was not trusted.
        case auth
        /// The remote could not be reached or the transfer failed.
        case network
        /// Anything else: report it.
        case other
    }

    /// The kind of failure.
    public var code: Code
    /// The libgit2 function that failed (or the operation, for checks made in Swift).
    public var function: String
    /// libgit2's explanation, with credentials removed from any URL in it.
    public var message: String

    /// Creates an error; `message` is cleaned of credentials in URLs.
    public init(code: Code, function: String, message: String) {
        self.code = code
        self.function = function
        self.message = GitError.redactingCredentials(in: message)
    }

    /// Whether doing the work again can succeed: `.conflict` (load again and recompute) and
    /// `.locked` (retry the same step) are; everything else is terminal.
    public var isRetryable: Bool {
        switch code {
        case .conflict, .locked: true
        case .notFound, .invalidArgument, .ambiguous, .auth, .network, .other: false
        }
    }

    /// `function: message`, one line.
    public var description: String { "\(function): \(message)" }

    /// Removes the user-information part (`user:password@`) from every URL in `text`, so that a
    /// message can be logged or printed safely.
    public static func redactingCredentials(in text: String) -> String {
        guard text.contains("://") else { return text }
        var result = ""
        var rest = Substring(text)
        while let schemeEnd = rest.firstRange(of: "://") {
            result += rest[..<schemeEnd.upperBound]
            rest = rest[schemeEnd.upperBound...]
            let authorityEnd =
                rest.firstIndex { char in
                    char == "/" || char == "?" || char == "#" || char == "'" || char == "\"" || char.isWhitespace
                } ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                rest = rest[rest.index(after: at)...]
            }
        }
        result += rest
        return result
    }
}
