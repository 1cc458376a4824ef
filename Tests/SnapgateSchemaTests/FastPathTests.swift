import SnapgateNode
import Testing

@testable import SnapgateSchema

/// The allocation-free checks that run on every key must agree with the full ones they short-cut.
struct FastPathTests {
    static let names = [
        "a", "A", "app", "app.kubernetes.io/name", "Example.COM/Note", "test.appstudio.openshift.io/optional",
        "", "/", "/name", "prefix/", "a/b/c", "-a", "a-", "a_b", "_a", "a.b", "a..b", "UPPER.example/x",
        "exa mple/x", "example.com/na me", "é", "example.com/é", String(repeating: "a", count: 63),
        String(repeating: "a", count: 64), "example.com/" + String(repeating: "b", count: 64),
        String(repeating: "a", count: 254) + "/x", "a.-b/x", "a-.b/x", "1/2",
    ]

    @Test(arguments: names)
    func qualifiedNameShortCutAgreesWithTheMessages(_ name: String) {
        #expect(KubernetesNames.isQualifiedName(name) == KubernetesNames.qualifiedNameErrors(name).isEmpty)
    }

    @Test(arguments: ["app", "Example.COM/Note", "ÉCOLE/x", "already.lower/key", "MiXeD", ""])
    func annotationKeyLowerCasing(_ key: String) {
        #expect(KubernetesNames.lowercased(key) == key.lowercased())
    }

    /// Keys that repeat an earlier key's text are warnings, in small (scanned) and large (hashed)
    /// mappings alike.
    @Test(arguments: [3, 40])
    func repeatedKeysAreReportedWhateverTheMappingSize(_ size: Int) {
        var entries = (0..<size).map { ("k\($0)", YAMLNode.string("v")) }
        entries.append(("k1", .string("again")))
        let spec = YAMLNode(
            .mapping(
                entries.map { YAMLPair(key: .string($0.0, mark: YAMLMark(line: 9, column: 1)), value: $0.1) }
                    + [YAMLPair(key: YAMLNode(.scalar(YAMLScalar(text: "k2", kind: .int))), value: .string("x"))]))
        let object = YAMLNode.mapping([
            ("apiVersion", .string("v1")), ("kind", .string("Thing")), ("metadata", .mapping([("name", .string("a"))])),
            ("spec", spec),
        ])
        let schema = objectSchema(spec: .map(of: .string()))
        #expect(
            render(SchemaValidator.validate(object, schema: schema)) == [
                "0:0 warning spec.k2: duplicate field \"spec.k2\"", "9:1 warning spec.k1: duplicate field \"spec.k1\"",
            ])
    }

    @Test func repeatedMetadataKeysAreReported() {
        let object = YAMLNode.mapping([
            ("apiVersion", .string("v1")), ("kind", .string("Thing")),
            ("metadata", .mapping([("name", .string("a")), ("uid", .string("u")), ("name", .string("b"))])),
        ])
        #expect(
            render(SchemaValidator.validate(object, schema: objectSchema(spec: .string())))
                == ["0:0 warning metadata.name: duplicate field \"metadata.name\""])
    }

    /// Properties are found by a scan in small schemas and by hashing in large ones: the same answers.
    @Test(arguments: [3, 12, 13, 40])
    func propertiesAreFoundWhateverTheSchemaSize(_ size: Int) {
        var properties: [String: StructuralSchema] = [:]
        for i in 0..<size {
            properties["field\(i)-with-a-name-longer-than-fifteen-bytes-\(i % 2 == 0 ? "" : "x")"] = .string()
        }
        properties["f"] = .boolean
        let schema = StructuralSchema.object(properties)
        for (name, expected) in properties { #expect(schema.property(name) === expected) }
        #expect(schema.property("absent") == nil)
        #expect(schema.property("") == nil)
    }

    @Test func celRulesAreParsedOnce() {
        let rule = "has(self.application) != has(self.componentGroup)"
        let compiled = try? #require(CELSubset.compile(rule))
        #expect(compiled?.lhs == "application")
        #expect(compiled?.rhs == "componentGroup")
        #expect(compiled?.notEqual == true)
        #expect(CELSubset.compile("self.a > 1") == nil)
        let schema = StructuralSchema(
            types: [.object], validations: [ValidationRule(rule: rule, message: "m"), .init(rule: "x", message: "")])
        #expect(schema.compiledValidations.count == 2)
        #expect(schema.compiledValidations[1] == nil)
    }
}
