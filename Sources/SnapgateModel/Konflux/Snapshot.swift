public import SnapgateNode

/// An entry of `spec.components` of a Snapshot.
public struct SnapshotComponent: Sendable, Hashable {
    public var name: String
    /// `version` (ComponentGroup model only).
    public var version: String
    /// `<repo>@sha256:<hex>` to be valid.
    public var containerImage: String
    /// `source` as a node: always serialised, possibly `{}` (SPEC.md §0).
    public var source: YAMLNode

    /// Creates a Snapshot component.
    public init(name: String, version: String = "", containerImage: String, source: YAMLNode = .mapping([])) {
        self.name = name
        self.version = version
        self.containerImage = containerImage
        self.source = source
    }

    /// Reads a Snapshot component.
    public init(node: YAMLNode) {
        self.init(
            name: node.stringOrEmpty("name"), version: node.stringOrEmpty("version"),
            containerImage: node.stringOrEmpty("containerImage"), source: node.mapping("source") ?? .mapping([]))
    }

    /// The git source of this component, if any.
    public var git: GitSource? { source.mapping("git").map(GitSource.init(node:)) }

    /// The component as a node, in upstream's Go field order.
    public var node: YAMLNode {
        var entries: [(String, YAMLNode)] = [("name", .string(name))]
        if !version.isEmpty { entries.append(("version", .string(version))) }
        entries.append(("containerImage", .string(containerImage)))
        entries.append(("source", Self.goOrdered(source)))
        return .mapping(entries)
    }

    /// `source` with its keys in the Go struct order upstream marshals (`ComponentSource`: `git`,
    /// `url`, `dockerfileUri`, `versions`; `GitSource`: `url`, `revision`, `context`,
    /// `dockerfileUrl`, `devfileUrl`), whatever order the YAML had: the `SNAPSHOT` param's JSON
    /// must be byte-identical however the Snapshot was read (SPEC.md §3.2).
    static func goOrdered(_ source: YAMLNode) -> YAMLNode {
        var node = reordered(source, ["git", "url", "dockerfileUri", "versions"])
        if let git = node.mapping("git") {
            node = node.setting(
                "git", to: reordered(git, ["url", "revision", "context", "dockerfileUrl", "devfileUrl"]))
        }
        return node
    }

    private static func reordered(_ node: YAMLNode, _ order: [String]) -> YAMLNode {
        guard let pairs = node.mapping else { return node }
        let rank = { (pair: YAMLPair) -> Int in order.firstIndex(of: pair.key.string ?? "") ?? order.count }
        let sorted = pairs.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
        return YAMLNode(.mapping(sorted.map(\.element)), mark: node.mark)
    }
}

/// `appstudio.redhat.com/v1alpha1` Snapshot (SPEC.md §0).
public struct Snapshot: Sendable, Hashable {
    public var metadata: ObjectMeta
    public var application: String
    public var componentGroup: String
    public var displayName: String
    public var displayDescription: String
    public var components: [SnapshotComponent]
    /// `spec.artifacts`, always serialised (as `{}` when empty).
    public var artifacts: YAMLNode
    public var conditions: [Condition]

    /// Creates a Snapshot.
    public init(
        metadata: ObjectMeta, application: String, componentGroup: String = "", displayName: String = "",
        displayDescription: String = "", components: [SnapshotComponent], artifacts: YAMLNode = .mapping([]),
        conditions: [Condition] = []
    ) {
        self.metadata = metadata
        self.application = application
        self.componentGroup = componentGroup
        self.displayName = displayName
        self.displayDescription = displayDescription
        self.components = components
        self.artifacts = artifacts
        self.conditions = conditions
    }

    /// Reads a Snapshot from its document.
    public init(node: YAMLNode, metadata: ObjectMeta) {
        let spec = node.mapping("spec") ?? .mapping([])
        self.init(
            metadata: metadata, application: spec.stringOrEmpty("application"),
            componentGroup: spec.stringOrEmpty("componentGroup"), displayName: spec.stringOrEmpty("displayName"),
            displayDescription: spec.stringOrEmpty("displayDescription"),
            components: spec.items("components").map(SnapshotComponent.init(node:)),
            artifacts: spec.mapping("artifacts") ?? .mapping([]),
            conditions: node.mapping("status")?.items("conditions").map(Condition.init(node:)) ?? [])
    }

    /// `spec` as a node in upstream's Go field order (the order of the `SNAPSHOT` param JSON).
    public var specNode: YAMLNode {
        var entries: [(String, YAMLNode)] = []
        if !application.isEmpty { entries.append(("application", .string(application))) }
        if !componentGroup.isEmpty { entries.append(("componentGroup", .string(componentGroup))) }
        if !displayName.isEmpty { entries.append(("displayName", .string(displayName))) }
        if !displayDescription.isEmpty { entries.append(("displayDescription", .string(displayDescription))) }
        if !components.isEmpty { entries.append(("components", .sequence(components.map(\.node)))) }
        entries.append(("artifacts", artifacts))
        return .mapping(entries)
    }

    /// The Snapshot as a complete document.
    public var node: YAMLNode {
        var entries: [(String, YAMLNode)] = [
            ("apiVersion", .string(KnownKind.snapshot.preferredAPIVersion)), ("kind", .string("Snapshot")),
            ("metadata", metadata.node), ("spec", specNode),
        ]
        if !conditions.isEmpty {
            entries.append(("status", .mapping([("conditions", .sequence(conditions.map(\.node)))])))
        }
        return .mapping(entries)
    }
}
