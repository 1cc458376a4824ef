// STUB: replaced by the YAML layer implementation.

/// The documents read from one YAML text, and the problems found in it.
public struct YAMLStream: Sendable {
    /// Every document that was read completely and without error, in order.
    public var documents: [YAMLDocument]
    /// Problems: a syntax error ends the stream; limit and duplicate-key errors drop only their
    /// document.
    public var errors: [YAMLError]

    public init(documents: [YAMLDocument], errors: [YAMLError]) {
        self.documents = documents
        self.errors = errors
    }
}

/// Reads YAML text through libyaml into `YAMLNode` trees.
public enum YAMLParser {
    /// Parses every document of `bytes`. Never throws and never traps: problems come back in
    /// `YAMLStream.errors`, positioned, with `path` in each.
    public static func parse(_ bytes: [UInt8], path: String = "", limits: YAMLLimits = .default) -> YAMLStream {
        fatalError("stub")
    }
}
