import SnapgateNode
import Testing

/// `node[key]` finds the first entry whose key is the string `key`.
struct YAMLNodeLookupTests {
    static let node = YAMLNode(
        .mapping([
            YAMLPair(key: YAMLNode(.scalar(YAMLScalar(text: "1", kind: .int))), value: .string("int key")),
            YAMLPair(key: .string("1"), value: .string("string key")),
            YAMLPair(key: .string("name"), value: .string("first")),
            YAMLPair(key: .string("name"), value: .string("second")),
            YAMLPair(key: .string("nam"), value: .string("shorter")),
            YAMLPair(key: .string("größe"), value: .string("unicode")),
            YAMLPair(key: .sequence([.string("name")]), value: .string("not a scalar")),
            YAMLPair(key: .string("a-key-longer-than-fifteen-bytes"), value: .string("long")),
        ]))

    @Test func findsTheFirstStringKey() {
        #expect(Self.node["1"]?.string == "string key")
        #expect(Self.node["name"]?.string == "first")
        #expect(Self.node["nam"]?.string == "shorter")
        #expect(Self.node["größe"]?.string == "unicode")
        #expect(Self.node["a-key-longer-than-fifteen-bytes"]?.string == "long")
        #expect(Self.node["a-key-longer-than-fifteen-byteZ"] == nil)
        #expect(Self.node["names"] == nil)
        #expect(Self.node[""] == nil)
        #expect(YAMLNode.string("name")["name"] == nil)
    }
}
