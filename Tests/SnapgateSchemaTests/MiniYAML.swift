import SnapgateYAML

/// A test-only reader for the small block-style YAML subset the tests use, so that cases can be
/// written as YAML text and positions asserted as line:column (the real parser lives in SnapgateYAML).
///
/// Supported: block mappings and sequences (`- key: value` items included), plain, single- and
/// double-quoted scalars (no escapes), `[]`, `{}`, flow lists of plain scalars, `#` comments.
/// Plain scalars resolve like YAML 1.1: `null`/`~`/empty, `true`/`false`/`yes`/`no`, integers, floats.
struct MiniYAML {
    private struct Line {
        var number: Int
        var indent: Int
        var text: Substring
    }

    private var lines: [Line] = []
    private var index = 0

    static func parse(_ text: String) -> YAMLNode {
        var reader = MiniYAML()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = stripComment(raw)
            let trimmed = content.drop(while: { $0 == " " })
            guard !trimmed.isEmpty, trimmed != "---" else { continue }
            var end = trimmed.endIndex
            while end > trimmed.startIndex, trimmed[trimmed.index(before: end)] == " " {
                end = trimmed.index(before: end)
            }
            reader.lines.append(Line(number: i + 1, indent: content.count - trimmed.count, text: trimmed[..<end]))
        }
        guard !reader.lines.isEmpty else { return .null(mark: YAMLMark(line: 1, column: 1)) }
        return reader.parseNode(indent: reader.lines[0].indent)
    }

    private static func stripComment(_ line: Substring) -> Substring {
        var quote: Character?
        var previous: Character = " "
        for i in line.indices {
            let c = line[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#", previous == " " {
                return line[..<i]
            }
            previous = c
        }
        return line
    }

    private static func isSequenceLine(_ text: Substring) -> Bool {
        text == "-" || text.hasPrefix("- ")
    }

    /// The key, the value text and the value's 0-based offset in `text`, for `key: value` / `key:`.
    private static func splitKey(_ text: Substring) -> (key: YAMLScalar, rest: Substring, offset: Int)? {
        var keyEnd = text.startIndex
        var key: YAMLScalar
        if let q = text.first, q == "\"" || q == "'" {
            guard let close = text.dropFirst().firstIndex(of: q) else { return nil }
            key = YAMLScalar(text: String(text[text.index(after: text.startIndex)..<close]), kind: .string)
            keyEnd = text.index(after: close)
            guard keyEnd < text.endIndex, text[keyEnd] == ":" else { return nil }
        } else {
            var i = text.startIndex
            while i < text.endIndex {
                if text[i] == ":", text.index(after: i) == text.endIndex || text[text.index(after: i)] == " " { break }
                i = text.index(after: i)
            }
            guard i < text.endIndex else { return nil }
            keyEnd = i
            key = YAMLScalar(text: String(text[..<i]), kind: .string)
        }
        let rest = text[text.index(after: keyEnd)...].drop(while: { $0 == " " })
        return (key, rest, text.distance(from: text.startIndex, to: rest.startIndex))
    }

    private mutating func parseNode(indent: Int) -> YAMLNode {
        let line = lines[index]
        if Self.isSequenceLine(line.text) { return parseSequence(indent: indent) }
        if Self.splitKey(line.text) != nil { return parseMapping(indent: indent) }
        index += 1
        return Self.scalar(line.text, mark: YAMLMark(line: line.number, column: indent + 1))
    }

    private mutating func parseSequence(indent: Int) -> YAMLNode {
        let mark = YAMLMark(line: lines[index].number, column: indent + 1)
        var items: [YAMLNode] = []
        while index < lines.count, lines[index].indent == indent, Self.isSequenceLine(lines[index].text) {
            let line = lines[index]
            let rest = line.text.dropFirst().drop(while: { $0 == " " })
            if rest.isEmpty {
                index += 1
                if index < lines.count, lines[index].indent > indent {
                    items.append(parseNode(indent: lines[index].indent))
                } else {
                    items.append(.null(mark: YAMLMark(line: line.number, column: indent + 2)))
                }
            } else {
                let offset = line.text.count - rest.count
                lines[index].indent = indent + offset
                lines[index].text = rest
                items.append(parseNode(indent: indent + offset))
            }
        }
        return .sequence(items, mark: mark)
    }

    private mutating func parseMapping(indent: Int) -> YAMLNode {
        let mark = YAMLMark(line: lines[index].number, column: indent + 1)
        var pairs: [YAMLPair] = []
        while index < lines.count, lines[index].indent == indent, !Self.isSequenceLine(lines[index].text),
            let (key, rest, offset) = Self.splitKey(lines[index].text)
        {
            let line = lines[index]
            let keyNode = YAMLNode(.scalar(key), mark: YAMLMark(line: line.number, column: indent + 1))
            index += 1
            let value: YAMLNode
            if !rest.isEmpty {
                value = Self.scalar(rest, mark: YAMLMark(line: line.number, column: indent + offset + 1))
            } else if index < lines.count,
                lines[index].indent > indent
                    || (lines[index].indent == indent && Self.isSequenceLine(lines[index].text))
            {
                value = parseNode(indent: lines[index].indent)
            } else {
                value = .null(mark: YAMLMark(line: line.number, column: indent + offset + 1))
            }
            pairs.append(YAMLPair(key: keyNode, value: value))
        }
        return YAMLNode(.mapping(pairs), mark: mark)
    }

    private static func scalar(_ text: Substring, mark: YAMLMark) -> YAMLNode {
        if let q = text.first, q == "\"" || q == "'", text.count >= 2, text.last == q {
            return YAMLNode(
                .scalar(YAMLScalar(text: String(text.dropFirst().dropLast()), kind: .string)), mark: mark)
        }
        if text == "[]" { return .sequence([], mark: mark) }
        if text == "{}" { return YAMLNode(.mapping([]), mark: mark) }
        if text.first == "[", text.last == "]" {
            var column = mark.column + 1
            var items: [YAMLNode] = []
            for part in text.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false) {
                let trimmed = part.drop(while: { $0 == " " })
                items.append(
                    scalar(trimmed, mark: YAMLMark(line: mark.line, column: column + part.count - trimmed.count)))
                column += part.count + 1
            }
            return .sequence(items, mark: mark)
        }
        return YAMLNode(.scalar(YAMLScalar(text: String(text), kind: resolve(text))), mark: mark)
    }

    private static func resolve(_ text: Substring) -> YAMLScalarKind {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no", "on", "off": return .bool
        default: break
        }
        let body = text.first == "-" || text.first == "+" ? text.dropFirst() : text
        if !body.isEmpty, body.allSatisfy(\.isASCIIDigitOrUnderscore) { return .int }
        if body.hasPrefix("0x"), body.count > 2 { return .int }
        if !body.isEmpty, body.contains("."), body.filter({ $0 != "." }).allSatisfy(\.isASCIIDigitOrUnderscore),
            body.filter({ $0 == "." }).count == 1, body != "."
        {
            return .float
        }
        if body == ".inf" || body == ".nan" { return .float }
        return .string
    }
}

extension Character {
    fileprivate var isASCIIDigitOrUnderscore: Bool { ("0"..."9").contains(self) || self == "_" }
}
