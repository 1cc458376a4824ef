import SnapgateYAML
import Testing

struct EmitterTests {
    /// Strings a YAML 1.1 reader would type, or misread, when plain: they must be quoted.
    @Test(arguments: [
        ("true", #""true""#), ("on", #""on""#), ("no", #""no""#), ("y", #""y""#), ("0755", #""0755""#),
        ("1e3", #""1e3""#), ("null", #""null""#), ("", #""""#), ("~", #""~""#), ("- a", #""- a""#),
        ("a: b", #""a: b""#), ("#x", ##""#x""##), (" lead", #"" lead""#), ("trail ", #""trail ""#),
        ("2024-01-01", #""2024-01-01""#), ("12:30", #""12:30""#), ("08", #""08""#), ("<<", #""<<""#),
        ("a #b", ##""a #b""##), ("key:", #""key:""#), ("---", #""---""#), ("*ref", #""*ref""#),
        ("{x}", #""{x}""#), ("-", #""-""#), ("? x", #""? x""#), (":", #"":""#), ("-.inf", #""-.inf""#),
        ("--- x", #""--- x""#), ("...", #""...""#), ("tab\there", #""tab\there""#), ("\"q\\", #""\"q\\""#),
        ("bell\u{7}", #""bell\x07""#), ("nel\u{85}", #""nel\x85""#), ("ls\u{2028}", #""ls\u2028""#),
        ("bom\u{FEFF}", #""bom\uFEFF""#), ("cr\r\n", #""cr\r\n""#), ("\n", #""\n""#),
    ])
    func quotedStrings(_ text: String, _ expected: String) {
        #expect(YAMLEmitter.emit(.string(text)) == expected + "\n")
        #expect(YAMLEmitter.emit(.mapping([("k", .string(text))])) == "k: \(expected)\n")
        #expect(YAMLEmitter.emit(.mapping([(text, .int(1))])) == "\(expected): 1\n")
    }

    @Test(arguments: [
        "hello", "v1", "quay.io/org/app@sha256:abc", "sha256:abc", "1.2.3", "a-b", "a:b", "a#b", "日本 é 😀",
        "with space", "x,y", "in[side]", "q\"uote\\", "50%", "--port", "-foo", ":8080", "?x", "-x-",
        "http://example.com/a?b=c#d",
    ])
    func plainStrings(_ text: String) {
        #expect(YAMLEmitter.emit(.mapping([("k", .string(text))])) == "k: \(text)\n")
    }

    @Test func typedScalars() {
        let node = YAMLNode.sequence([
            .int(42), .bool(true), .null(), YAMLNode(.scalar(YAMLScalar(text: "0x1F", kind: .int))),
            YAMLNode(.scalar(YAMLScalar(text: "1e3", kind: .float))),
            YAMLNode(.scalar(YAMLScalar(text: "~", kind: .null))),
            YAMLNode(.scalar(YAMLScalar(text: "", kind: .null))),
            YAMLNode(.scalar(YAMLScalar(text: "abc", kind: .int))),
            YAMLNode(.scalar(YAMLScalar(text: "yes please", kind: .bool))),
        ])
        let expected = """
            - 42
            - true
            - null
            - 0x1F
            - 1e3
            - ~
            - null
            - !!int "abc"
            - !!bool "yes please"

            """
        #expect(YAMLEmitter.emit(node) == expected)
        #expect(YAMLParser.parse(expected).documents.first?.root?.sequence?[7] == node.sequence?[7])
    }

    @Test(arguments: [
        ("a\nb", "|-\n  a\n  b"),
        ("a\nb\n", "|\n  a\n  b"),
        ("a\nb\n\n", "|+\n  a\n  b\n"),
        ("a\nb\n\n\n", "|+\n  a\n  b\n\n"),
        ("  indented\nnext\n", "|2\n    indented\n  next"),
        ("\tx\ny", "|2-\n  \tx\n  y"),
        ("\n  lead\n", "|2\n\n    lead"),
        ("a\n\nb", "|-\n  a\n\n  b"),
        ("#not comment\n---\n", "|\n  #not comment\n  ---"),
    ])
    func literalBlocks(_ text: String, _ block: String) {
        #expect(YAMLEmitter.emit(.mapping([("k", .string(text))])) == "k: \(block)\n")
        #expect(YAMLParser.parse("k: \(block)\n").documents.first?.root?["k"] == .string(text))
    }

    @Test(arguments: ["trailing \nspace", "a\r\nb", "tab\t\nend", "\n", "\n\n", "x\n \ny", "nel\u{85}\n"])
    func multiLineStringsLiteralBlocksCannotHold(_ text: String) {
        let emitted = YAMLEmitter.emit(.mapping([("k", .string(text))]))
        #expect(emitted.hasPrefix("k: \""))
        #expect(YAMLParser.parse(emitted).documents.first?.root?["k"] == .string(text))
    }

    @Test func literalBlocksInSequencesAndAtTheRoot() {
        let node = YAMLNode.sequence([
            .string(" a\nb"), .sequence([.string("c\n")]), .mapping([("d", .string("e\nf"))]),
        ])
        let expected = "- |2-\n   a\n  b\n- - |\n    c\n- d: |-\n    e\n    f\n"
        #expect(YAMLEmitter.emit(node) == expected)
        #expect(YAMLParser.parse(expected).documents.first?.root == node)
        #expect(YAMLEmitter.emit(.string("---\n...\n")) == "|\n  ---\n  ...\n")
        #expect(YAMLParser.parse("|\n  ---\n  ...\n").documents.first?.root == .string("---\n...\n"))
    }

    @Test func blockLayout() {
        let node = YAMLNode.mapping([
            ("list", .sequence([.string("a"), .string("b")])),
            ("nested", .mapping([("x", .int(1)), ("deeper", .mapping([("z", .int(2))]))])),
            ("maps", .sequence([.mapping([("k", .string("v")), ("other", .string("w"))]), .mapping([])])),
            ("seqs", .sequence([.sequence([.string("a"), .string("b")]), .sequence([])])),
            ("empty", .mapping([])),
            ("none", .sequence([])),
        ])
        let expected = """
            list:
              - a
              - b
            nested:
              x: 1
              deeper:
                z: 2
            maps:
              - k: v
                other: w
              - {}
            seqs:
              - - a
                - b
              - []
            empty: {}
            none: []

            """
        #expect(YAMLEmitter.emit(node, keyOrder: .preserve) == expected)
        #expect(YAMLEmitter.emit(.mapping([])) == "{}\n")
        #expect(YAMLEmitter.emit(.sequence([])) == "[]\n")
    }

    @Test func nonScalarKeysUseTheExplicitForm() {
        let node = YAMLNode(
            .mapping([
                YAMLPair(key: .sequence([.string("a"), .string("b")]), value: .string("v")),
                YAMLPair(key: .mapping([("k", .int(1))]), value: .sequence([.string("x")])),
                YAMLPair(key: .sequence([]), value: .mapping([])),
            ]))
        let expected = "? - a\n  - b\n: v\n? k: 1\n:\n  - x\n? []\n: {}\n"
        #expect(YAMLEmitter.emit(node, keyOrder: .preserve) == expected)
        #expect(YAMLParser.parse(expected).documents.first?.root == node)
    }

    @Test func veryLongKeysUseTheExplicitForm() {
        let key = String(repeating: "k", count: 2000)
        let emitted = YAMLEmitter.emit(.mapping([(key, .string("v"))]))
        #expect(emitted == "? \(key)\n: v\n")
        #expect(YAMLParser.parse(emitted).documents.first?.root == .mapping([(key, .string("v"))]))
    }

    @Test func multiLineKeysAreDoubleQuoted() {
        #expect(YAMLEmitter.emit(.mapping([("a\nb", .int(1))])) == "\"a\\nb\": 1\n")
    }

    @Test func canonicalKeyOrder() {
        let node = YAMLNode.mapping([
            ("zeta", .int(1)), ("status", .mapping([])), ("spec", .mapping([("z", .int(1)), ("b", .int(2))])),
            ("Zulu", .int(3)), ("metadata", .mapping([("name", .string("x")), ("labels", .mapping([]))])),
            ("kind", .string("Pod")), ("apiVersion", .string("v1")), ("alpha", .int(4)), ("é", .int(5)),
        ])
        let expected = """
            apiVersion: v1
            kind: Pod
            metadata:
              labels: {}
              name: x
            spec:
              b: 2
              z: 1
            status: {}
            Zulu: 3
            alpha: 4
            zeta: 1
            é: 5

            """
        #expect(YAMLEmitter.emit(node) == expected)
        #expect(YAMLParser.parse(expected).documents.first?.root == node.canonicalized())
    }

    @Test func canonicalOrderOfMixedKeys() {
        let node = YAMLNode(
            .mapping([
                YAMLPair(key: .sequence([.string("s")]), value: .int(1)),
                YAMLPair(key: .int(10), value: .int(2)),
                YAMLPair(key: .string("10"), value: .int(3)),
                YAMLPair(key: .int(9), value: .int(4)),
                YAMLPair(key: .string("kind"), value: .int(5)),
            ]))
        #expect(YAMLEmitter.emit(node) == "kind: 5\n\"10\": 3\n10: 2\n9: 4\n? - s\n: 1\n")
    }

    @Test func documents() {
        let text = YAMLEmitter.emit(documents: [.mapping([("a", .int(1))]), .string("b")])
        #expect(text == "---\na: 1\n---\nb\n")
        #expect(YAMLEmitter.emit(documents: []) == "")
    }

    @Test func parsedManifestRoundTrip() throws {
        let text = """
            kind: Deployment
            apiVersion: apps/v1
            metadata:
              name: web
              annotations:
                note: "on"
                script: |
                  set -e
                  echo hi
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                    - name: web
                      image: quay.io/org/web@sha256:0123
                      args: ["--port", "8080", '--debug=yes']
                      env:
                        - {name: A, value: "0755"}

            """
        let root = try #require(YAMLParser.parse(text).documents.first?.root)
        let emitted = YAMLEmitter.emit(root)
        let expected = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                note: "on"
                script: |
                  set -e
                  echo hi
              name: web
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                    - args:
                        - --port
                        - "8080"
                        - --debug=yes
                      env:
                        - name: A
                          value: "0755"
                      image: quay.io/org/web@sha256:0123
                      name: web

            """
        #expect(emitted == expected)
        #expect(YAMLParser.parse(emitted).documents.first?.root == root.canonicalized())
    }

    /// Whatever YAML styles the source used, the emitted text reads back as the same tree.
    @Test(arguments: [
        "folded: >\n  one\n  two\n\n  three\n",
        "folded_keep: >+\n  a\n\n",
        "single: 'it''s # not'\nmulti: plain\n  continued\n  line\n",
        "flow: {a: [1, {b: c}], 'd e': \"f\\tg\"}\n",
        "anchor: &a {x: 1}\nref: [*a, *a]\n",
        "quoted: \"line\\nbreak \\u00e9 \\x07\"\n",
        "? complex\n: value\n? [1, 2]\n: {3: 4}\n",
        "- - - deep\n    - er\n  - x\n- {}\n- []\n- ''\n- ~\n-\n",
        "long: " + String(repeating: "word ", count: 60) + "end\n",
        "s: \"  \\n  indented\\n\"\n",
    ])
    func parsedInputsRoundTrip(_ text: String) throws {
        let root = try #require(YAMLParser.parse(text).documents.first?.root)
        let emitted = YAMLEmitter.emit(root, keyOrder: .preserve)
        let again = try #require(YAMLParser.parse(emitted).documents.first?.root, "\(emitted)")
        #expect(again == normalizingNulls(root), "\(emitted)")
        #expect(YAMLEmitter.emit(again, keyOrder: .preserve) == emitted)
    }
}
