import SnapgateModel
import SnapgateNode
import Testing

/// `ManifestObject` and `ObjectKey` keep their fields in shared boxes: copies must still behave
/// as independent values, and equality, hashing and ordering must be those of the fields.
@Suite struct ValueSemanticsTests {
    static let component = """
        apiVersion: appstudio.redhat.com/v1alpha1
        kind: Component
        metadata:
          name: web
          namespace: shop
        spec:
          application: shop
          componentName: web
        """

    static func key(_ namespace: String, _ name: String, kind: KnownKind = .component) -> ObjectKey {
        ObjectKey(kind.groupKind, namespace: namespace, name: name)
    }

    @Test func settingAFieldOfACopyLeavesTheOriginalAlone() throws {
        let original = try #require(decode(Self.component).object)
        var copy = original
        #expect(copy == original)
        copy.source = SourceLocation(path: "moved.yaml", documentIndex: 3, mark: YAMLMark(line: 7, column: 1))
        copy.node = copy.node.setting("status", to: .mapping([("x", .string("y"))]))
        copy.key = Self.key("shop", "api")
        copy.apiVersion = "appstudio.redhat.com/v9"
        copy.sourceAPIVersion = "v0"

        #expect(original.source.path == "test.yaml")
        #expect(original.node["status"] == nil)
        #expect(original.key == Self.key("shop", "web"))
        #expect(original.apiVersion == "appstudio.redhat.com/v1alpha1")
        #expect(original.sourceAPIVersion == "appstudio.redhat.com/v1alpha1")
        #expect(copy.source.path == "moved.yaml")
        #expect(copy.source.documentIndex == 3)
        #expect(copy.node["status"]?["x"]?.string == "y")
        #expect(copy.key.name == "api")
        #expect(copy.apiVersion == "appstudio.redhat.com/v9")
        #expect(copy.sourceAPIVersion == "v0")
        #expect(copy.kind == .component)
        #expect(copy.component?.componentName == "web")
        #expect(copy != original)
    }

    @Test func objectsDecodedTwiceAreEqualAndHashAlike() throws {
        let a = try #require(decode(Self.component).object)
        let b = try #require(decode(Self.component).object)
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        let elsewhere = try #require(decode(Self.component, path: "other.yaml").object)
        #expect(elsewhere != a)
        #expect(Set([a, elsewhere]).count == 2)
    }

    @Test func keysCompareByGroupKindNamespaceAndName() {
        let sorted = [
            Self.key("b", "a"), Self.key("a", "b"), Self.key("a", "a", kind: .pipelineRun),
            Self.key("a", "a"), Self.key("a", "a", kind: .application),
        ].sorted()
        #expect(
            sorted == [
                Self.key("a", "a", kind: .application), Self.key("a", "a"), Self.key("a", "b"), Self.key("b", "a"),
                Self.key("a", "a", kind: .pipelineRun),
            ])
        #expect(!(Self.key("a", "a") < Self.key("a", "a")))
    }

    @Test func keysBuiltApartAreEqualHashAlikeAndFindEachOther() {
        // 16 bytes: longer than a small string, so the two keys hold different string buffers.
        let namespace = "tenant-app-" + String(12345)
        let a = Self.key(namespace, "web")
        let b = Self.key("tenant-app-12345", "web")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        let index = [a: 1]
        #expect(index[b] == 1)
        #expect(a != Self.key(namespace, "api"))
        #expect(a != Self.key(namespace, "web", kind: .application))
        #expect(a.description == "Component tenant-app-12345/web")
    }

    @Test func settingAKeyFieldOfACopyLeavesTheOriginalAlone() {
        let original = Self.key("shop", "web")
        var copy = original
        copy.name = "api"
        copy.namespace = "store"
        copy.groupKind = KnownKind.snapshot.groupKind
        #expect(original == Self.key("shop", "web"))
        #expect(copy == Self.key("store", "api", kind: .snapshot))
        #expect(copy.hashValue == Self.key("store", "api", kind: .snapshot).hashValue)
    }
}
