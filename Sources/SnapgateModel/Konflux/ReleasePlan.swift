public import SnapgateNode

/// `appstudio.redhat.com/v1alpha1` ReleasePlan (SPEC.md §0, §5).
public struct ReleasePlan: Sendable, Hashable {
    public var metadata: ObjectMeta
    public var application: String
    public var componentGroup: String
    /// `spec.target`: the managed namespace.
    public var target: String

    /// Reads a ReleasePlan from its document.
    public init(node: YAMLNode, metadata: ObjectMeta) {
        self.metadata = metadata
        let spec = node.mapping("spec")
        application = spec?.stringOrEmpty("application") ?? ""
        componentGroup = spec?.stringOrEmpty("componentGroup") ?? ""
        target = spec?.stringOrEmpty("target") ?? ""
    }

    /// Label `release.appstudio.openshift.io/auto-release`, if set.
    public var autoReleaseLabel: String? { metadata.labels["release.appstudio.openshift.io/auto-release"] }

    /// Annotation `release.appstudio.openshift.io/auto-release`: a CEL expression, if non-empty.
    public var autoReleaseExpression: String? {
        guard let value = metadata.annotations["release.appstudio.openshift.io/auto-release"], !value.isEmpty else {
            return nil
        }
        return value
    }
}

/// `appstudio.redhat.com/v1alpha1` ReleasePlanAdmission. The integration service does not read
/// it; snapgate validates it and lists it.
public struct ReleasePlanAdmission: Sendable, Hashable {
    public var metadata: ObjectMeta
    /// `spec.applications`.
    public var applications: [String]
    /// `spec.origin`: the tenant namespace releases come from.
    public var origin: String

    /// Reads a ReleasePlanAdmission from its document.
    public init(node: YAMLNode, metadata: ObjectMeta) {
        self.metadata = metadata
        let spec = node.mapping("spec")
        applications = spec?.strings("applications") ?? []
        origin = spec?.stringOrEmpty("origin") ?? ""
    }
}

/// `appstudio.redhat.com/v1alpha1` Release (SPEC.md §0, §5.3).
public struct Release: Sendable, Hashable {
    public var metadata: ObjectMeta
    public var snapshot: String
    public var releasePlan: String
    /// `status.automated`.
    public var automated: Bool?

    /// Creates a Release.
    public init(metadata: ObjectMeta, snapshot: String, releasePlan: String, automated: Bool? = nil) {
        self.metadata = metadata
        self.snapshot = snapshot
        self.releasePlan = releasePlan
        self.automated = automated
    }

    /// Reads a Release from its document.
    public init(node: YAMLNode, metadata: ObjectMeta) {
        let spec = node.mapping("spec")
        self.init(
            metadata: metadata, snapshot: spec?.stringOrEmpty("snapshot") ?? "",
            releasePlan: spec?.stringOrEmpty("releasePlan") ?? "", automated: node.mapping("status")?.bool("automated"))
    }

    /// The Release as a complete document.
    public var node: YAMLNode {
        var entries: [(String, YAMLNode)] = [
            ("apiVersion", .string(KnownKind.release.preferredAPIVersion)), ("kind", .string("Release")),
            ("metadata", metadata.node),
            ("spec", .mapping([("releasePlan", .string(releasePlan)), ("snapshot", .string(snapshot))])),
        ]
        if let automated { entries.append(("status", .mapping([("automated", .bool(automated))]))) }
        return .mapping(entries)
    }
}
