import SnapgateModel
import SnapgateNode
import Testing

/// `set(path:to:)` edits in place exactly as `setting(path:to:)` builds a new node, whatever the
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

    @Test(arguments: documents.indices)
    func settingInPlaceEqualsSettingACopy(_ index: Int) throws {
        let original = Self.documents[index]
        for path in Self.paths {
            let value = YAMLNode.sequence([.string("v"), .int(1)])
            var edited = original
            edited.set(path: path[...], to: value)
            let expected = original.setting(path: path, to: value)
            #expect(edited == expected, "\(path)")
            // Positions are kept where `setting` keeps them (what is not rebuilt keeps its mark).
            #expect(edited.mark == expected.mark)
            #expect(edited.mapping("metadata")?.mark == expected.mapping("metadata")?.mark)
            #expect(original == Self.documents[index], "the original is untouched")
        }
    }

    @Test func aScalarDocumentIsLeftAsItIs() {
        var node = YAMLNode.string("plain")
        node.set(path: ["metadata", "name"], to: .string("x"))
        #expect(node == .string("plain"))
    }
}
