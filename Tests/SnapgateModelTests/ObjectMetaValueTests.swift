import SnapgateModel
import Testing

/// `ObjectMeta` shares its storage between copies: every setter must still change only the value
/// it is called on, and equal values must hash alike whether they share storage or not.
@Suite struct ObjectMetaValueTests {
    static let original = ObjectMeta(
        name: "web", namespace: "shop", generateName: "web-", labels: ["app": "shop"],
        annotations: ["note": "a"], ownerReferences: [OwnerReference(apiVersion: "v1", kind: "K", name: "o")],
        finalizers: ["f"], creationTimestamp: "2025-01-01T00:00:00Z", deletionTimestamp: nil)

    static let edits: [(String, @Sendable (inout ObjectMeta) -> Void)] = [
        ("name", { $0.name = "api" }),
        ("generateName", { $0.generateName = "api-" }),
        ("namespace", { $0.namespace = "other" }),
        ("labels", { $0.labels["tier"] = "front" }),
        ("annotations", { $0.annotations["note"] = nil }),
        ("ownerReferences", { $0.ownerReferences.removeAll() }),
        ("finalizers", { $0.finalizers.append("g") }),
        ("creationTimestamp", { $0.creationTimestamp = nil }),
        ("deletionTimestamp", { $0.deletionTimestamp = "2025-02-01T00:00:00Z" }),
    ]

    @Test(arguments: 0..<edits.count)
    func aSetterChangesOnlyItsValue(_ index: Int) {
        let (field, edit) = Self.edits[index]
        let copy = Self.original
        var edited = copy
        edit(&edited)
        #expect(edited != copy, "\(field)")
        #expect(copy == Self.original, "\(field): the copy it was made from is untouched")
        var again = Self.original
        edit(&again)
        #expect(again == edited, "\(field)")
        #expect(again.hashValue == edited.hashValue, "\(field)")
    }

    @Test func equalValuesBuiltApartAreEqualAndHashAlike() {
        let o = Self.original
        let rebuilt = ObjectMeta(
            name: o.name, namespace: o.namespace, generateName: o.generateName, labels: o.labels,
            annotations: o.annotations, ownerReferences: o.ownerReferences, finalizers: o.finalizers,
            creationTimestamp: o.creationTimestamp, deletionTimestamp: o.deletionTimestamp)
        #expect(rebuilt == o)
        #expect(rebuilt.hashValue == o.hashValue)
        #expect(Set([rebuilt, o]).count == 1)
    }
}
