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
public struct ManifestObject: Sendable, Hashable {
    /// `apiVersion` after conversion (what snapgate works with).
    public var apiVersion: String
    /// `apiVersion` as written in the file.
    public var sourceAPIVersion: String
    public var kind: KnownKind
    public var key: ObjectKey
    /// The document as written.
    public var node: YAMLNode
    public var source: SourceLocation
    public var object: KonfluxObject

    /// Creates a manifest object.
    public init(
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
