import SnapgateNode
import Testing

@Suite struct JSONValueTests {
    @Test func compactTextEscapesAsGoDoes() {
        let value = JSONValue.object([
            ("message", .string("a \"b\" <c> & d\n\u{01}")), ("status", .string("success")), ("n", .int(-3)),
            ("ok", .bool(true)), ("none", .null), ("list", .array([])), ("empty", .object([])),
        ])
        #expect(
            value.compactText
                == #"{"message":"a \"b\" \u003cc\u003e \u0026 d\n\u0001","status":"success","n":-3,"ok":true,"none":null,"list":[],"empty":{}}"#
        )
    }

    /// Strings without anything to escape are copied whole; the rest escape as before, including
    /// the line and paragraph separators (whose lead byte other characters share).
    @Test(arguments: [
        ("plain ascii", #""plain ascii""#), ("é 😀 ünïcode", #""é 😀 ünïcode""#), ("€ and ─", #""€ and ─""#),
        ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#), ("€<\u{7f}\u{1f}", "\"€\\u003c\u{7f}\\u001f\""),
        ("", #""""#),
    ])
    func stringsEscapeOnlyWhatGoEscapes(_ text: String, _ expected: String) {
        #expect(JSONValue.string(text).compactText == expected)
    }

    @Test func prettyText() {
        let value = JSONValue.object([("a", .array([.int(1), .int(2)])), ("b", .object([("c", .string("d"))]))])
        #expect(value.prettyText == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\n    \"c\": \"d\"\n  }\n}")
    }
}

@Suite struct JSONParsingTests {
    @Test func parsesWhatItWrites() throws {
        let value = JSONValue.object([
            ("scenario", .string("a \"q\" é 😀\n")), ("n", .int(-12)), ("f", .double(1.5)), ("b", .bool(false)),
            ("list", .array([.null, .object([])])),
        ])
        #expect(try JSONValue.parse(value.compactText) == value)
        #expect(try JSONValue.parse(value.prettyText) == value)
    }

    @Test func rejectsBrokenJSONWithAnOffset() {
        #expect(throws: JSONReader.Failure.self) { try JSONValue.parse("{\"a\": }") }
        #expect(throws: JSONReader.Failure.self) { try JSONValue.parse("[1, 2") }
        #expect(throws: JSONReader.Failure.self) { try JSONValue.parse("{} x") }
        do {
            _ = try JSONValue.parse("[1, tru]")
            Issue.record("parsed")
        } catch {
            #expect(error.offset == 7)
        }
    }
}
