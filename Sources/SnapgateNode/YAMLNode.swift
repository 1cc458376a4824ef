/// A position in a YAML source text: 1-based line and column (columns count Unicode scalars).
///
/// `line == 0` means "no position" (a node built in code rather than parsed).
///
/// Stored as two 32-bit numbers (every node has a mark: this keeps a node at 32 bytes instead of
/// 40); numbers beyond 32 bits, which no input within `YAMLLimits` reaches, are clamped.
public struct YAMLMark: Sendable, Hashable, Comparable, CustomStringConvertible {
    private var storedLine: Int32
    private var storedColumn: Int32

    /// 1-based line number, or 0 when the node has no source position.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// 1-based column number, or 0 when the node has no source position.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// Creates a mark from 1-based line and column numbers.
    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// The mark of a node that was not read from a source text.
    public static let none = YAMLMark(line: 0, column: 0)

    public static func < (lhs: YAMLMark, rhs: YAMLMark) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    public var description: String { "\(line):\(column)" }
}

/// What a scalar means once YAML's implicit typing has been applied.
///
/// Plain (unquoted) scalars are resolved with YAML 1.1 rules, the rules libyaml and Kubernetes'
/// go-yaml follow (`yes`, `on`, `0755` and `1e3` are not strings there); quoted and block scalars
/// are always strings.
public enum YAMLScalarKind: String, Sendable, Hashable, CaseIterable {
    case string
    case int
    case float
    case bool
    case null
}

/// How a scalar was written in the source. Informational: equality ignores it.
public enum YAMLScalarStyle: Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}

/// A scalar value: its text exactly as YAML delivered it, and its resolved kind.
public struct YAMLScalar: Sendable, Hashable {
    /// The scalar's text after YAML unescaping (quotes removed, escapes decoded, folding applied).
    public var text: String
    /// The resolved type of the scalar.
    public var kind: YAMLScalarKind
    /// How the scalar was written in the source (`.plain` for scalars built in code).
    public var style: YAMLScalarStyle

    /// Creates a scalar; `style` is informational and defaults to plain.
    public init(text: String, kind: YAMLScalarKind, style: YAMLScalarStyle = .plain) {
        self.text = text
        self.kind = kind
        self.style = style
    }

    /// Scalars are equal when their text and resolved kind are equal; how they were written is
    /// irrelevant (`"a"` and `a` are the same string).
    public static func == (lhs: YAMLScalar, rhs: YAMLScalar) -> Bool {
        lhs.text == rhs.text && lhs.kind == rhs.kind
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(kind)
    }
}

/// One node of a YAML document: a scalar, a sequence or a mapping, with the position where it
/// starts in its source. Mappings keep their keys in source order.
///
/// Equality is semantic: positions and scalar styles are ignored, mapping order is not.
public struct YAMLNode: Sendable, Hashable {
    /// The content of a node.
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts in its source (`.none` for nodes built in code).
    public var mark: YAMLMark

    /// Creates a node.
    public init(_ content: Content, mark: YAMLMark = .none) {
        self.content = content
        self.mark = mark
    }

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.content == rhs.content
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(content)
    }
}

/// A key/value entry of a mapping node.
public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    /// Creates a mapping entry.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

extension YAMLNode {
    /// A string scalar node.
    public static func string(_ text: String, mark: YAMLMark = .none) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: text, kind: .string)), mark: mark)
    }

    /// A boolean scalar node (`true` / `false`).
    public static func bool(_ value: Bool, mark: YAMLMark = .none) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: value ? "true" : "false", kind: .bool)), mark: mark)
    }

    /// An integer scalar node in decimal.
    public static func int(_ value: Int, mark: YAMLMark = .none) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: String(value), kind: .int)), mark: mark)
    }

    /// The null scalar node.
    public static func null(mark: YAMLMark = .none) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: "null", kind: .null)), mark: mark)
    }

    /// A sequence node.
    public static func sequence(_ items: [YAMLNode], mark: YAMLMark = .none) -> YAMLNode {
        YAMLNode(.sequence(items), mark: mark)
    }

    /// A mapping node with string keys, in the given order.
    public static func mapping(_ entries: [(String, YAMLNode)], mark: YAMLMark = .none) -> YAMLNode {
        YAMLNode(.mapping(entries.map { YAMLPair(key: .string($0.0), value: $0.1) }), mark: mark)
    }

    /// The scalar this node holds, if it is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The text of a string scalar; nil for every other node (including non-string scalars).
    public var string: String? {
        if case .scalar(let s) = content, s.kind == .string { return s.text }
        return nil
    }

    /// True for the null scalar (`null`, `~`, or an empty value).
    public var isNull: Bool {
        if case .scalar(let s) = content, s.kind == .null { return true }
        return false
    }

    /// The items of a sequence node.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries of a mapping node.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value of the first entry whose key is the string `key`, for a mapping node.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        // Lengths first: a length is at hand, while comparing two different strings calls into
        // the runtime. This runs for every field read of every object.
        let length = key.utf8.count
        // By index, not `for pair in pairs`: that copies every pair scanned (four reference
        // counts each), and this runs over a million times in a cold reconcile of the benchmark.
        for index in pairs.indices where pairs[index].key.isScalar(key, kind: .string, utf8Count: length) {
            return pairs[index].value
        }
        return nil
    }

    /// Whether this is a scalar of `kind` with text `text`, whose UTF-8 length the caller has at
    /// hand (`utf8Count`): lengths are compared first, as most keys differ in length and comparing
    /// two different strings calls into the runtime. For loops over a mapping's keys.
    @inlinable @inline(__always)
    public func isScalar(_ text: String, kind: YAMLScalarKind, utf8Count: Int) -> Bool {
        guard case .scalar(let s) = content else { return false }
        return s.text.utf8.count == utf8Count && s.kind == kind && s.text == text
    }

    /// A short name for the node's type, for diagnostics: "string", "integer", "mapping", …
    public var typeDescription: String {
        switch content {
        case .scalar(let s):
            switch s.kind {
            case .string: return "string"
            case .int: return "integer"
            case .float: return "number"
            case .bool: return "boolean"
            case .null: return "null"
            }
        case .sequence: return "list"
        case .mapping: return "mapping"
        }
    }
}

/// One document of a YAML stream.
public struct YAMLDocument: Sendable {
    /// The document's root node, or nil for an empty document (`---` followed by nothing, or a
    /// file that holds only comments).
    public var root: YAMLNode?
    /// Where the document starts.
    public var mark: YAMLMark
    /// 0-based index of the document in its stream.
    public var index: Int

    /// Creates a document.
    public init(root: YAMLNode?, mark: YAMLMark, index: Int) {
        self.root = root
        self.mark = mark
        self.index = index
    }
}
