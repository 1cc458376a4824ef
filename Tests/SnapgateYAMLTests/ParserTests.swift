import SnapgateYAML
import Testing

struct ParserTests {
    @Test func marksOfNodes() throws {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app
              labels: {a: "1", b: x}
            data:
              - first
              -   second
              - key: value
                other: [1, 2]
            """
        let stream = YAMLParser.parse(text)
        #expect(stream.errors.isEmpty)
        let doc = try #require(stream.documents.first)
        let root = try #require(doc.root)
        #expect(doc.mark == YAMLMark(line: 1, column: 1))
        #expect(root.mark == YAMLMark(line: 1, column: 1))
        #expect(root.mapping?[1].key.mark == YAMLMark(line: 2, column: 1))
        #expect(root["kind"]?.mark == YAMLMark(line: 2, column: 7))
        #expect(root["metadata"]?.mark == YAMLMark(line: 4, column: 3))
        #expect(root["metadata"]?["name"]?.mark == YAMLMark(line: 4, column: 9))
        let labels = try #require(root["metadata"]?["labels"])
        #expect(labels.mark == YAMLMark(line: 5, column: 11))
        #expect(labels["a"]?.mark == YAMLMark(line: 5, column: 15))
        #expect(labels["b"]?.mark == YAMLMark(line: 5, column: 23))
        let data = try #require(root["data"]?.sequence)
        #expect(root["data"]?.mark == YAMLMark(line: 7, column: 3))
        #expect(data[0].mark == YAMLMark(line: 7, column: 5))
        #expect(data[1].mark == YAMLMark(line: 8, column: 7))
        #expect(data[2].mark == YAMLMark(line: 9, column: 5))
        #expect(data[2]["other"]?.mark == YAMLMark(line: 10, column: 12))
        #expect(data[2]["other"]?.sequence?[1].mark == YAMLMark(line: 10, column: 16))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try #require(YAMLParser.parse("é日本: 😀x\n").documents.first?.root)
        #expect(root["é日本"]?.mark == YAMLMark(line: 1, column: 6))
    }

    @Test func multipleDocuments() throws {
        let text = "a: 1\n---\nb: 2\n--- # comment\n- x\n...\n---\nplain\n"
        let stream = YAMLParser.parse(text)
        #expect(stream.errors.isEmpty)
        #expect(stream.documents.map(\.index) == [0, 1, 2, 3])
        #expect(stream.documents.map(\.mark.line) == [1, 2, 4, 7])
        #expect(stream.documents[0].root == .mapping([("a", .int(1))]))
        #expect(stream.documents[1].root == .mapping([("b", .int(2))]))
        #expect(stream.documents[2].root == .sequence([.string("x")]))
        #expect(stream.documents[3].root == .string("plain"))
    }

    @Test(arguments: ["", " ", "\n\n", "# just a comment\n", "  # indented\n\n# another"])
    func emptyInputHasNoDocuments(_ text: String) {
        let stream = YAMLParser.parse(text)
        #expect(stream.documents.isEmpty)
        #expect(stream.errors.isEmpty)
    }

    @Test func emptyDocumentsHaveNilRoots() {
        let stream = YAMLParser.parse("---\n--- # nothing\n---\na: 1\n---\n")
        #expect(stream.errors.isEmpty)
        #expect(stream.documents.map { $0.root == nil } == [true, true, false, true])
        // An explicitly empty value is a null node, not an empty document.
        #expect(YAMLParser.parse("--- ''\n").documents.first?.root == .string(""))
        #expect(YAMLParser.parse("--- ~\n").documents.first?.root?.isNull == true)
    }

    @Test func crlfBOMAndNoTrailingNewline() throws {
        let expected = YAMLNode.mapping([("a", .int(1)), ("b", .sequence([.string("x"), .string("z")]))])
        let inputs = [
            "a: 1\r\nb:\r\n  - x\r\n  - z\r\n",
            "\u{FEFF}a: 1\nb:\n  - x\n  - z\n",
            "a: 1\nb:\n  - x\n  - z",
            "\u{FEFF}a: 1\r\nb:\r\n  - x\r\n  - z",
        ]
        for input in inputs {
            let stream = YAMLParser.parse(input)
            #expect(stream.errors.isEmpty, "\(input.debugDescription)")
            #expect(stream.documents.first?.root == expected, "\(input.debugDescription)")
            #expect(stream.documents.first?.root?["b"]?.sequence?[1].mark == YAMLMark(line: 4, column: 5))
        }
        let literal = try #require(YAMLParser.parse("s: |\r\n  a\r\n  b\r\n").documents.first?.root)
        #expect(literal["s"] == .string("a\nb\n"))
    }

    @Test func comments() throws {
        let text = "# head\na: 1 # trailing\n# between\nb: 'x # not a comment'\nc: x#y\n"
        let root = try #require(YAMLParser.parse(text).documents.first?.root)
        #expect(root == .mapping([("a", .int(1)), ("b", .string("x # not a comment")), ("c", .string("x#y"))]))
    }

    @Test func anchorsAndAliases() throws {
        let text = """
            base: &base
              image: app
              ports: [80, 443]
            copy: *base
            list: [&x 1, *x, *x]
            """
        let root = try #require(YAMLParser.parse(text).documents.first?.root)
        #expect(root["copy"] == root["base"])
        #expect(root["copy"]?.mark == YAMLMark(line: 4, column: 7))
        #expect(root["copy"]?["image"]?.mark == YAMLMark(line: 2, column: 10))
        #expect(root["list"] == .sequence([.int(1), .int(1), .int(1)]))
    }

    @Test func anchorsAreScopedToTheirDocument() {
        let stream = YAMLParser.parse("a: &x 1\n---\nb: *x\n---\nc: 3\n")
        #expect(stream.documents.count == 2)
        #expect(stream.errors.map(\.code) == [.undefinedAlias])
        #expect(stream.errors.first?.mark == YAMLMark(line: 3, column: 4))
        #expect(stream.documents.map(\.index) == [0, 2])
    }

    @Test func aliasToAnAnchorStillOpenIsUndefined() {
        let stream = YAMLParser.parse("a: &x [1, *x]\n")
        #expect(stream.errors.map(\.code) == [.undefinedAlias])
        #expect(stream.documents.isEmpty)
    }

    @Test func mergeKeys() throws {
        let text = """
            defaults: &defaults
              cpu: 1
              memory: 1Gi
            extra: &extra
              memory: 3Gi
              disk: 10Gi
            one:
              <<: *defaults
              memory: 2Gi
            two:
              name: two
              <<: [*extra, *defaults]
            three:
              '<<': not a merge
            """
        let root = try #require(YAMLParser.parse(text).documents.first?.root)
        #expect(root["one"] == .mapping([("cpu", .int(1)), ("memory", .string("2Gi"))]))
        let two = YAMLNode.mapping([
            ("name", .string("two")), ("memory", .string("3Gi")), ("disk", .string("10Gi")), ("cpu", .int(1)),
        ])
        #expect(root["two"] == two)
        #expect(root["three"] == .mapping([("<<", .string("not a merge"))]))
    }

    @Test func mergeOfAScalarIsAnError() {
        let stream = YAMLParser.parse("a:\n  <<: 1\n---\nb: 2\n")
        #expect(stream.errors.map(\.code) == [.syntax])
        #expect(stream.errors.first?.mark == YAMLMark(line: 2, column: 3))
        #expect(stream.documents.map(\.index) == [1])
    }

    @Test func nonScalarKeys() throws {
        let root = try #require(YAMLParser.parse("? [a, b]\n: 1\n? {x: z}\n: 2\n").documents.first?.root)
        let pairs = try #require(root.mapping)
        #expect(pairs.count == 2)
        #expect(pairs[0].key == .sequence([.string("a"), .string("b")]))
        #expect(pairs[1].key == .mapping([("x", .string("z"))]))
    }

    @Test func pathIsInEveryError() {
        let stream = YAMLParser.parse("a: [\n", path: "apps/x.yaml")
        #expect(stream.errors.first?.path == "apps/x.yaml")
        #expect(stream.errors.first?.description.hasPrefix("apps/x.yaml:2:1: ") == true)
    }
}
