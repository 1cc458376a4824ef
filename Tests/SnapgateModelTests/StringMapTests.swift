import SnapgateModel
import Testing

/// `StringMap` (labels, annotations) behaves as a `[String: String]` does, iterates in key order,
/// and equal maps are equal and hash alike however they were built.
@Suite struct StringMapTests {
    /// Keys of equal and different lengths, a prefix of another, and non-ASCII.
    static let keys = ["a", "b", "ab", "app", "apq", "z", "tier", "ära", "appstudio.openshift.io/component", ""]

    @Test func randomEditsAgreeWithADictionary() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<200 {
            var map = StringMap()
            var reference: [String: String] = [:]
            for _ in 0..<40 {
                let key = Self.keys[Int(generator.next() % UInt64(Self.keys.count))]
                switch generator.next() % 4 {
                case 0:
                    #expect(map.removeValue(forKey: key) == reference.removeValue(forKey: key))
                case 1:
                    map[key] = nil
                    reference[key] = nil
                default:
                    let value = "v\(generator.next() % 5)"
                    map[key] = value
                    reference[key] = value
                }
                for key in Self.keys { #expect(map[key] == reference[key], "\(key)") }
                #expect(map.count == reference.count)
                #expect(map.isEmpty == reference.isEmpty)
                #expect(map.map(\.key) == reference.keys.sorted(), "iteration in key order")
                #expect(map.dictionary == reference)
                #expect(map == StringMap(reference))
                #expect(map.hashValue == StringMap(reference).hashValue)
            }
        }
    }

    @Test func aLiteralOrASequenceKeepsTheLastValueOfARepeatedKey() {
        #expect(StringMap([("a", "1"), ("b", "2"), ("a", "3")]) == ["a": "3", "b": "2"])
        #expect(StringMap([("a", "1"), ("b", "2"), ("a", "3")]).count == 2)
    }

    @Test func aLargeMapIsBuiltAndReadLikeADictionary() {
        var generator = SplitMix(seed: 11)
        let pairs = (0..<5_000).map { _ in ("k\(generator.next() % 3_000)", "v\(generator.next() % 10)") }
        var reference: [String: String] = [:]
        for (key, value) in pairs { reference[key] = value }
        let map = StringMap(pairs)
        #expect(map.dictionary == reference)
        #expect(map.map(\.key) == reference.keys.sorted())
        for key in reference.keys.prefix(200) { #expect(map[key] == reference[key]) }
        #expect(map["absent"] == nil)
    }

    @Test func filterKeepsAMap() {
        let map: StringMap = ["app": "shop", "tier": "front", "appstudio.openshift.io/component": "web"]
        let kept: StringMap = map.filter { $0.key.hasPrefix("app") }
        #expect(kept == ["app": "shop", "appstudio.openshift.io/component": "web"])
    }

    /// A small deterministic generator (the tests must not depend on a seed the system picks).
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
