/// An API group and kind: what makes a document one of snapgate's objects (GITOPS.md: a
/// `kind: Component` of another group is not ours).
public struct GroupKind: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The API group ("" for the core group).
    public var group: String
    /// The kind, in CamelCase.
    public var kind: String

    /// Creates a group/kind pair.
    public init(group: String, kind: String) {
        self.group = group
        self.kind = kind
    }

    public static func < (lhs: GroupKind, rhs: GroupKind) -> Bool {
        (lhs.group, lhs.kind) < (rhs.group, rhs.kind)
    }

    /// `Kind.group`, as kubectl names resources.
    public var description: String { group.isEmpty ? kind : "\(kind).\(group)" }
}

/// Splits an `apiVersion` into group and version: `appstudio.redhat.com/v1alpha1` → (group, v1alpha1);
/// `v1` → ("", v1).
public func splitAPIVersion(_ apiVersion: String) -> (group: String, version: String) {
    // On the bytes in place: `String.lastIndex(of: Character)` walks grapheme clusters (~3,000
    // instructions an apiVersion; this runs for every document), the UTF-8 view's ~700.
    let utf8 = apiVersion.utf8
    let found: String.Index?
    if let offset = utf8.withContiguousStorageIfAvailable({ $0.lastIndex(of: UInt8(ascii: "/")) }) {
        found = offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    } else {
        found = utf8.lastIndex(of: UInt8(ascii: "/"))
    }
    guard let slash = found else { return ("", apiVersion) }
    let group = apiVersion[..<slash]
    let version = String(apiVersion[apiVersion.utf8.index(after: slash)...])
    // Konflux's group as the shared literal: no allocation, and keys compare it by identity.
    let konfluxGroup = KnownKind.konfluxGroup
    if group.utf8.count == konfluxGroup.utf8.count, group == konfluxGroup { return (konfluxGroup, version) }
    return (String(group), version)
}

/// The identity of an object in the repository: group, kind, namespace and name.
///
/// Keys are hashed, compared and copied constantly (every index of the world is keyed by them),
/// so the four strings live in one shared, immutable box with the hash computed once: a copy is
/// one reference count and hashing is one integer. Setting a field makes a new box.
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    private final class Storage: Sendable {
        let groupKind: GroupKind
        let namespace: String
        let name: String
        /// The hash of the three fields (per process, as `Hasher` is).
        let hash: Int

        init(_ groupKind: GroupKind, namespace: String, name: String) {
            self.groupKind = groupKind
            self.namespace = namespace
            self.name = name
            var hasher = Hasher()
            hasher.combine(groupKind.group)
            hasher.combine(groupKind.kind)
            hasher.combine(namespace)
            hasher.combine(name)
            hash = hasher.finalize()
        }
    }

    private var storage: Storage

    /// Creates an object key.
    public init(_ groupKind: GroupKind, namespace: String, name: String) {
        storage = Storage(groupKind, namespace: namespace, name: name)
    }

    /// The API group and kind.
    public var groupKind: GroupKind {
        get { storage.groupKind }
        set { storage = Storage(newValue, namespace: storage.namespace, name: storage.name) }
    }

    /// The namespace.
    public var namespace: String {
        get { storage.namespace }
        set { storage = Storage(storage.groupKind, namespace: newValue, name: storage.name) }
    }

    /// The name.
    public var name: String {
        get { storage.name }
        set { storage = Storage(storage.groupKind, namespace: storage.namespace, name: newValue) }
    }

    public static func == (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        let l = lhs.storage
        let r = rhs.storage
        if l === r { return true }
        return l.hash == r.hash && l.name == r.name && l.namespace == r.namespace && l.groupKind == r.groupKind
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.hash) }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        let l = lhs.storage
        let r = rhs.storage
        if l === r { return false }
        if l.groupKind.group != r.groupKind.group { return l.groupKind.group < r.groupKind.group }
        if l.groupKind.kind != r.groupKind.kind { return l.groupKind.kind < r.groupKind.kind }
        if l.namespace != r.namespace { return l.namespace < r.namespace }
        return l.name < r.name
    }

    /// `Kind namespace/name`, as people say it.
    public var description: String { "\(storage.groupKind.kind) \(storage.namespace)/\(storage.name)" }
}

/// The kinds snapgate reads and writes.
public enum KnownKind: String, Sendable, CaseIterable, Hashable {
    case application = "Application"
    case component = "Component"
    case integrationTestScenario = "IntegrationTestScenario"
    case releasePlan = "ReleasePlan"
    case releasePlanAdmission = "ReleasePlanAdmission"
    case snapshot = "Snapshot"
    case release = "Release"
    case pipelineRun = "PipelineRun"
    case taskRun = "TaskRun"
    case pipeline = "Pipeline"
    case task = "Task"

    /// The Konflux API group.
    public static let konfluxGroup = "appstudio.redhat.com"
    /// The Tekton API group.
    public static let tektonGroup = "tekton.dev"

    /// The API group of this kind.
    public var group: String {
        switch self {
        case .pipelineRun, .taskRun, .pipeline, .task: return KnownKind.tektonGroup
        default: return KnownKind.konfluxGroup
        }
    }

    /// The group/kind pair.
    public var groupKind: GroupKind { GroupKind(group: group, kind: rawValue) }

    /// The API versions snapgate reads for this kind; the first is the one it writes.
    public var readableVersions: [String] {
        switch self {
        case .integrationTestScenario: return ["v1beta2", "v1beta1", "v1alpha1"]
        case .pipelineRun, .taskRun, .pipeline, .task: return ["v1", "v1beta1"]
        default: return ["v1alpha1"]
        }
    }

    /// The `apiVersion` snapgate writes for this kind.
    public var preferredAPIVersion: String { "\(group)/\(readableVersions[0])" }

    /// The kind of a group/kind pair, if snapgate reads it.
    public init?(_ groupKind: GroupKind) {
        guard let kind = KnownKind(rawValue: groupKind.kind), kind.group == groupKind.group else { return nil }
        self = kind
    }
}
