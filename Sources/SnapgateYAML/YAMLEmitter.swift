/// Writes `YAMLNode` trees as canonical YAML text.
///
/// Block style with 2-space indentation; sequences under a mapping key are indented; empty
/// collections are `{}` and `[]`. Scalars are plain when a YAML 1.1 reader reads them back
/// unchanged, literal blocks (`|`, `|-`, `|+`) for multi-line text, double-quoted otherwise; a
/// typed scalar whose text does not resolve to its kind is written with its tag (`!!int "abc"`),
/// and a null with empty text as `null`. So `YAMLParser.parse` of the output equals the input
/// (after `canonicalized()` for `.canonical` order), and emitting is idempotent.
public enum YAMLEmitter {
    /// How mapping keys are ordered in the output.
    public enum KeyOrder: Sendable {
        /// At every level: `apiVersion, kind, metadata, spec, status` first, then the other keys
        /// sorted by text (UTF-8 byte order), then non-scalar keys.
        case canonical
        /// As they are in the node.
        case preserve
    }

    /// The YAML text of one document (no `---` line), ending in a newline.
    public static func emit(_ node: YAMLNode, keyOrder: KeyOrder = .canonical) -> String {
        String(decoding: emitBytes(node, keyOrder: keyOrder), as: UTF8.self)
    }

    /// `emit(_:keyOrder:)` as UTF-8 bytes, for a caller that writes them to a file (no copy).
    public static func emitBytes(_ node: YAMLNode, keyOrder: KeyOrder = .canonical) -> [UInt8] {
        var writer = YAMLWriter(keyOrder: keyOrder)
        writer.writeDocument(node)
        // An exact-size copy: the buffer grew by doubling, and a pass keeps thousands of these.
        return Array(unsafeUninitializedCapacity: writer.out.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: writer.out)
        }
    }

    /// Several documents, each started by a `---` line.
    public static func emit(documents: [YAMLNode], keyOrder: KeyOrder = .canonical) -> String {
        var writer = YAMLWriter(keyOrder: keyOrder)
        for node in documents {
            writer.out.append(contentsOf: "---\n".utf8)
            writer.writeDocument(node)
        }
        return writer.text
    }
}

/// The emitter's output buffer and block-layout rules. Recursion follows the node tree (parsed
/// trees are at most `YAMLLimits.maxDepth` deep).
struct YAMLWriter {
    let keyOrder: YAMLEmitter.KeyOrder
    var out: [UInt8] = []

    /// Longest key written inline: libyaml refuses simple keys longer than 1024 characters.
    private static let maxInlineKeyBytes = 1000

    init(keyOrder: YAMLEmitter.KeyOrder) {
        self.keyOrder = keyOrder
        out.reserveCapacity(1024)
    }

    var text: String { String(decoding: out, as: UTF8.self) }

    mutating func writeDocument(_ node: YAMLNode) {
        if case .scalar(let s) = node.content {
            // A root literal block is indented too: its lines could otherwise read as `---`.
            writeScalar(s, indent: 2, allowBlock: true)
            newline()
        } else {
            writeCompact(node, indent: 0, first: false)
        }
    }

    /// Writes `node` where its first line is already started (after `- ` or `? `) at column
    /// `indent`, or at the start of a line when `first` is false; ends with a newline.
    private mutating func writeCompact(_ node: YAMLNode, indent: Int, first: Bool) {
        switch node.content {
        case .scalar(let s):
            writeScalar(s, indent: indent, allowBlock: true)
            newline()
        case .sequence(let items) where items.isEmpty:
            out.append(contentsOf: "[]\n".utf8)
        case .mapping(let pairs) where pairs.isEmpty:
            out.append(contentsOf: "{}\n".utf8)
        case .sequence(let items):
            for (i, item) in items.enumerated() {
                if i > 0 || !first { spaces(indent) }
                out.append(contentsOf: "- ".utf8)
                writeCompact(item, indent: indent + 2, first: true)
            }
        case .mapping(let pairs):
            // Indices rather than a sorted copy: no pair is copied (and retained) to be written.
            // Only the document's root mapping starts at column 0.
            let order = keyOrder == .canonical ? YAMLCanonicalOrder.order(of: pairs, root: indent == 0) : nil
            for i in pairs.indices {
                if i > 0 || !first { spaces(indent) }
                writeEntry(pairs[order?[i] ?? i], indent: indent)
            }
        }
    }

    /// One mapping entry, its key at column `indent` (already positioned).
    private mutating func writeEntry(_ pair: YAMLPair, indent: Int) {
        if case .scalar(let key) = pair.key.content {
            let start = out.count
            writeScalar(key, indent: indent, allowBlock: false)
            if out.count - start <= Self.maxInlineKeyBytes {
                out.append(UInt8(ascii: ":"))
                writeValue(pair.value, indent: indent)
                return
            }
            // Too long for a simple key: use the explicit `? key` form.
            out.insert(contentsOf: "? ".utf8, at: start)
            newline()
        } else {
            out.append(contentsOf: "? ".utf8)
            writeCompact(pair.key, indent: indent + 2, first: true)
        }
        spaces(indent)
        out.append(UInt8(ascii: ":"))
        writeValue(pair.value, indent: indent)
    }

    /// A mapping value after `key:` (key at column `indent`); ends with a newline.
    private mutating func writeValue(_ node: YAMLNode, indent: Int) {
        switch node.content {
        case .scalar(let s):
            out.append(UInt8(ascii: " "))
            writeScalar(s, indent: indent + 2, allowBlock: true)
            newline()
        case .sequence(let items) where items.isEmpty:
            out.append(contentsOf: " []\n".utf8)
        case .mapping(let pairs) where pairs.isEmpty:
            out.append(contentsOf: " {}\n".utf8)
        case .sequence, .mapping:
            newline()
            writeCompact(node, indent: indent + 2, first: false)
        }
    }

    /// A scalar on the current line; a literal block's lines are indented to `indent`. No newline
    /// after it.
    private mutating func writeScalar(_ scalar: YAMLScalar, indent: Int, allowBlock: Bool) {
        // One look at the text's bytes both chooses the form and writes it.
        var text = scalar.text
        text.withUTF8 { bytes in
            switch YAMLScalarStyleChooser.form(of: bytes, kind: scalar.kind, allowBlock: allowBlock) {
            case .plain:
                if bytes.isEmpty { out.append(contentsOf: "null".utf8) } else { out.append(contentsOf: bytes) }
            case .doubleQuoted:
                writeDoubleQuoted(bytes)
            case .taggedQuoted:
                out.append(contentsOf: "!!".utf8)
                out.append(contentsOf: scalar.kind.rawValue.utf8)
                out.append(UInt8(ascii: " "))
                writeDoubleQuoted(bytes)
            case .literal:
                writeLiteral(bytes, indent: indent)
            }
        }
    }

    /// `|` with its chomping indicator (and an indentation indicator when the first line starts
    /// with white space, which would otherwise be read as indentation), then the lines.
    private mutating func writeLiteral(_ text: UnsafeBufferPointer<UInt8>, indent: Int) {
        var body = text[...]
        var trailingBreaks = 0
        while body.last == UInt8(ascii: "\n") {
            body = body.dropLast()
            trailingBreaks += 1
        }
        out.append(UInt8(ascii: "|"))
        let firstLine = body.drop { $0 == UInt8(ascii: "\n") }
        if let c = firstLine.first, c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") {
            out.append(UInt8(ascii: "2"))  // Content sits 2 columns right of its parent's indentation.
        }
        switch trailingBreaks {
        case 0: out.append(UInt8(ascii: "-"))
        case 1: break
        default: out.append(UInt8(ascii: "+"))
        }
        for line in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            newline()
            if !line.isEmpty {
                spaces(indent)
                out.append(contentsOf: line)
            }
        }
        for _ in 0..<max(trailingBreaks - 1, 0) { newline() }
    }

    /// `"text"` with YAML escapes for `"`, `\\`, control characters and the characters YAML
    /// treats as line breaks or byte order marks. Other characters are copied as UTF-8.
    private mutating func writeDoubleQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        out.append(UInt8(ascii: "\""))
        var i = 0
        while i < bytes.count {
            // Copy the run of bytes that need no escape at once.
            let start = i
            while i < bytes.count, Self.isVerbatim(bytes[i]) { i += 1 }
            if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            guard i < bytes.count else { break }
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case 0..<0x20, 0x7F: escape(UInt32(c), digits: 2, prefix: "\\x")
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] < 0xA0:  // U+0080…U+009F
                escape(UInt32(bytes[i + 1]), digits: 2, prefix: "\\x")
                i += 1
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] | 1) == 0xA9:
                escape(0x2000 | UInt32(bytes[i + 2] & 0x3F), digits: 4, prefix: "\\u")  // U+2028, U+2029
                i += 2
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
                escape(0xFEFF, digits: 4, prefix: "\\u")
                i += 2
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE:
                escape(0xFFC0 | UInt32(bytes[i + 2] & 0x3F), digits: 4, prefix: "\\u")  // U+FFFE, U+FFFF
                i += 2
            default:
                out.append(c)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A byte `writeDoubleQuoted` copies as it is, whatever follows: printable ASCII but `"` and
    /// `\\`. (UTF-8 lead and continuation bytes go through the escape switch.)
    private static func isVerbatim(_ c: UInt8) -> Bool {
        c >= 0x20 && c < 0x7F && c != UInt8(ascii: "\"") && c != UInt8(ascii: "\\")
    }

    private mutating func escape(_ value: UInt32, digits: Int, prefix: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        let hex = Array("0123456789ABCDEF".utf8)
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            out.append(hex[Int((value >> UInt32(shift)) & 0xF)])
        }
    }

    private mutating func newline() { out.append(UInt8(ascii: "\n")) }

    private mutating func spaces(_ n: Int) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n))
    }
}
