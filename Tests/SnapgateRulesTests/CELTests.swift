import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// One expression and what it yields: a value, or an error whose text contains `error`.
struct CELCase: Sendable, CustomTestStringConvertible {
    var expression: String
    var value: CELValue?
    var error: String?

    init(_ expression: String, _ value: CELValue) {
        self.expression = expression
        self.value = value
    }

    init(_ expression: String, error: String) {
        self.expression = expression
        self.error = error
    }

    var testDescription: String { expression }
}

/// SPEC.md §5.2: "evaluate it as a CEL expression (must return bool; compile/eval error aborts the
/// whole step with an error). Variables: `snapshot` (the Snapshot as a JSON map …), `now`
/// (timestamp, UTC). Functions: `updatedComponentIs(string) -> bool` …, `shouldRelease() -> bool`."
@Suite struct CELTests {
    static let document = Fixture.snapshot(
        "shop-1", components: [(name: "web", image: Fixture.image("quay.io/org/web"))],
        labels: ["appstudio.openshift.io/component": "web", "test.appstudio.openshift.io/type": "component"],
        annotations: ["test.appstudio.openshift.io/pipelinerunstarttime": "1762693445123"]
    )
    .setting(path: ["metadata", "creationTimestamp"], to: .string("2025-11-09T12:00:00Z"))

    static let variables: [String: CELValue] = [
        "snapshot": CELValue(document), "now": .timestamp(Fixture.now),
    ]

    static let functions: [String: CELFunction] = [
        "updatedComponentIs": CELFunction(arity: 1) { arguments in
            guard case .string(let name) = arguments[0] else { return nil }
            return .bool(name == "web")
        },
        "shouldRelease": CELFunction(arity: 0) { _ in .bool(true) },
    ]

    static let cases: [CELCase] = [
        // Literals
        CELCase("true", .bool(true)),
        CELCase("null == null", .bool(true)),
        CELCase("'it''s'", error: "syntax error: unexpected literal at column 5"),
        CELCase(#""a\tb\u00e9\x41\101" == 'a\tbéAA'"#, .bool(true)),
        CELCase("r'\\d+' == '\\\\d+'", .bool(true)),
        CELCase("'''multi 'quoted' text'''.size()", .int(19)),
        CELCase("0x1F + 1", .int(32)),
        CELCase("2.5e1 == 25.0", .bool(true)),
        CELCase("7u", .uint(7)),
        CELCase("-3 < 2", .bool(true)),
        // Selection and indexing of the Snapshot document
        CELCase("snapshot.metadata.name", .string("shop-1")),
        CELCase("snapshot.metadata.labels['appstudio.openshift.io/component'] == 'web'", .bool(true)),
        CELCase("snapshot.spec.components[0].name", .string("web")),
        CELCase("snapshot.spec.components.size() == 1", .bool(true)),
        CELCase("size(snapshot.metadata.labels)", .int(2)),
        CELCase("has(snapshot.metadata.labels)", .bool(true)),
        CELCase("has(snapshot.metadata.annotations.missing)", .bool(false)),
        CELCase("'web' in snapshot.spec.components.map(c, c.name)", .bool(true)),
        CELCase("'appstudio.openshift.io/component' in snapshot.metadata.labels", .bool(true)),
        CELCase("snapshot.spec.components.exists(c, c.containerImage.startsWith('quay.io/org/'))", .bool(true)),
        CELCase("snapshot.spec.components.all(c, c.name.endsWith('b'))", .bool(true)),
        CELCase("snapshot.spec.components.filter(c, c.name == 'api').size()", .int(0)),
        CELCase("snapshot.spec.components.exists_one(c, c.name.contains('e'))", .bool(true)),
        CELCase("snapshot.metadata.name.matches('^shop-[0-9]+$')", .bool(true)),
        CELCase("snapshot.metadata.name.matches('op')", .bool(true)),
        CELCase(
            "int(snapshot.metadata.annotations['test.appstudio.openshift.io/pipelinerunstarttime']) > 0", .bool(true)),
        // Host functions
        CELCase("updatedComponentIs('web') && shouldRelease()", .bool(true)),
        CELCase("updatedComponentIs('api') || !shouldRelease()", .bool(false)),
        // Time
        CELCase("now > timestamp('2025-01-01T00:00:00Z')", .bool(true)),
        CELCase("now - timestamp(snapshot.metadata.creationTimestamp) > duration('1h')", .bool(true)),
        CELCase("now - timestamp(snapshot.metadata.creationTimestamp) > duration('2h')", .bool(false)),
        CELCase(
            "timestamp('2025-11-09T13:12:00Z') + duration('30m') == timestamp('2025-11-09T13:42:00Z')", .bool(true)),
        CELCase("string(duration('90m'))", .string("5400s")),
        // Operators
        CELCase("1 + 2 * 3 == 7 && 7 % 4 == 3 && 10 / 3 == 3", .bool(true)),
        CELCase("1 == 1.0", .bool(true)),
        CELCase("1 == 'a'", .bool(false)),
        CELCase("[1, 2] + [3] == [1, 2, 3]", .bool(true)),
        CELCase("{'a': 1}['a'] == 1", .bool(true)),
        CELCase("'a' + 'b' < 'b'", .bool(true)),
        CELCase("snapshot.metadata.name == 'x' ? 1 : 2", .int(2)),
        CELCase("!(1 > 2) && (false || true)", .bool(true)),
        // CEL's commutative error absorption
        CELCase("false && snapshot.metadata.labels['nope'] == 'x'", .bool(false)),
        CELCase("snapshot.metadata.labels['nope'] == 'x' || true", .bool(true)),
        // Errors, with their positions
        CELCase("snapshot.metadata.labels['nope'] == 'x'", error: "no such key: 'nope' at column 25"),
        CELCase("snapshot.metadata.nope", error: "no such key: 'nope' at column 19"),
        CELCase("foo == 1", error: "undeclared reference to 'foo' at column 1"),
        CELCase("true && bar()", error: "undeclared reference to function 'bar' at column 9"),
        CELCase("'a'.upper()", error: "undeclared reference to method 'upper' at column 5"),
        CELCase("1 < 'a'", error: "no matching overload for '_<_' applied to (int, string) at column 3"),
        CELCase(
            "'a'.startsWith(1)", error: "no matching overload for 'startsWith' applied to (string, int) at column 5"),
        CELCase("updatedComponentIs(1)", error: "no matching overload for 'updatedComponentIs' applied to (int)"),
        CELCase("1 / 0", error: "division by zero at column 3"),
        CELCase("9223372036854775807 + 1", error: "integer overflow at column 21"),
        CELCase("[1][3]", error: "index out of range: 3 at column 4"),
        CELCase("!'a'", error: "no matching overload for '!_' applied to (string) at column 1"),
        CELCase("1 ? true : false", error: "the condition of '?:' must be a bool at column 3"),
        CELCase("(true", error: "syntax error: missing ')' at column 6"),
        CELCase("true &&", error: "syntax error: unexpected end of expression at column 8"),
        CELCase("a.b.", error: "syntax error: unexpected end of expression at column 5"),
        CELCase("'open", error: "unterminated string literal at column 1"),
        CELCase("'\\q'", error: "invalid escape sequence '\\q' at column 2"),
        CELCase("1 # 2", error: "unexpected character '#' at column 3"),
        CELCase("if", error: "reserved identifier 'if' at column 1"),
        CELCase("b'x'", error: "bytes literals are not supported at column 1"),
        CELCase("has(snapshot)", error: "invalid argument to has() macro at column 1"),
        CELCase("timestamp('yesterday')", error: "timestamp: cannot parse 'yesterday' as an RFC 3339 date-time"),
        CELCase("true &&\n  nope", error: "undeclared reference to 'nope' at line 2, column 3"),
        CELCase("'x'.matches('(')", error: "invalid regular expression '(' at column 5"),
    ]

    @Test(arguments: cases)
    func evaluates(_ row: CELCase) {
        do {
            let program = try CELProgram(row.expression)
            let value = try program.evaluate(variables: Self.variables, functions: Self.functions)
            if let expected = row.value {
                #expect(value == expected)
            } else {
                Issue.record("expected error '\(row.error ?? "")', got \(value)")
            }
        } catch {
            if let expected = row.error {
                #expect(error.description.contains(expected), "\(error)")
            } else {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    /// "must return bool".
    @Test func conditionMustBeBool() {
        #expect(throws: CELError("the expression must return a bool, not string", column: 1)) {
            try CELProgram("'yes'").evaluateCondition(variables: [:], functions: [:])
        }
    }

    /// Deep nesting is an error, not a stack overflow.
    @Test func deepNestingIsAnError() {
        let text = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        #expect(throws: CELError.self) { try CELProgram(text) }
    }

    /// The document becomes a JSON-like map with typed scalars.
    @Test func documentsBecomeMaps() {
        let node = YAMLNode.mapping([
            ("n", .int(3)), ("b", .bool(true)), ("s", .string("x")), ("l", .sequence([.null()])),
        ])
        #expect(
            CELValue(node) == .map(["n": .int(3), "b": .bool(true), "s": .string("x"), "l": .list([.null])]))
    }
}
