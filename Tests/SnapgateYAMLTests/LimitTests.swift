import SnapgateYAML
import Testing

struct LimitTests {
    /// Ten levels of ten aliases: 10^10 nodes if expanded.
    static let billionLaughs: String = {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        return text
    }()

    @Test func billionLaughsIsRefused() throws {
        let stream = YAMLParser.parse(Self.billionLaughs + "---\nnext: 1\n", path: "laughs.yaml")
        let error = try #require(stream.errors.first)
        #expect(stream.errors.count == 1)
        #expect(error.code == .aliasExpansion)
        #expect(error.path == "laughs.yaml")
        #expect(error.message.hasPrefix("alias expansion exceeds 100000 nodes"))
        #expect(error.message.hasSuffix("refusing to expand *a3"))
        #expect(error.mark.line == 5)
        // The next document is still read.
        #expect(stream.documents.map(\.index) == [1])
    }

    @Test func aliasesWithinTheLimitAreExpanded() throws {
        let limits = YAMLLimits(maxInputBytes: 1 << 20, maxDepth: 64, maxAliasExpansion: 1_000)
        let text = "a: &a [x, y, z]\nb: [*a, *a, *a]\n"  // 3 aliases × 4 nodes = 12
        #expect(YAMLParser.parse(text, limits: limits).errors.isEmpty)
        let tight = YAMLLimits(maxInputBytes: 1 << 20, maxDepth: 64, maxAliasExpansion: 11)
        let stream = YAMLParser.parse(text, limits: tight)
        #expect(stream.errors.map(\.code) == [.aliasExpansion])
        #expect(stream.errors.first?.mark == YAMLMark(line: 2, column: 13))
    }

    @Test func deepNestingIsRefused() throws {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let stream = YAMLParser.parse(text)
        let error = try #require(stream.errors.first)
        #expect(stream.errors.count == 1)
        #expect(error.code == .tooDeep)
        #expect(error.mark == YAMLMark(line: 1, column: 129))
        #expect(error.message == "nesting deeper than 128 levels")
        #expect(stream.documents.isEmpty)
    }

    @Test func unclosedDeepNestingIsRefused() {
        let stream = YAMLParser.parse(String(repeating: "[", count: 100_000))
        #expect(stream.errors.map(\.code) == [.tooDeep])
    }

    @Test func deepBlockNestingAtTheLimit() {
        let limits = YAMLLimits(maxInputBytes: 1 << 20, maxDepth: 3, maxAliasExpansion: 10)
        #expect(YAMLParser.parse("a:\n  b:\n    c: 1\n", limits: limits).errors.isEmpty)
        let stream = YAMLParser.parse("x: 1\n---\na:\n  b:\n    c: [1]\n---\nlater: 1\n", limits: limits)
        #expect(stream.errors.map(\.code) == [.tooDeep])
        #expect(stream.errors.first?.mark == YAMLMark(line: 5, column: 8))
        // Too deep ends the stream (see `YAMLParser`): the documents before it are kept.
        #expect(stream.documents.map(\.index) == [0])
    }

    @Test func bigInputIsRefusedUnread() throws {
        let limits = YAMLLimits(maxInputBytes: 100, maxDepth: 8, maxAliasExpansion: 10)
        let stream = YAMLParser.parse(Array(repeating: UInt8(ascii: "["), count: 101), path: "big.yaml", limits: limits)
        let error = try #require(stream.errors.first)
        #expect(error.code == .inputTooLarge)
        #expect(error.mark == .none)
        #expect(error.message.contains("101") && error.message.contains("100"))
        #expect(error.description == "big.yaml: \(error.message)")
        #expect(YAMLParser.parse(Array(repeating: UInt8(ascii: " "), count: 100), limits: limits).errors.isEmpty)
    }

    @Test func duplicateKeysDropTheirDocumentOnly() throws {
        let text = """
            metadata:
              name: a
              labels: {}
              name: b
            ---
            kind: Next
            """
        let stream = YAMLParser.parse(text)
        let error = try #require(stream.errors.first)
        #expect(error.code == .duplicateKey)
        #expect(error.mark == YAMLMark(line: 4, column: 3))
        #expect(error.message == "duplicate key \"name\" (first at line 2, column 3)")
        #expect(stream.documents.map(\.root) == [.mapping([("kind", .string("Next"))])])
        #expect(stream.documents.first?.index == 1)
    }

    @Test func duplicateKeysInLargeMappings() {
        var text = (0..<40).map { "k\($0): \($0)\n" }.joined()
        #expect(YAMLParser.parse(text).errors.isEmpty)
        text += "k17: again\n"
        let stream = YAMLParser.parse(text)
        #expect(stream.errors.map(\.code) == [.duplicateKey])
        #expect(stream.errors.first?.message == "duplicate key \"k17\" (first at line 18, column 1)")
        #expect(stream.errors.first?.mark == YAMLMark(line: 41, column: 1))
    }

    @Test func keysOfDifferentKindsAreDistinct() {
        #expect(YAMLParser.parse("1: a\n'1': b\ntrue: c\n'true': d\n").errors.isEmpty)
        #expect(YAMLParser.parse("1: a\n!!int '1': b\n").errors.map(\.code) == [.duplicateKey])
        #expect(YAMLParser.parse("a: 1\n\"a\": 2\n").errors.map(\.code) == [.duplicateKey])
    }
}
