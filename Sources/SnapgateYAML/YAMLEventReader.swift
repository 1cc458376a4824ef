internal import CYAML

/// One libyaml event, copied into Swift values.
enum YAMLEvent {
    case streamStart
    case streamEnd
    case documentStart(YAMLMark)
    case documentEnd
    case sequenceStart(anchor: String?, mark: YAMLMark)
    case mappingStart(anchor: String?, mark: YAMLMark)
    case collectionEnd
    /// `isEmptyPlain` marks the empty plain scalar libyaml invents for a document with no content.
    case scalar(YAMLScalar, anchor: String?, mark: YAMLMark, isEmptyPlain: Bool)
    case alias(name: String, mark: YAMLMark)
}

/// The owner of one `yaml_parser_t` and the input bytes it reads.
///
/// libyaml keeps a pointer to the input across `yaml_parser_parse` calls, so the reader holds its
/// own copy of the bytes for as long as the parser lives.
final class YAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let path: String
    private var initialized = false

    init(bytes: [UInt8], path: String) {
        self.path = path
        parser = .allocate(capacity: 1)
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        if yaml_parser_initialize(parser) != 0 {
            initialized = true
            yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
        }
    }

    deinit {
        if initialized { yaml_parser_delete(parser) }
        parser.deallocate()
        input.deallocate()
    }

    /// The next event, or the error that stops the stream.
    func next() -> Result<YAMLEvent, YAMLError> {
        guard initialized else {
            return .failure(YAMLError(code: .syntax, path: path, mark: .none, message: "cannot create a YAML parser"))
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else { return .failure(currentError()) }
        defer { yaml_event_delete(&event) }
        let mark = YAMLMark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .success(.streamStart)
        case YAML_STREAM_END_EVENT:
            return .success(.streamEnd)
        case YAML_DOCUMENT_START_EVENT:
            return .success(.documentStart(mark))
        case YAML_DOCUMENT_END_EVENT:
            return .success(.documentEnd)
        case YAML_SEQUENCE_START_EVENT:
            return .success(.sequenceStart(anchor: Self.string(event.data.sequence_start.anchor), mark: mark))
        case YAML_MAPPING_START_EVENT:
            return .success(.mappingStart(anchor: Self.string(event.data.mapping_start.anchor), mark: mark))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return .success(.collectionEnd)
        case YAML_ALIAS_EVENT:
            return .success(.alias(name: Self.string(event.data.alias.anchor) ?? "", mark: mark))
        case YAML_SCALAR_EVENT:
            return .success(Self.scalarEvent(event, mark: mark))
        default:
            // YAML_NO_EVENT: libyaml only returns it after the stream has ended.
            return .success(.streamEnd)
        }
    }

    private static func scalarEvent(_ event: yaml_event_t, mark: YAMLMark) -> YAMLEvent {
        let s = event.data.scalar
        let bytes = UnsafeBufferPointer(start: s.value, count: s.value == nil ? 0 : s.length)
        let text = String(decoding: bytes, as: UTF8.self)
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
        return .scalar(
            YAMLScalar(text: text, kind: kind, style: style), anchor: string(s.anchor), mark: mark,
            isEmptyPlain: isEmptyPlain)
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
    private func currentError() -> YAMLError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown YAML error"
        switch p.error {
        case YAML_READER_ERROR:
            let mark = markOfByte(p.problem_offset)
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
    private func markOfByte(_ offset: Int) -> YAMLMark {
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
