public import SnapgateNode

extension ObjectDecoder {
    /// `object` with its document replaced by `root`, when `root` differs from the object's
    /// document only in the value of `metadata` and names the same object: only the metadata is
    /// read again, the typed object keeps everything else. nil otherwise (decode `root` whole).
    ///
    /// Equal to what `decode` gives for `root` (with `object`'s source): every typed object reads
    /// its metadata only through the `ObjectMeta` it stores, and the other fields are read from
    /// values equal to the ones they were read from. `metadata`, when given, is what reading the
    /// new metadata gives (checked in debug builds), from a caller that made the edit and knows.
    public static func replacingMetadata(
        of object: ManifestObject, with root: YAMLNode, defaultNamespace: String, metadata known: ObjectMeta? = nil
    ) -> ManifestObject? {
        guard case .mapping(let new) = root.content, case .mapping(let old) = object.node.content,
            new.count == old.count
        else { return nil }
        var metadataNode: YAMLNode?
        // Entries compared in place (not copied out of their arrays: this runs for every
        // metadata edit of a pass, 10,000 in a cold reconcile of the benchmark).
        for index in new.indices {
            guard new[index].key == old[index].key else { return nil }
            // The first `metadata` entry is the one `decode` reads (`root.mapping("metadata")`).
            if metadataNode == nil, new[index].key.string == "metadata" {
                guard case .mapping = new[index].value.content else { return nil }
                metadataNode = new[index].value
            } else if new[index].value != old[index].value || new[index].value.mark != old[index].value.mark {
                return nil
            }
        }
        guard let metadataNode else { return nil }
        let metadata = known ?? ObjectMeta(node: metadataNode, defaultNamespace: defaultNamespace)
        assert(metadata == ObjectMeta(node: metadataNode, defaultNamespace: defaultNamespace))
        let key = object.key
        guard !metadata.name.isEmpty, metadata.name == key.name, metadata.namespace == key.namespace else {
            return nil
        }
        return ManifestObject(
            apiVersion: object.apiVersion, sourceAPIVersion: object.sourceAPIVersion, kind: object.kind, key: key,
            node: root, source: object.source, object: object.object.replacingMetadata(with: metadata))
    }
}

extension KonfluxObject {
    /// The same typed object with `metadata` in place of its own.
    func replacingMetadata(with metadata: ObjectMeta) -> KonfluxObject {
        switch self {
        case .application(var o):
            o.metadata = metadata
            return .application(o)
        case .component(var o):
            o.metadata = metadata
            return .component(o)
        case .integrationTestScenario(var o):
            o.metadata = metadata
            return .integrationTestScenario(o)
        case .releasePlan(var o):
            o.metadata = metadata
            return .releasePlan(o)
        case .releasePlanAdmission(var o):
            o.metadata = metadata
            return .releasePlanAdmission(o)
        case .snapshot(var o):
            o.metadata = metadata
            return .snapshot(o)
        case .release(var o):
            o.metadata = metadata
            return .release(o)
        case .pipelineRun(var o):
            o.metadata = metadata
            return .pipelineRun(o)
        case .taskRun(var o):
            o.metadata = metadata
            return .taskRun(o)
        case .pipeline(var o):
            o.metadata = metadata
            return .pipeline(o)
        case .task(var o):
            o.metadata = metadata
            return .task(o)
        }
    }
}
