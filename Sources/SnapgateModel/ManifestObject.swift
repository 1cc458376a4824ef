public import SnapgateNode

/// A typed object of one of the kinds snapgate reads.
public enum KonfluxObject: Sendable, Hashable {
    case application(Application)
    case component(Component)
    case integrationTestScenario(IntegrationTestScenario)
    case releasePlan(ReleasePlan)
    case releasePlanAdmission(ReleasePlanAdmission)
    case snapshot(Snapshot)
    case release(Release)
    case pipelineRun(PipelineRun)
    case taskRun(TaskRun)
    case pipeline(TektonDefinition)
    case task(TektonDefinition)
}

/// Where a document was read from.
public struct SourceLocation: Sendable, Hashable {
    /// The file, relative to the repository root.
    public var path: String
    /// 0-based index of the document in its file.
    public var documentIndex: Int
    /// Where the document starts.
    public var mark: YAMLMark

    /// Creates a source location.
    public init(path: String, documentIndex: Int, mark: YAMLMark) {
        self.path = path
        self.documentIndex = documentIndex
        self.mark = mark
    }
}

/// One object read from the repository: its identity, the document as written, where it came
/// from, and its typed form.
///
/// A value type with copy-on-write storage: the fields live in one shared, immutable box, so a
/// copy (into an array, a dictionary, a sort buffer) is one reference count instead of one per
/// string, node and collection the object holds. Setting a field replaces the box.
public struct ManifestObject: Sendable, Hashable {
    /// The fields, shared between copies; never mutated (a setter makes a new box).
    private final class Storage: Sendable {
        let apiVersion: String
        let sourceAPIVersion: String
        let kind: KnownKind
        let key: ObjectKey
        let node: YAMLNode
        let source: SourceLocation
        let object: KonfluxObject

        init(
            apiVersion: String, sourceAPIVersion: String, kind: KnownKind, key: ObjectKey, node: YAMLNode,
            source: SourceLocation, object: KonfluxObject
        ) {
            self.apiVersion = apiVersion
            self.sourceAPIVersion = sourceAPIVersion
            self.kind = kind
            self.key = key
            self.node = node
            self.source = source
            self.object = object
        }
    }

    private var storage: Storage

    /// Creates a manifest object.
    public init(
        apiVersion: String, sourceAPIVersion: String, kind: KnownKind, key: ObjectKey, node: YAMLNode,
        source: SourceLocation, object: KonfluxObject
    ) {
        storage = Storage(
            apiVersion: apiVersion, sourceAPIVersion: sourceAPIVersion, kind: kind, key: key, node: node,
            source: source, object: object)
    }

    /// Replaces the storage with a copy in which `change` has been applied to the fields.
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = Fields(storage)
        change(&fields)
        storage = Storage(
            apiVersion: fields.apiVersion, sourceAPIVersion: fields.sourceAPIVersion, kind: fields.kind,
            key: fields.key, node: fields.node, source: fields.source, object: fields.object)
    }

    /// The fields as plain values, for a setter to change one of them.
    private struct Fields {
        var apiVersion: String
        var sourceAPIVersion: String
        var kind: KnownKind
        var key: ObjectKey
        var node: YAMLNode
        var source: SourceLocation
        var object: KonfluxObject

        init(_ s: Storage) {
            apiVersion = s.apiVersion
            sourceAPIVersion = s.sourceAPIVersion
            kind = s.kind
            key = s.key
            node = s.node
            source = s.source
            object = s.object
        }
    }

    /// `apiVersion` after conversion (what snapgate works with).
    public var apiVersion: String {
        get { storage.apiVersion }
        set { update { $0.apiVersion = newValue } }
    }

    /// `apiVersion` as written in the file.
    public var sourceAPIVersion: String {
        get { storage.sourceAPIVersion }
        set { update { $0.sourceAPIVersion = newValue } }
    }

    /// The kind.
    public var kind: KnownKind {
        get { storage.kind }
        set { update { $0.kind = newValue } }
    }

    /// The object's identity.
    public var key: ObjectKey {
        get { storage.key }
        set { update { $0.key = newValue } }
    }

    /// The document as written.
    public var node: YAMLNode {
        get { storage.node }
        set { update { $0.node = newValue } }
    }

    /// Where the document was read from.
    public var source: SourceLocation {
        get { storage.source }
        set { update { $0.source = newValue } }
    }

    /// The typed form.
    public var object: KonfluxObject {
        get { storage.object }
        set { update { $0.object = newValue } }
    }

    /// Equal when every field is equal (two copies of one object share their storage).
    public static func == (lhs: ManifestObject, rhs: ManifestObject) -> Bool {
        let l = lhs.storage
        let r = rhs.storage
        if l === r { return true }
        return l.key == r.key && l.kind == r.kind && l.apiVersion == r.apiVersion
            && l.sourceAPIVersion == r.sourceAPIVersion && l.source == r.source && l.node == r.node
            && l.object == r.object
    }

    public func hash(into hasher: inout Hasher) {
        // The identity and the place suffice: equal objects have equal keys and sources, and
        // hashing the whole tree would cost as much as comparing it.
        hasher.combine(storage.key)
        hasher.combine(storage.source)
    }

    /// The object's metadata.
    public var metadata: ObjectMeta {
        switch object {
        case .application(let o): o.metadata
        case .component(let o): o.metadata
        case .integrationTestScenario(let o): o.metadata
        case .releasePlan(let o): o.metadata
        case .releasePlanAdmission(let o): o.metadata
        case .snapshot(let o): o.metadata
        case .release(let o): o.metadata
        case .pipelineRun(let o): o.metadata
        case .taskRun(let o): o.metadata
        case .pipeline(let o), .task(let o): o.metadata
        }
    }
}

extension ManifestObject {
    /// The Application, if this is one.
    public var application: Application? {
        if case .application(let o) = object { return o }
        return nil
    }

    /// The Component, if this is one.
    public var component: Component? {
        if case .component(let o) = object { return o }
        return nil
    }

    /// `read` applied to the Component in place, if this is one: for a rule that reads a few of
    /// its fields on every round (`component` copies all of them, a reference count each).
    public func readingComponent<R>(_ read: (borrowing Component) -> R) -> R? {
        if case .component(let o) = storage.object { return read(o) }
        return nil
    }

    /// The IntegrationTestScenario (converted to v1beta2), if this is one.
    public var scenario: IntegrationTestScenario? {
        if case .integrationTestScenario(let o) = object { return o }
        return nil
    }

    /// The ReleasePlan, if this is one.
    public var releasePlan: ReleasePlan? {
        if case .releasePlan(let o) = object { return o }
        return nil
    }

    /// The Snapshot, if this is one.
    public var snapshot: Snapshot? {
        if case .snapshot(let o) = object { return o }
        return nil
    }

    /// The Release, if this is one.
    public var release: Release? {
        if case .release(let o) = object { return o }
        return nil
    }

    /// The PipelineRun, if this is one.
    public var pipelineRun: PipelineRun? {
        if case .pipelineRun(let o) = object { return o }
        return nil
    }

    /// The TaskRun, if this is one.
    public var taskRun: TaskRun? {
        if case .taskRun(let o) = object { return o }
        return nil
    }

    /// The Pipeline or Task definition, if this is one.
    public var definition: TektonDefinition? {
        switch object {
        case .pipeline(let o), .task(let o): return o
        default: return nil
        }
    }
}
