import SnapgateModel
public import SnapgateNode

/// The document snapgate writes for an object a person authored: only the fields it manages,
/// shaped like a server-side-apply patch by field manager `snapgate` (GITOPS.md "Who owns which
/// file").
public enum StatusDocument {
    /// The managed fields of `effective` relative to `authored`: labels and annotations whose
    /// value differs, finalizers the person did not write, and `status` when it differs. nil when
    /// nothing differs (no status document is needed).
    public static func make(effective: YAMLNode, authored: YAMLNode) -> YAMLNode? {
        let effectiveMeta = effective.mapping("metadata") ?? .mapping([])
        let authoredMeta = authored.mapping("metadata") ?? .mapping([])
        // Built in the order the emitter writes (keys sorted), so it need not sort them: this
        // runs for every Component of a cold pass.
        var metadata: [YAMLPair] = []
        metadata.reserveCapacity(5)
        if let annotations = differing("annotations", effectiveMeta, authoredMeta) {
            metadata.append(YAMLPair(key: .string("annotations"), value: annotations))
        }
        let authoredFinalizers = authoredMeta.strings("finalizers")
        let added = effectiveMeta.strings("finalizers").filter { !authoredFinalizers.contains($0) }
        if !added.isEmpty {
            metadata.append(YAMLPair(key: .string("finalizers"), value: .sequence(added.map { .string($0) })))
        }
        if let labels = differing("labels", effectiveMeta, authoredMeta) {
            metadata.append(YAMLPair(key: .string("labels"), value: labels))
        }
        var managesSomething = !metadata.isEmpty
        metadata.append(YAMLPair(key: .string("name"), value: effectiveMeta["name"] ?? .string("")))
        metadata.append(YAMLPair(key: .string("namespace"), value: effectiveMeta["namespace"] ?? .string("")))
        var entries: [YAMLPair] = [
            YAMLPair(key: .string("apiVersion"), value: effective["apiVersion"] ?? .string("")),
            YAMLPair(key: .string("kind"), value: effective["kind"] ?? .string("")),
            YAMLPair(key: .string("metadata"), value: YAMLNode(.mapping(metadata))),
        ]
        if let status = effective["status"], status != authored["status"] {
            entries.append(YAMLPair(key: .string("status"), value: status))
            managesSomething = true
        }
        return managesSomething ? YAMLNode(.mapping(entries)) : nil
    }

    /// The entries of the string map `field` (labels, annotations) of `mine` whose value differs
    /// from `theirs`, as a sorted mapping; nil when none does.
    private static func differing(_ field: String, _ mine: YAMLNode, _ theirs: YAMLNode) -> YAMLNode? {
        let effective = mine[field]
        let authored = theirs[field]
        // Equal nodes (most often the very same, untouched by the rules) differ in nothing.
        if effective == authored { return nil }
        // The person wrote none: all of ours differ, and a map of strings already in order (what
        // the rules write) is its own answer.
        if authored?.mapping?.isEmpty ?? true, let effective, isSortedStringMap(effective) {
            return effective.mapping?.isEmpty == false ? effective : nil
        }
        let ours = mine.stringMap(field)
        let persons = theirs.stringMap(field)
        let differing = persons.isEmpty ? ours : ours.filter { persons[$0.key] != $0.value }
        return differing.isEmpty ? nil : .stringMap(differing)
    }

    /// Whether `node` is a mapping of string keys to string values, keys strictly ascending: then
    /// it is what `.stringMap(node.stringMap)` would build.
    private static func isSortedStringMap(_ node: YAMLNode) -> Bool {
        guard let pairs = node.mapping else { return false }
        for index in pairs.indices {
            guard let key = pairs[index].key.string, pairs[index].value.string != nil else { return false }
            if index > 0, let previous = pairs[index - 1].key.string, !(previous < key) { return false }
        }
        return true
    }
}
