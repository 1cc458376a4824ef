public import SnapgateModel
public import SnapgateNode

/// Everything the integration service sees: the effective objects of the repository (a person's
/// manifest merged with snapgate's status document), as the cluster's API server would serve them.
///
/// Queries return objects sorted by name, the deterministic stand-in for API list order.
public struct World: Sendable {
    /// Every object, by key.
    public private(set) var objects: [ObjectKey: ManifestObject]
    /// snapgate's status documents whose person-authored object is gone: a deleted Component
    /// leaves its finalizer here, which is how SPEC.md §6.4 sees the deletion.
    public private(set) var orphanedStatusDocuments: [ObjectKey: ManifestObject]
    /// The namespace of objects that name none.
    public let defaultNamespace: String
    /// Keys by kind and namespace, each list sorted: rules ask "every Snapshot of this namespace"
    /// for every object they look at, so a query must not scan the whole world (issue 5). By
    /// `KnownKind`, which hashes as a number (a group/kind pair hashed two strings on every `all`).
    private var index: [KnownKind: [String: [ObjectKey]]] = [:]

    /// Creates a world from loaded objects.
    public init(
        objects: [ManifestObject], orphanedStatusDocuments: [ManifestObject] = [], defaultNamespace: String = "default"
    ) {
        // Sized once, filled in place (no array of pairs in between, no rehashing as it grows):
        // every namespace's pass makes a world. The first object of a key wins; the index gets
        // keys in the order given (the loader's is key order: each list comes out sorted).
        var byKey = [ObjectKey: ManifestObject](minimumCapacity: objects.count)
        for object in objects where byKey[object.key] == nil {
            byKey[object.key] = object
            index[object.kind, default: [:]][object.key.namespace, default: []].append(object.key)
        }
        self.objects = byKey
        self.orphanedStatusDocuments = Dictionary(
            orphanedStatusDocuments.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.defaultNamespace = defaultNamespace
        for (kind, namespaces) in index {
            for (namespace, keys) in namespaces where !Self.isSorted(keys) {
                index[kind]?[namespace] = keys.sorted()
            }
        }
    }

    /// Whether `keys` are in strictly increasing order (n − 1 comparisons, where sorting takes n log n).
    private static func isSorted(_ keys: [ObjectKey]) -> Bool {
        keys.indices.dropFirst().allSatisfy { keys[$0 - 1] < keys[$0] }
    }

    /// The object with this key.
    public func object(_ key: ObjectKey) -> ManifestObject? { objects[key] }

    /// Every object of `kind`, optionally in one namespace, sorted by namespace and name.
    public func all(_ kind: KnownKind, namespace: String? = nil) -> [ManifestObject] {
        guard let namespaces = index[kind] else { return [] }
        if let namespace {
            return (namespaces[namespace] ?? []).compactMap { objects[$0] }
        }
        return namespaces.keys.sorted().flatMap { namespaces[$0] ?? [] }.compactMap { objects[$0] }
    }

    /// The object of `kind` named `name` in `namespace`.
    public func object(_ kind: KnownKind, namespace: String, name: String) -> ManifestObject? {
        objects[ObjectKey(kind.groupKind, namespace: namespace, name: name)]
    }

    /// The Application `namespace/name`.
    public func application(namespace: String, name: String) -> Application? {
        object(.application, namespace: namespace, name: name)?.application
    }

    /// The Component `namespace/name`.
    public func component(namespace: String, name: String) -> Component? {
        object(.component, namespace: namespace, name: name)?.component
    }

    /// The Components of an Application, by name.
    public func components(namespace: String, application: String) -> [Component] {
        all(.component, namespace: namespace).compactMap(\.component).filter { $0.application == application }
    }

    /// The IntegrationTestScenarios of an Application, by name.
    public func scenarios(namespace: String, application: String) -> [IntegrationTestScenario] {
        all(.integrationTestScenario, namespace: namespace).compactMap(\.scenario)
            .filter { $0.application == application }
    }

    /// The ReleasePlans of an Application, by name.
    public func releasePlans(namespace: String, application: String) -> [ReleasePlan] {
        all(.releasePlan, namespace: namespace).compactMap(\.releasePlan).filter { $0.application == application }
    }

    /// Every Snapshot in `namespace` (every namespace when nil), by name.
    public func snapshots(namespace: String? = nil) -> [Snapshot] {
        all(.snapshot, namespace: namespace).compactMap(\.snapshot)
    }

    /// The Snapshot `namespace/name`.
    public func snapshot(namespace: String, name: String) -> Snapshot? {
        object(.snapshot, namespace: namespace, name: name)?.snapshot
    }

    /// Every Release in `namespace`, by name.
    public func releases(namespace: String) -> [Release] {
        all(.release, namespace: namespace).compactMap(\.release)
    }

    /// PipelineRuns labelled `pipelines.appstudio.openshift.io/type: <type>` (`build`, `test`).
    public func pipelineRuns(ofType type: String, namespace: String? = nil) -> [PipelineRun] {
        all(.pipelineRun, namespace: namespace).compactMap(\.pipelineRun).filter { $0.pipelineType == type }
    }

    /// The PipelineRun `namespace/name`.
    public func pipelineRun(namespace: String, name: String) -> PipelineRun? {
        object(.pipelineRun, namespace: namespace, name: name)?.pipelineRun
    }

    /// The TaskRuns labelled `tekton.dev/pipelineRun: <pipelineRun>` in `namespace`, by name.
    public func taskRuns(namespace: String, pipelineRun: String) -> [TaskRun] {
        all(.taskRun, namespace: namespace).compactMap(\.taskRun).filter { $0.pipelineRunName == pipelineRun }
    }

    /// Reads a document as an object of this world (defaulting its namespace), without adding it.
    public func decode(_ node: YAMLNode) -> ManifestObject? {
        let document = YAMLDocument(root: node, mark: .none, index: 0)
        guard case .object(let object, _) = ObjectDecoder.decode(document, path: "", defaultNamespace: defaultNamespace)
        else { return nil }
        return object
    }

    /// Puts an object into the world (replacing one with the same key); returns its key, or nil
    /// when the node is not a readable object of snapgate's kinds.
    @discardableResult
    mutating func put(_ node: YAMLNode, source: SourceLocation? = nil) -> ManifestObject? {
        let document = YAMLDocument(root: node, mark: .none, index: source?.documentIndex ?? 0)
        guard
            case .object(var object, _) = ObjectDecoder.decode(
                document, path: source?.path ?? "", defaultNamespace: defaultNamespace)
        else { return nil }
        if let source { object.source = source }
        if objects.updateValue(object, forKey: object.key) == nil { insertIntoIndex(object.key, kind: object.kind) }
        return object
    }

    /// Replaces the document of `current` (an object of this world) with `node`: when only the
    /// metadata changed (labels, annotations, finalizers: most edits) only the metadata is read
    /// again (or taken from `metadata`, what reading it gives), else the whole document is decoded
    /// as `put` does.
    mutating func replace(_ current: ManifestObject, with node: YAMLNode, metadata: ObjectMeta? = nil) {
        if let object = ObjectDecoder.replacingMetadata(
            of: current, with: node, defaultNamespace: defaultNamespace, metadata: metadata)
        {
            objects[object.key] = object
        } else {
            put(node, source: current.source)
        }
    }

    /// Adds an object already decoded (by `decode`), replacing one with the same key.
    mutating func insert(_ object: ManifestObject) {
        if objects.updateValue(object, forKey: object.key) == nil { insertIntoIndex(object.key, kind: object.kind) }
    }

    /// Removes an object.
    mutating func remove(_ key: ObjectKey) {
        guard let removed = objects.removeValue(forKey: key) else { return }
        index[removed.kind]?[key.namespace]?.removeAll { $0 == key }
    }

    private mutating func insertIntoIndex(_ key: ObjectKey, kind: KnownKind) {
        var keys = index[kind, default: [:]][key.namespace, default: []]
        // Binary search for the insertion point keeps the list sorted.
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        keys.insert(key, at: low)
        index[kind, default: [:]][key.namespace] = keys
    }

    /// Removes an orphaned status document (once its deletion has been handled).
    mutating func removeOrphan(_ key: ObjectKey) {
        orphanedStatusDocuments[key] = nil
    }
}
