public import SnapgateModel
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
        var metadata: [(String, YAMLNode)] = [
            ("name", effectiveMeta["name"] ?? .string("")), ("namespace", effectiveMeta["namespace"] ?? .string("")),
        ]
        var managesSomething = false
        for field in ["labels", "annotations"] {
            // Equal nodes (most often the very same, untouched by the rules) differ in nothing.
            if effectiveMeta[field] == authoredMeta[field] { continue }
            let mine = effectiveMeta.stringMap(field)
            let theirs = authoredMeta.stringMap(field)
            let differing = theirs.isEmpty ? mine : mine.filter { theirs[$0.key] != $0.value }
            if !differing.isEmpty {
                metadata.append((field, .stringMap(differing)))
                managesSomething = true
            }
        }
        let authoredFinalizers = authoredMeta.strings("finalizers")
        let added = effectiveMeta.strings("finalizers").filter { !authoredFinalizers.contains($0) }
        if !added.isEmpty {
            metadata.append(("finalizers", .sequence(added.map { .string($0) })))
            managesSomething = true
        }
        var entries: [(String, YAMLNode)] = [
            ("apiVersion", effective["apiVersion"] ?? .string("")), ("kind", effective["kind"] ?? .string("")),
            ("metadata", .mapping(metadata)),
        ]
        if let status = effective["status"], status != authored["status"] {
            entries.append(("status", status))
            managesSomething = true
        }
        return managesSomething ? .mapping(entries) : nil
    }
}
