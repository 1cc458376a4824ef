import SnapgateSchema
import SnapgateYAML
import Testing

/// ObjectMeta rules: names, labels, annotations, and the typed metadata fields.
struct ObjectMetaTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var metadata: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let subdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
        + "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
        + #"'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"#
    static let labelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and "
        + "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    static let namePartMessage =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
        + "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
        + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let labelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
        + "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used "
        + "for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

    static let cases: [Case] = [
        Case(
            name: "a full valid metadata",
            metadata: """
                  name: my-app.v1
                  namespace: user-tenant
                  uid: 0a1b
                  resourceVersion: '123'
                  generation: 4
                  creationTimestamp: null
                  labels:
                    app.kubernetes.io/name: my-app
                    empty: ''
                  annotations:
                    Example.COM/Note: any text at all
                  finalizers:
                  - test.appstudio.openshift.io/finalizer
                  ownerReferences:
                  - apiVersion: appstudio.redhat.com/v1alpha1
                    kind: Application
                    name: my-app
                    uid: 0a1b
                    controller: true
                  managedFields:
                  - manager: kubectl
                """,
            expected: []),
        Case(
            name: "an invalid name",
            metadata: "  name: My_App\n",
            expected: ["4:9 error metadata.name: Invalid value: \"My_App\": " + subdomainMessage]),
        Case(
            name: "a too long name",
            metadata: "  name: " + String(repeating: "a", count: 254) + "\n",
            expected: [
                "4:9 error metadata.name: Invalid value: \"\(String(repeating: "a", count: 254))\": "
                    + "must be no more than 253 characters"
            ]),
        Case(
            name: "an invalid namespace (a subdomain is not a label)",
            metadata: "  name: a\n  namespace: user.tenant\n",
            expected: ["5:14 error metadata.namespace: Invalid value: \"user.tenant\": " + labelMessage]),
        Case(
            name: "name or generateName is required",
            metadata: "  namespace: ns\n",
            expected: ["4:3 error metadata.name: Required value: name or generateName is required"]),
        Case(
            name: "an empty name counts as missing",
            metadata: "  name: ''\n",
            expected: ["4:3 error metadata.name: Required value: name or generateName is required"]),
        Case(
            name: "a numeric name is a type error, not a missing name",
            metadata: "  name: 123\n",
            expected: [
                "4:9 error metadata.name: Invalid value: \"integer\": metadata.name in body must be of type string: "
                    + "\"integer\" (quote the value to make it a string)"
            ]),
        Case(
            name: "a null label value is an error; a number is an error with the hint",
            metadata: "  name: a\n  labels:\n    a: ~\n    b: 1\n",
            expected: [
                "6:8 error metadata.labels[a]: Invalid value: \"null\": metadata.labels[a] in body must be of type "
                    + "string: \"null\"",
                "7:8 error metadata.labels[b]: Invalid value: \"integer\": metadata.labels[b] in body must be of "
                    + "type string: \"integer\" (quote the value to make it a string)",
            ]),
        Case(
            name: "bad label keys and values",
            metadata: "  name: a\n  labels:\n    bad_/x: v\n    ok: -bad\n    a/b/c: v\n",
            expected: [
                "6:5 error metadata.labels: Invalid value: \"bad_/x\": prefix part " + subdomainMessage,
                "7:9 error metadata.labels[ok]: Invalid value: \"-bad\": " + labelValueMessage,
                "8:5 error metadata.labels: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric "
                    + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
                    + "'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                    + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' "
                    + "(e.g. 'example.com/MyName')",
            ]),
        Case(
            name: "a label key with an empty name part",
            metadata: "  name: a\n  labels:\n    example.com/: v\n",
            expected: [
                "6:5 error metadata.labels: Invalid value: \"example.com/\": name part must be non-empty",
                "6:5 error metadata.labels: Invalid value: \"example.com/\": " + namePartMessage,
            ]),
        Case(
            name: "labels must be a mapping; annotation values must be strings",
            metadata: "  name: a\n  labels: [a]\n  annotations:\n    note: true\n",
            expected: [
                "5:11 error metadata.labels: Invalid value: \"array\": metadata.labels in body must be of type "
                    + "object: \"array\"",
                "7:11 error metadata.annotations[note]: Invalid value: \"boolean\": metadata.annotations[note] in "
                    + "body must be of type string: \"boolean\" (quote the value to make it a string)",
            ]),
        Case(
            name: "typed metadata fields and unknown metadata fields",
            metadata: """
                  name: a
                  generation: one
                  creationTimestamp: '2024-13-01T00:00:00Z'
                  finalizers: [ok, 'not ok']
                  ownerReferences:
                  - kind: Application
                  nmae: typo
                """,
            expected: [
                "5:15 error metadata.generation: Invalid value: \"string\": metadata.generation in body must be of "
                    + "type integer: \"string\"",
                "6:22 error metadata.creationTimestamp: Invalid value: \"2024-13-01T00:00:00Z\": "
                    + "metadata.creationTimestamp in body must be of type date-time: \"2024-13-01T00:00:00Z\"",
                "7:20 error metadata.finalizers[1]: Invalid value: \"not ok\": " + namePartMessage,
                "9:5 error metadata.ownerReferences[0].apiVersion: Required value",
                "9:5 error metadata.ownerReferences[0].name: Required value",
                "9:5 error metadata.ownerReferences[0].uid: Required value",
                "10:3 warning metadata.nmae: unknown field \"metadata.nmae\"",
            ]),
    ]

    @Test(arguments: cases)
    func metadata(_ c: Case) {
        let yaml = "apiVersion: example.com/v1\nkind: Example\nmetadata:\n" + c.metadata
        #expect(check(yaml, objectSchema(spec: .preservedObject)) == c.expected)
    }

    @Test func annotationsAreLimitedTo256KiBInTotal() {
        let big = String(repeating: "x", count: 200 * 1024)
        let object = YAMLNode.mapping([
            ("apiVersion", .string("v1")), ("kind", .string("Example")),
            (
                "metadata",
                .mapping([
                    ("name", .string("a")),
                    (
                        "annotations",
                        .mapping([("a", .string(big)), ("b", .string(big))], mark: YAMLMark(line: 7, column: 5))
                    ),
                ])
            ),
        ])
        #expect(
            render(SchemaValidator.validate(object, schema: objectSchema(spec: .preservedObject))) == [
                "7:5 error metadata.annotations: Too long: must have at most 262144 bytes"
            ])
    }

    @Test func metadataMustBeAMapping() {
        #expect(
            check("apiVersion: v1\nkind: X\nmetadata: x", objectSchema(spec: .preservedObject)) == [
                "3:11 error metadata: Invalid value: \"string\": metadata in body must be of type object: \"string\""
            ])
    }
}
