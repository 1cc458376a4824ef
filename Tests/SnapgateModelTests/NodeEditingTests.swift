import SnapgateModel
import SnapgateNode
import Testing

/// `set(path:to:)` (and `setting(path:to:)`, which is it on a copy) gives what setting one key at a
/// time gives (the reference below, built on the one-level `setting(_:to:)`), whatever the
/// document holds along the path, and leaves every other copy of the document alone.
@Suite struct NodeEditingTests {
    static let texts = [
        // No metadata; metadata without labels; labels null; labels a scalar; an existing label;
        // metadata not a mapping.
        "kind: Component\n",
        "kind: Component\nmetadata:\n  name: web\n",
        "kind: Component\nmetadata:\n  name: web\n  labels:\n",
        "kind: Component\nmetadata:\n  name: web\n  labels: oops\n",
        "kind: Component\nmetadata:\n  labels:\n    team: shop\n    app: old\n  name: web\n",
        "metadata: [1, 2]\nspec: {}\n",
    ]
    static let paths: [[String]] = [
        ["metadata", "labels", "app"], ["metadata", "finalizers"], ["spec"], ["metadata", "labels", "team", "x"],
    ]

    /// The documents above, and one built in code with a key twice (which no parsed document
    /// has): the first is the one read and set.
    static var documents: [YAMLNode] {
        texts.compactMap { document($0).root } + [
            .mapping([
                ("metadata", .mapping([("labels", .mapping([("app", .string("first")), ("app", .string("second"))]))]))
            ])
        ]
    }

    /// One key at a time: the mapping at the first key (a new one when it is missing or not a
    /// mapping), the rest of the path set in it, then put back with `setting(_:to:)`.
    static func reference(_ node: YAMLNode, _ path: ArraySlice<String>, _ value: YAMLNode) -> YAMLNode {
        guard let first = path.first else { return value }
        if path.count == 1 { return node.setting(first, to: value) }
        let child = node.mapping(first) ?? .mapping([])
        return node.setting(first, to: reference(child, path.dropFirst(), value))
    }

    @Test(arguments: documents.indices)
    func settingInPlaceEqualsSettingOneKeyAtATime(_ index: Int) throws {
        let original = Self.documents[index]
        for path in Self.paths {
            let value = YAMLNode.sequence([.string("v"), .int(1)])
            var edited = original
            edited.set(path: path[...], to: value)
            let expected = Self.reference(original, path[...], value)
            #expect(edited == expected, "\(path)")
            #expect(original.setting(path: path, to: value) == expected)
            // Positions are kept where the reference keeps them (what is not rebuilt keeps its mark).
            #expect(edited.mark == expected.mark)
            #expect(edited.mapping("metadata")?.mark == expected.mapping("metadata")?.mark)
            #expect(original == Self.documents[index], "the original is untouched")
        }
    }

    @Test func anAddedKeyGrowsTheMappingByOneEntryOnly() {
        // A cold pass adds a label to 10,000 Components and keeps them to the exit: a mapping that
        // doubled its storage for one more entry held twice the memory it needs.
        let five = ["a", "b", "c", "d", "e"].map { ($0, YAMLNode.string($0)) }
        var node = YAMLNode.mapping(five + [("metadata", .mapping(five))])
        node.set(path: ["metadata", "labels", "app"], to: .string("shop"))
        node.set(path: ["spec"], to: .mapping([]))
        for mapping in [node.mapping, node["metadata"]?.mapping] {
            guard let mapping else {
                Issue.record("not a mapping")
                continue
            }
            #expect(mapping.capacity < mapping.count + 2, "capacity \(mapping.capacity) for \(mapping.count)")
        }
    }

    @Test func aScalarDocumentIsLeftAsItIs() {
        var node = YAMLNode.string("plain")
        node.set(path: ["metadata", "name"], to: .string("x"))
        #expect(node == .string("plain"))
    }
}
