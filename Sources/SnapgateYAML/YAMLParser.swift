/// The documents read from one YAML text, and the problems found in it.
public struct YAMLStream: Sendable {
    /// Every document that was read completely and without error, in order.
    public var documents: [YAMLDocument]
    /// Problems: a syntax or encoding error, or too deep a nesting, ends the stream; alias
    /// expansion, duplicate keys, undefined aliases and bad merge values drop only their document.
    public var errors: [YAMLError]

    /// Creates a stream.
    public init(documents: [YAMLDocument], errors: [YAMLError]) {
        self.documents = documents
        self.errors = errors
    }
}

/// Reads YAML text through libyaml into `YAMLNode` trees.
///
/// - An empty input, or one with only whitespace and comments, has no documents; `---` followed
///   by nothing is one document whose root is nil.
/// - Plain scalars are typed by `YAMLScalarKind.resolve(plain:)`; `!!str`, `!!int`, `!!float`,
///   `!!bool` and `!!null` tags override it, other tags are ignored.
/// - Aliases are expanded into copies of their anchored node (the copy carries the alias's mark);
///   `<<` merge keys are applied.
/// - Errors that concern one document (alias expansion, duplicate keys, undefined aliases, bad
///   merge values) drop that document and parsing goes on. A libyaml error, and nesting deeper
///   than `YAMLLimits.maxDepth`, end the stream, keeping the documents completed before it (past
///   the depth limit libyaml itself slows down quadratically, so it is not asked to skip ahead).
public enum YAMLParser {
    /// Parses every document of `bytes`. Never throws and never traps: problems come back in
    /// `YAMLStream.errors`, positioned, with `path` in each.
    public static func parse(_ bytes: [UInt8], path: String = "", limits: YAMLLimits = .default) -> YAMLStream {
        guard bytes.count <= limits.maxInputBytes else {
            let message = "input is \(bytes.count) bytes, more than the limit of \(limits.maxInputBytes) bytes"
            return YAMLStream(
                documents: [], errors: [YAMLError(code: .inputTooLarge, path: path, mark: .none, message: message)])
        }
        var builder = YAMLTreeBuilder(path: path, limits: limits)
        YAMLEventReader.read(bytes, path: path, into: &builder)
        return builder.stream
    }

    /// Parses every document of a string (see `parse(_:path:limits:)`).
    public static func parse(_ text: String, path: String = "", limits: YAMLLimits = .default) -> YAMLStream {
        parse(Array(text.utf8), path: path, limits: limits)
    }
}
