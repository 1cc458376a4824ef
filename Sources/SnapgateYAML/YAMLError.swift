/// Bounds that keep a hostile document from exhausting time or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes.
    public var maxInputBytes: Int
    /// Deepest nesting of sequences and mappings accepted.
    public var maxDepth: Int
    /// Most nodes that alias expansion may add to one document (a "billion laughs" document asks
    /// for billions; real manifests for a few hundred at most).
    public var maxAliasExpansion: Int

    /// Creates limits.
    public init(maxInputBytes: Int, maxDepth: Int, maxAliasExpansion: Int) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    /// Limits generous for any real Kubernetes manifest: 16 MiB (etcd stores at most 1.5 MiB per
    /// object), 128 levels, 100,000 nodes through aliases.
    public static let `default` = YAMLLimits(maxInputBytes: 16 << 20, maxDepth: 128, maxAliasExpansion: 100_000)
}

/// A YAML input that could not be read, with where and why.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Code: String, Sendable, Hashable {
        /// libyaml rejected the text (its problem text is in `message`).
        case syntax
        /// The input is larger than `YAMLLimits.maxInputBytes`.
        case inputTooLarge
        /// Nesting deeper than `YAMLLimits.maxDepth`.
        case tooDeep
        /// Alias expansion beyond `YAMLLimits.maxAliasExpansion`.
        case aliasExpansion
        /// An alias names an anchor that was never defined.
        case undefinedAlias
        /// A mapping holds the same key twice.
        case duplicateKey
        /// The input is not valid UTF-8 (or UTF-16 with a byte order mark).
        case encoding
    }

    /// What kind of failure this is.
    public var code: Code
    /// The file the text came from, relative to the repository root ("" when unknown).
    public var path: String
    /// Where the problem is (1-based; `.none` when the whole input is at fault).
    public var mark: YAMLMark
    /// What went wrong and, where it helps, what to do about it.
    public var message: String

    /// Creates an error.
    public init(code: Code, path: String, mark: YAMLMark, message: String) {
        self.code = code
        self.path = path
        self.mark = mark
        self.message = message
    }

    /// `path:line:column: message`, as a compiler prints it.
    public var description: String {
        let file = path.isEmpty ? "<input>" : path
        return mark.line > 0 ? "\(file):\(mark.line):\(mark.column): \(message)" : "\(file): \(message)"
    }
}
