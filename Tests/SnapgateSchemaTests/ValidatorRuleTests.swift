import SnapgateSchema
import SnapgateYAML
import Testing

/// The generic OpenAPI rules, on small hand-made schemas.
struct ValidatorRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var spec: StructuralSchema
        var yaml: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let dns = SchemaPattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")

    static let cases: [Case] = [
        Case(
            name: "a string field holding an integer is a type error with the quoting hint",
            spec: .object(["application": .string()]),
            yaml: "spec:\n  application: 42",
            expected: [
                "6:16 error spec.application: Invalid value: \"integer\": spec.application in body must be of type "
                    + "string: \"integer\" (quote the value to make it a string)"
            ]),
        Case(
            name: "a string field holding a boolean gets the hint; a mapping does not",
            spec: .object(["a": .string(), "b": .string()]),
            yaml: "spec:\n  a: yes\n  b:\n    c: d",
            expected: [
                "6:6 error spec.a: Invalid value: \"boolean\": spec.a in body must be of type string: \"boolean\" "
                    + "(quote the value to make it a string)",
                "8:5 error spec.b: Invalid value: \"object\": spec.b in body must be of type string: \"object\"",
            ]),
        Case(
            name: "integers satisfy number; a float does not satisfy integer",
            spec: .object(["n": StructuralSchema(types: [.number]), "i": .integer()]),
            yaml: "spec:\n  n: 3\n  i: 2.5",
            expected: [
                "7:6 error spec.i: Invalid value: \"number\": spec.i in body must be of type integer: \"number\""
            ]),
        Case(
            name: "int-or-string accepts both and rejects a boolean",
            spec: .object([
                "a": StructuralSchema(intOrString: true), "b": StructuralSchema(intOrString: true),
                "c": StructuralSchema(intOrString: true),
            ]),
            yaml: "spec:\n  a: 8080\n  b: http\n  c: true",
            expected: [
                "8:6 error spec.c: Invalid value: \"boolean\": spec.c in body must be of type integer or string: "
                    + "\"boolean\" (quote the value to make it a string)"
            ]),
        Case(
            name: "required field missing is reported at the parent mapping",
            spec: .object(["resolverRef": .preservedObject, "x": .string()], required: ["resolverRef"]),
            yaml: "spec:\n  x: why",
            expected: ["6:3 error spec.resolverRef: Required value"]),
        Case(
            name: "a required field with a default is filled in by the API server",
            spec: .object(["days": StructuralSchema(types: [.integer], defaultValue: .int(7))], required: ["days"]),
            yaml: "spec:\n  other: 1",
            expected: ["6:3 warning spec.other: unknown field \"spec.other\""]),
        Case(
            name: "enum",
            spec: .object(["x": .string(enumValues: ["a", "b"])]),
            yaml: "spec:\n  x: foo",
            expected: ["6:6 error spec.x: Unsupported value: \"foo\": supported values: \"a\", \"b\""]),
        Case(
            name: "pattern",
            spec: .object(["application": .string(pattern: dns)]),
            yaml: "spec:\n  application: Foo_1",
            expected: [
                "6:16 error spec.application: Invalid value: \"Foo_1\": spec.application in body should match "
                    + "'^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'"
            ]),
        Case(
            name: "string lengths",
            spec: .object(["long": .string(maxLength: 3), "short": StructuralSchema(types: [.string], minLength: 1)]),
            yaml: "spec:\n  long: abcd\n  short: ''",
            expected: [
                "6:9 error spec.long: Too long: may not be more than 3 bytes",
                "7:10 error spec.short: Invalid value: \"\": spec.short in body should be at least 1 chars long",
            ]),
        Case(
            name: "numeric bounds",
            spec: .object([
                "a": .integer(minimum: 0),
                "b": StructuralSchema(types: [.integer], maximum: 10),
                "c": StructuralSchema(types: [.number], minimum: 1, exclusiveMinimum: true),
            ]),
            yaml: "spec:\n  a: -1\n  b: 11\n  c: 1",
            expected: [
                "6:6 error spec.a: Invalid value: -1: spec.a in body should be greater than or equal to 0",
                "7:6 error spec.b: Invalid value: 11: spec.b in body should be less than or equal to 10",
                "8:6 error spec.c: Invalid value: 1: spec.c in body should be greater than 1",
            ]),
        Case(
            name: "item counts",
            spec: .object([
                "few": StructuralSchema(types: [.array], items: .string(), minItems: 1),
                "many": StructuralSchema(types: [.array], items: .string(), maxItems: 1),
            ]),
            yaml: "spec:\n  few: []\n  many: [a, b]",
            expected: [
                "6:8 error spec.few: Invalid value: 0: spec.few in body should have at least 1 items",
                "7:9 error spec.many: Too many: 2: must have at most 1 items",
            ]),
        Case(
            name: "date-time format",
            spec: .object(["t": .string(format: "date-time"), "u": .string(format: "date-time")]),
            yaml: "spec:\n  t: '2024-02-30T10:00:00Z'\n  u: '2024-02-29T10:00:00.123+02:00'",
            expected: [
                "6:6 error spec.t: Invalid value: \"2024-02-30T10:00:00Z\": spec.t in body must be of type "
                    + "date-time: \"2024-02-30T10:00:00Z\""
            ]),
        Case(
            name: "unknown fields are warnings, not descended into",
            spec: .object(["known": .string()]),
            yaml: "spec:\n  known: a\n  foo:\n    bar: 1",
            expected: ["7:3 warning spec.foo: unknown field \"spec.foo\""]),
        Case(
            name: "preserve-unknown-fields and additionalProperties: true accept unknown fields",
            spec: .object([
                "data": .preservedObject,
                "free": StructuralSchema(types: [.object], additionalProperties: .allowed(true)),
            ]),
            yaml: "spec:\n  data:\n    anything: [1, 2]\n  free:\n    x: y",
            expected: []),
        Case(
            name: "additionalProperties schema applies to every value; map keys are bracketed",
            spec: .object(["env": .map(of: .string())]),
            yaml: "spec:\n  env:\n    A: x\n    B: 2",
            expected: [
                "8:8 error spec.env[B]: Invalid value: \"integer\": spec.env[B] in body must be of type string: "
                    + "\"integer\" (quote the value to make it a string)"
            ]),
        Case(
            name: "a null field is pruned: no type error, but required still applies",
            spec: .object(["params": .array(of: .string()), "name": .string()], required: ["name"]),
            yaml: "spec:\n  params:\n  name: ~",
            expected: ["6:3 error spec.name: Required value"]),
        Case(
            name: "nullable fields keep null; null list items are type errors",
            spec: .object(["n": StructuralSchema(types: [.string], nullable: true), "l": .array(of: .string())]),
            yaml: "spec:\n  n: null\n  l:\n  - a\n  -",
            expected: [
                "9:4 error spec.l[1]: Invalid value: \"null\": spec.l[1] in body must be of type string: \"null\""
            ]),
        Case(
            name: "nested paths use property names and indexes",
            spec: .object([
                "resolverRef": .object(
                    [
                        "params": .array(
                            of: .object(["name": .string(), "value": .string()], required: ["name", "value"]))
                    ])
            ]),
            yaml: "spec:\n  resolverRef:\n    params:\n    - name: url\n      value: 3\n    - name: x",
            expected: [
                "9:14 error spec.resolverRef.params[0].value: Invalid value: \"integer\": "
                    + "spec.resolverRef.params[0].value in body must be of type string: \"integer\" "
                    + "(quote the value to make it a string)",
                "10:7 error spec.resolverRef.params[1].value: Required value",
            ]),
        Case(
            name: "list-type set and map reject duplicates",
            spec: .object([
                "s": StructuralSchema(types: [.array], items: .string(), listType: "set"),
                "m": StructuralSchema(
                    types: [.array], items: .object(["name": .string(), "v": .string()]), listType: "map",
                    listMapKeys: ["name"]),
            ]),
            yaml: "spec:\n  s: [a, b, a]\n  m:\n  - name: x\n  - name: x\n    v: why",
            expected: [
                "6:13 error spec.s[2]: Duplicate value: \"a\"",
                "9:5 error spec.m[1]: Duplicate value: map[string]interface {}{\"name\":\"x\"}",
            ]),
        Case(
            name: "the exactly-one-of CEL rule",
            spec: StructuralSchema(
                types: [.object], properties: ["application": .string(), "componentGroup": .string()],
                validations: [
                    ValidationRule(
                        rule: "has(self.application) != has(self.componentGroup)",
                        message: "exactly one of application or componentGroup must be specified")
                ]),
            yaml: "spec:\n  application: a\n  componentGroup: b",
            expected: [
                "6:3 error spec: Invalid value: \"object\": exactly one of application or componentGroup must be specified"
            ]),
        Case(
            name: "several allowed types (Tekton parameter values)",
            spec: .object(["v": StructuralSchema(types: [.string, .array, .object], items: .string()), "w": .string()]),
            yaml: "spec:\n  v: [a, 1]\n  w: x",
            expected: [
                "6:10 error spec.v[1]: Invalid value: \"integer\": spec.v[1] in body must be of type string: "
                    + "\"integer\" (quote the value to make it a string)"
            ]),
    ]

    @Test(arguments: cases)
    func rule(_ c: Case) {
        #expect(check(header + "\n" + c.yaml, objectSchema(spec: c.spec)) == c.expected)
    }

    @Test func rootMustBeAnObjectWithStringApiVersionAndKind() {
        #expect(
            check("- a", objectSchema(spec: .preservedObject)) == [
                "1:1 error Invalid value: \"array\": body must be of type object: \"array\""
            ])
        #expect(
            check("apiVersion: 1\nmetadata:\n  name: x", objectSchema(spec: .preservedObject)) == [
                "1:1 error kind: Required value",
                "1:13 error apiVersion: Invalid value: \"integer\": apiVersion in body must be of type string: "
                    + "\"integer\" (quote the value to make it a string)",
            ])
    }

    @Test func violationDescriptionIsTheAPIServerRendering() {
        let v = SchemaViolation(severity: .error, field: "spec.resolverRef", mark: .none, message: "Required value")
        #expect(v.description == "spec.resolverRef: Required value")
    }
}
