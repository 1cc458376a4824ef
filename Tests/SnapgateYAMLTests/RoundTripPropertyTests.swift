import SnapgateTestSupport
import SnapgateYAML
import Testing

/// Random node trees full of the texts that are hard to write as YAML.
struct NodeGenerator {
    var rng: SplitMix64

    static let pieces = [
        " ", "  ", "\"", "'", ":", ": ", "#", " #", "-", "- ", "?", "{", "}", "[", "]", ",", "&", "*", "!", "|",
        ">", "%", "@", "`", "\n", "\n", "\n\n", "\r", "\r\n", "\t", "é", "日本", "😀", "\u{85}", "\u{2028}",
        "\u{2029}", "\u{1}", "\u{1B}", "\u{7F}", "\u{9F}", "\u{A0}", "\u{FEFF}", "\u{FFFE}", "a", "b", "xyz", "0",
        "1", ".", "\\", "e", "_", "/", "=", "<<", "~",
    ]
    static let words = [
        "true", "no", "on", "Off", "y", "N", "null", "~", "0755", "1e3", "12:30", "2024-01-01", ".inf", "<<", "=",
        "---", "...", "- a", "a: b", "#c", "v1", "quay.io/org/app@sha256:abc", "1.2.3", "0.0.0.0", "-", "08",
        "1_000x", "0x1F", "--port", ":8080", "?x", "--- |", "|", ">", "", " ", "\n", "a\n", " a\nb\n\n", "\ta\n",
    ]
    static let typed: [YAMLScalarKind: [String]] = [
        .int: ["0", "42", "-7", "+3", "0x1F", "0o17", "0755", "1_000", "0b101", "12:30"],
        .float: ["1.5", "1e3", "-0.25", ".inf", "-.inf", ".nan", ".5", "1.", "6.02e+23", "1:30.5"],
        .bool: ["true", "no", "Yes", "ON", "off", "y", "N"],
        .null: ["null", "~", "Null", "NULL"],
    ]

    init(seed: UInt64) { rng = SplitMix64(state: seed) }

    mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }

    mutating func string() -> String {
        if chance(30) { return pick(Self.words) }
        if chance(5) { return "" }
        var text = ""
        for _ in 0..<(1 + rng.next() % 8) { text += pick(Self.pieces) }
        return text
    }

    mutating func scalar() -> YAMLNode {
        let roll = rng.next() % 100
        if roll < 55 { return .string(string()) }
        let kind: YAMLScalarKind = pick([.int, .float, .bool, .null])
        // Now and then a typed scalar whose text does not resolve to its kind (written `!!int "x"`).
        let text = chance(5) ? string() : pick(Self.typed[kind] ?? [])
        if text.isEmpty, kind == .null { return .null() }  // An empty null is written, and read, as `null`.
        return YAMLNode(.scalar(YAMLScalar(text: text, kind: kind)))
    }

    mutating func node(depth: Int) -> YAMLNode {
        if depth >= 6 || chance(35) { return scalar() }
        let count = Int(rng.next() % 5)
        if chance(50) {
            return .sequence((0..<count).map { _ in node(depth: depth + 1) })
        }
        var seen = Set<YAMLNode>()
        var pairs: [YAMLPair] = []
        for _ in 0..<count {
            let key = chance(7) ? node(depth: depth + 2) : scalar()
            guard seen.insert(key).inserted else { continue }
            pairs.append(YAMLPair(key: key, value: node(depth: depth + 1)))
        }
        return YAMLNode(.mapping(pairs))
    }
}

struct RoundTripPropertyTests {
    static let treeCount: UInt64 = 2_500

    @Test(arguments: [YAMLEmitter.KeyOrder.preserve, .canonical])
    func parseOfEmitIsIdentity(_ order: YAMLEmitter.KeyOrder) {
        var failures = 0
        for seed in 0..<Self.treeCount where failures < 5 {
            var generator = NodeGenerator(seed: seed)
            let tree = generator.node(depth: 0)
            let expected = order == .preserve ? tree : tree.canonicalized()
            let emitted = YAMLEmitter.emit(tree, keyOrder: order)
            let stream = YAMLParser.parse(Array(emitted.utf8))
            let parsed = stream.documents.first?.root
            let ok = stream.errors.isEmpty && stream.documents.count == 1 && parsed == expected
            let parsedText = parsed.map(\.description) ?? "nil"
            #expect(ok, "seed \(seed): \(tree)\nemitted:\n\(emitted)\nerrors: \(stream.errors)\nparsed: \(parsedText)")
            let again = parsed.map { YAMLEmitter.emit($0, keyOrder: order) }
            #expect(again == emitted, "seed \(seed): emit is not idempotent\n\(emitted)\nthen\n\(again ?? "nil")")
            if !ok || again != emitted { failures += 1 }
        }
    }

    @Test func multiDocumentRoundTrip() {
        var generator = NodeGenerator(seed: 42)
        let trees = (0..<50).map { _ in generator.node(depth: 0) }
        let stream = YAMLParser.parse(YAMLEmitter.emit(documents: trees, keyOrder: .preserve))
        #expect(stream.errors.isEmpty)
        #expect(stream.documents.map(\.root) == trees)
    }
}

struct ParserRobustnessTests {
    /// Mangled YAML (bytes replaced, inserted, truncated; invalid UTF-8 too) must come back as
    /// documents and positioned errors, never a trap.
    @Test func mangledInputNeverTraps() {
        let specials = Array("-?:,[]{}#&*!|>'\"%@` \n\t\r<~".utf8) + [0x00, 0xC3, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF]
        for seed in UInt64(0)..<1_500 {
            var generator = NodeGenerator(seed: seed)
            var bytes = Array(YAMLEmitter.emit(generator.node(depth: 0)).utf8)
            for _ in 0..<(1 + generator.rng.next() % 4) where !bytes.isEmpty {
                let at = Int(generator.rng.next() % UInt64(bytes.count))
                switch generator.rng.next() % 3 {
                case 0: bytes[at] = generator.pick(specials)
                case 1: bytes.insert(generator.pick(specials), at: at)
                default: bytes.removeSubrange(at...)
                }
            }
            let stream = YAMLParser.parse(bytes, path: "fuzz.yaml")
            for error in stream.errors {
                #expect(error.path == "fuzz.yaml")
                #expect(error.mark.line >= 0 && error.mark.column >= 0)
            }
            // Whatever was read writes back to the same tree (empty nulls are written as `null`).
            for document in stream.documents {
                guard let root = document.root else { continue }
                let emitted = YAMLEmitter.emit(root, keyOrder: .preserve)
                let again = YAMLParser.parse(emitted).documents.first?.root
                #expect(again == normalizingNulls(root), "seed \(seed):\n\(emitted)")
            }
        }
    }
}

/// `node` with every empty-text null scalar given the text `null`, as the emitter writes it.
func normalizingNulls(_ node: YAMLNode) -> YAMLNode {
    switch node.content {
    case .scalar(let s):
        return s.kind == .null && s.text.isEmpty ? .null() : node
    case .sequence(let items):
        return .sequence(items.map(normalizingNulls))
    case .mapping(let pairs):
        return YAMLNode(
            .mapping(pairs.map { YAMLPair(key: normalizingNulls($0.key), value: normalizingNulls($0.value)) }))
    }
}
