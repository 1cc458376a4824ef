import SnapgateModel
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

    @Test func prettyText() {
        let value = JSONValue.object([("a", .array([.int(1), .int(2)])), ("b", .object([("c", .string("d"))]))])
        #expect(value.prettyText == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\n    \"c\": \"d\"\n  }\n}")
    }
}
