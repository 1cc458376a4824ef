public import SnapgateNode

/// What one YAML document turned out to be.
public enum DecodedDocument: Sendable {
    /// One of snapgate's kinds, read into its typed form; diagnostics are warnings only.
    case object(ManifestObject, [Diagnostic])
    /// One of snapgate's kinds, but not usable as written (the diagnostics say why; a Tekton
    /// template is only a warning).
    case invalid(GroupKind, [Diagnostic])
    /// Not a Konflux or Tekton object (another group or kind, or not a Kubernetes object at all).
    case foreign(GroupKind?)
}

/// Turns YAML documents into typed objects, identifying them by (API group, kind) as GITOPS.md says.
///
/// Structural validation against the CRDs is SnapgateSchema's job; this decoder checks only what
/// identity needs (apiVersion, kind, metadata.name) and reads the rest leniently.
public enum ObjectDecoder {
    /// Decodes one document of `path`.
    public static func decode(_ document: YAMLDocument, path: String, defaultNamespace: String) -> DecodedDocument {
        guard let root = document.root, root.mapping != nil else { return .foreign(nil) }
        guard let apiVersion = root.string("apiVersion"), let kindName = root.string("kind") else {
            return .foreign(nil)
        }
        let (group, version) = splitAPIVersion(apiVersion)
        let groupKind = GroupKind(group: group, kind: kindName)
        guard let kind = KnownKind(groupKind) else { return .foreign(groupKind) }

        func error(_ node: YAMLNode, _ message: String) -> DecodedDocument {
            .invalid(
                groupKind,
                [Diagnostic(.error, path: path, line: node.mark.line, column: node.mark.column, message: message)])
        }
        guard kind.readableVersions.contains(version) else {
            let known = kind.readableVersions.map { "\(kind.group)/\($0)" }.joined(separator: ", ")
            return error(
                root["apiVersion"] ?? root,
                "\(apiVersion) \(kindName) is not a version snapgate reads (it reads \(known))")
        }
        guard let metadataNode = root.mapping("metadata") else {
            return error(
                root["metadata"] ?? root, "\(kindName) has no metadata: a Kubernetes object needs metadata.name")
        }
        let metadata = ObjectMeta(node: metadataNode, defaultNamespace: defaultNamespace)
        guard !metadata.name.isEmpty else {
            // A Tekton run with only generateName is a template (Pipelines as Code keeps them in
            // `.tekton/`), not a record of a run: not read, and not an error.
            if kind.group == KnownKind.tektonGroup, !metadata.generateName.isEmpty {
                let node = metadataNode["generateName"] ?? metadataNode
                return .invalid(
                    groupKind,
                    [
                        Diagnostic(
                            .warning, path: path, line: node.mark.line, column: node.mark.column,
                            message:
                                "\(kindName) with generateName and no name is a template (as Pipelines as Code keeps "
                                + "them), not a record of a run; it is not read")
                    ])
            }
            let hint =
                metadata.generateName.isEmpty
                ? "" : " (generateName is for the API server to fill in; a manifest in git needs a fixed name)"
            return error(metadataNode["name"] ?? metadataNode, "\(kindName) has no metadata.name\(hint)")
        }

        // The kind's own group and kind strings (literals) rather than the document's copies: keys
        // are compared constantly, and equal literals compare by identity. Made before the typed
        // object, so that the metadata's last use below moves it instead of copying it.
        let key = ObjectKey(kind.groupKind, namespace: metadata.namespace, name: metadata.name)
        let object: KonfluxObject
        var effectiveVersion = version
        switch kind {
        case .application: object = .application(Application(node: root, metadata: metadata))
        case .component: object = .component(Component(node: root, metadata: metadata))
        case .integrationTestScenario:
            object = .integrationTestScenario(ScenarioConversion.read(node: root, version: version, metadata: metadata))
            effectiveVersion = "v1beta2"
        case .releasePlan: object = .releasePlan(ReleasePlan(node: root, metadata: metadata))
        case .releasePlanAdmission:
            object = .releasePlanAdmission(ReleasePlanAdmission(node: root, metadata: metadata))
        case .snapshot: object = .snapshot(Snapshot(node: root, metadata: metadata))
        case .release: object = .release(Release(node: root, metadata: metadata))
        case .pipelineRun: object = .pipelineRun(PipelineRun(node: root, metadata: metadata))
        case .taskRun: object = .taskRun(TaskRun(node: root, metadata: metadata))
        case .pipeline: object = .pipeline(TektonDefinition(node: root, metadata: metadata))
        case .task: object = .task(TektonDefinition(node: root, metadata: metadata))
        }
        let manifest = ManifestObject(
            apiVersion: effectiveVersion == version ? apiVersion : "\(kind.group)/\(effectiveVersion)",
            sourceAPIVersion: apiVersion, kind: kind, key: key, node: root,
            source: SourceLocation(
                path: path, documentIndex: document.index, mark: document.root?.mark ?? document.mark),
            object: object)
        return .object(manifest, [])
    }
}
