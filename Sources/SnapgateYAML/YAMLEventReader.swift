internal import CYAML

/// Runs libyaml's event parser over one input and hands each event straight to a
/// `YAMLTreeBuilder`: no intermediate event values, and no copy of the input (the parser reads the
/// caller's bytes, which outlive it: both live only within `read`).
enum YAMLEventReader {
    /// Feeds every event of `bytes` to `builder` until the stream ends, an error ends it (recorded
    /// with `builder.end(with:)`), or the builder has seen enough.
    static func read(_ bytes: [UInt8], path: String, into builder: inout YAMLTreeBuilder) {
        // libyaml refuses a null input pointer, which an empty array may have.
        let input = bytes.isEmpty ? [0] : bytes
        input.withUnsafeBufferPointer { buffer in
            let text = UnsafeBufferPointer(rebasing: buffer[0..<bytes.count])
            // The parser must not move while it lives: libyaml keeps a pointer to it.
            withUnsafeTemporaryAllocation(of: yaml_parser_t.self, capacity: 1) { storage in
                let parser = storage.baseAddress!
                guard yaml_parser_initialize(parser) != 0 else {
                    builder.end(
                        with: YAMLError(code: .syntax, path: path, mark: .none, message: "cannot create a YAML parser"))
                    return
                }
                defer { yaml_parser_delete(parser) }
                yaml_parser_set_input_string(parser, buffer.baseAddress, bytes.count)
                var event = yaml_event_t()
                while true {
                    guard yaml_parser_parse(parser, &event) != 0 else {
                        builder.end(with: error(of: parser.pointee, input: text, path: path))
                        return
                    }
                    let more = deliver(&event, to: &builder)
                    yaml_event_delete(&event)
                    if !more || builder.isFinished { return }
                }
            }
        }
    }

    /// Hands one event to the builder; false at the end of the stream.
    private static func deliver(_ event: inout yaml_event_t, to builder: inout YAMLTreeBuilder) -> Bool {
        let mark = YAMLMark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            deliverScalar(&event, mark: mark, to: &builder)
        case YAML_MAPPING_START_EVENT:
            builder.startCollection(isMapping: true, anchor: string(event.data.mapping_start.anchor), mark: mark)
        case YAML_SEQUENCE_START_EVENT:
            builder.startCollection(isMapping: false, anchor: string(event.data.sequence_start.anchor), mark: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            builder.endCollection()
        case YAML_ALIAS_EVENT:
            builder.alias(string(event.data.alias.anchor) ?? "", mark: mark)
        case YAML_DOCUMENT_START_EVENT:
            builder.startDocument(mark)
        case YAML_DOCUMENT_END_EVENT:
            builder.endDocument()
        case YAML_STREAM_START_EVENT:
            break
        default:
            // YAML_STREAM_END_EVENT; YAML_NO_EVENT only comes after the stream has ended.
            return false
        }
        return true
    }

    private static func deliverScalar(_ event: inout yaml_event_t, mark: YAMLMark, to builder: inout YAMLTreeBuilder) {
        let s = event.data.scalar
        let bytes = UnsafeBufferPointer(start: s.value, count: s.value == nil ? 0 : s.length)
        let style: YAMLScalarStyle
        switch s.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        // Core-schema tags decide the kind; the non-specific `!` makes a string; other (custom) tags
        // are ignored, so the scalar resolves as if untagged.
        var kind: YAMLScalarKind = style == .plain ? YAMLScalarKind.resolve(plainBytes: bytes) : .string
        if let tag = s.tag {
            if let tagged = tagKind(tag) {
                kind = tagged
            } else if tag[0] == UInt8(ascii: "!"), tag[1] == 0 {
                kind = .string
            }
        }
        let isEmptyPlain = style == .plain && bytes.isEmpty && s.tag == nil && s.anchor == nil
        builder.scalar(
            YAMLScalar(
                text: CommonTexts.text(bytes) ?? String(decoding: bytes, as: UTF8.self), kind: kind, style: style),
            anchor: string(s.anchor), mark: mark, isEmptyPlain: isEmptyPlain)
    }

    /// The kind a `tag:yaml.org,2002:` tag names, nil for every other tag.
    private static func tagKind(_ tag: UnsafePointer<UInt8>) -> YAMLScalarKind? {
        let full = String(cString: tag)
        guard full.hasPrefix("tag:yaml.org,2002:") else { return nil }
        switch full.dropFirst(18) {
        case "str": return .string
        case "int": return .int
        case "float": return .float
        case "bool": return .bool
        case "null": return .null
        default: return nil
        }
    }

    private static func string(_ p: UnsafeMutablePointer<UInt8>?) -> String? {
        p.map { String(cString: $0) }
    }

    /// The parser's error as a `YAMLError`: problem text, then context and where it started.
    private static func error(of p: yaml_parser_t, input: UnsafeBufferPointer<UInt8>, path: String) -> YAMLError {
        let problem = p.problem.map { String(cString: $0) } ?? "unknown YAML error"
        switch p.error {
        case YAML_READER_ERROR:
            let mark = markOfByte(p.problem_offset, in: input)
            let value = p.problem_value >= 0 ? " (byte 0x\(String(p.problem_value, radix: 16)))" : ""
            return YAMLError(code: .encoding, path: path, mark: mark, message: problem + value)
        case YAML_MEMORY_ERROR:
            return YAMLError(code: .syntax, path: path, mark: .none, message: "out of memory while parsing YAML")
        default:
            var message = problem
            if let context = p.context.map({ String(cString: $0) }) {
                let c = p.context_mark
                message += " \(context) that started at line \(c.line + 1) column \(c.column + 1)"
            }
            let mark = YAMLMark(line: p.problem_mark.line + 1, column: p.problem_mark.column + 1)
            return YAMLError(code: .syntax, path: path, mark: mark, message: message)
        }
    }

    /// Line and column of a byte offset (reader errors give only the offset).
    private static func markOfByte(_ offset: Int, in input: UnsafeBufferPointer<UInt8>) -> YAMLMark {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, input.count)
        while i < end {
            let c = input[i]
            if c == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if c & 0xC0 != 0x80 {
                column += 1  // Count UTF-8 lead bytes only: columns count characters.
            }
            i += 1
        }
        return YAMLMark(line: line, column: column)
    }
}
