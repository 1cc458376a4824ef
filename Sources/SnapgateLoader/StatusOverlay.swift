public import SnapgateModel
import SnapgateYAML

/// Merges snapgate's status document into a person's object (GITOPS.md "Who owns which file").
///
/// The status document holds exactly the fields snapgate manages — `status` and some labels and
/// annotations — like a server-side-apply patch by field manager `snapgate`; the effective object
/// is the person's manifest with those fields applied.
public enum StatusOverlay {
    /// The effective object: `person`'s document with `overlay`'s labels, annotations, finalizers
    /// and status.
    public static func merge(
        _ person: ManifestObject, with overlay: ManifestObject, defaultNamespace: String
    ) -> ManifestObject {
        var node = person.node
        let overlayMeta = overlay.node.mapping("metadata") ?? .mapping([])
        var metadata = node.mapping("metadata") ?? .mapping([])
        for field in ["labels", "annotations"] {
            guard let entries = overlayMeta.mapping(field)?.mapping, !entries.isEmpty else { continue }
            var merged = metadata.mapping(field) ?? .mapping([])
            for entry in entries {
                guard let key = entry.key.string else { continue }
                merged = merged.setting(key, to: entry.value)
            }
            metadata = metadata.setting(field, to: merged)
        }
        // Finalizers are a set: snapgate's are added to the person's.
        let finalizers = overlayMeta.strings("finalizers")
        if !finalizers.isEmpty {
            var merged = metadata.strings("finalizers")
            for finalizer in finalizers where !merged.contains(finalizer) { merged.append(finalizer) }
            metadata = metadata.setting("finalizers", to: .sequence(merged.map { .string($0) }))
        }
        node = node.setting("metadata", to: metadata)
        if let status = overlay.node["status"] {
            node = node.setting("status", to: status)
        }
        let document = YAMLDocument(root: node, mark: person.source.mark, index: person.source.documentIndex)
        guard
            case .object(let merged, _) = ObjectDecoder.decode(
                document, path: person.source.path, defaultNamespace: defaultNamespace)
        else { return person }
        return merged
    }
}
