import SnapgateYAML
import Testing

/// libyaml's problem text, positioned at its problem mark (1-based).
struct SyntaxErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { input.debugDescription }
    }

    static let cases = [
        Case(
            input: "a:\n\tb: 1\n", line: 2, column: 1,
            message: "found character that cannot start any token while scanning for the next token "
                + "that started at line 2 column 1"),
        Case(
            input: "a: \"unclosed\nb: 2\n", line: 3, column: 1,
            message: "found unexpected end of stream while scanning a quoted scalar that started at line 1 column 4"),
        Case(
            input: "a:\n  b: 1\n c: 2\n", line: 3, column: 2,
            message: "did not find expected key while parsing a block mapping that started at line 1 column 1"),
        Case(
            input: "key: value: other\n", line: 1, column: 11, message: "mapping values are not allowed in this context"
        ),
        Case(
            input: "a: 1\nb: [1, 2\n", line: 3, column: 1,
            message: "did not find expected ',' or ']' while parsing a flow sequence that started at line 2 column 4"),
        Case(
            input: "x:\n  - a\n  b: 1\n", line: 3, column: 3,
            message: "did not find expected '-' indicator while parsing a block collection "
                + "that started at line 2 column 3"),
    ]

    @Test(arguments: cases)
    func syntaxError(_ c: Case) throws {
        let stream = YAMLParser.parse(c.input)
        let error = try #require(stream.errors.first)
        #expect(stream.errors.count == 1)
        #expect(error.code == .syntax)
        #expect(error.mark == YAMLMark(line: c.line, column: c.column))
        #expect(error.message == c.message)
    }

    @Test func documentsBeforeASyntaxErrorAreKept() {
        let stream = YAMLParser.parse("a: 1\n---\nb: 2\n---\nc: [\n---\nd: 4\n")
        #expect(stream.documents.map(\.root) == [.mapping([("a", .int(1))]), .mapping([("b", .int(2))])])
        #expect(stream.errors.map(\.code) == [.syntax])
    }

    @Test func invalidUTF8IsAnEncodingError() throws {
        var bytes = Array("a: 1\nb: x".utf8)
        bytes.append(0xFF)
        bytes += Array("\n".utf8)
        let error = try #require(YAMLParser.parse(bytes).errors.first)
        #expect(error.code == .encoding)
        #expect(error.mark == YAMLMark(line: 2, column: 5))
        #expect(error.message.contains("invalid leading UTF-8 octet"))
    }
}
