public import SnapgateNode

/// `spec.source.git` of a Component, and the `source.git` of a Snapshot component.
public struct GitSource: Sendable, Hashable {
    public var url: String
    public var revision: String
    public var context: String
    public var dockerfileUrl: String
    public var devfileUrl: String

    /// Creates a git source.
    public init(
        url: String, revision: String = "", context: String = "", dockerfileUrl: String = "", devfileUrl: String = ""
    ) {
        self.url = url
        self.revision = revision
        self.context = context
        self.dockerfileUrl = dockerfileUrl
        self.devfileUrl = devfileUrl
    }

    /// Reads a git source.
    public init(node: YAMLNode) {
        self.init(
            url: node.stringOrEmpty("url"), revision: node.stringOrEmpty("revision"),
            context: node.stringOrEmpty("context"), dockerfileUrl: node.stringOrEmpty("dockerfileUrl"),
            devfileUrl: node.stringOrEmpty("devfileUrl"))
    }

    /// The source as a node; empty optional fields are omitted (Go `omitempty`).
    public var node: YAMLNode {
        var entries: [(String, YAMLNode)] = [("url", .string(url))]
        if !revision.isEmpty { entries.append(("revision", .string(revision))) }
        if !context.isEmpty { entries.append(("context", .string(context))) }
        if !dockerfileUrl.isEmpty { entries.append(("dockerfileUrl", .string(dockerfileUrl))) }
        if !devfileUrl.isEmpty { entries.append(("devfileUrl", .string(devfileUrl))) }
        return .mapping(entries)
    }
}

/// An entry of `spec.source.versions` of a Component.
public struct ComponentVersion: Sendable, Hashable {
    public var name: String
    public var revision: String
    public var context: String

    /// Reads a version entry.
    public init(node: YAMLNode) {
        name = node.stringOrEmpty("name")
        revision = node.stringOrEmpty("revision")
        context = node.stringOrEmpty("context")
    }
}

/// `spec.source` of a Component (`ComponentSource`). Kept whole as a node as well, because a
/// Snapshot copies the whole source of components it did not build (SPEC.md §1.3).
public struct ComponentSource: Sendable, Hashable {
    public var git: GitSource?
    public var versions: [ComponentVersion]
    /// The source as written, for copying into Snapshots.
    public var node: YAMLNode

    /// Reads a source.
    public init(node: YAMLNode) {
        self.node = node
        git = node.mapping("git").map(GitSource.init(node:))
        versions = node.items("versions").map(ComponentVersion.init(node:))
    }
}

/// `appstudio.redhat.com/v1alpha1` Component (SPEC.md §0).
public struct Component: Sendable, Hashable {
    public var metadata: ObjectMeta
    /// `spec.application`: the owning Application's name.
    public var application: String
    /// `spec.componentName`.
    public var componentName: String
    /// `spec.source`, when present.
    public var source: ComponentSource?
    /// `status.lastPromotedImage`: the Global Candidate List image.
    public var lastPromotedImage: String
    /// `status.lastBuiltCommit`: the Global Candidate List commit.
    public var lastBuiltCommit: String

    /// Reads a Component from its document.
    public init(node: YAMLNode, metadata: ObjectMeta) {
        self.metadata = metadata
        let spec = node.mapping("spec")
        application = spec?.stringOrEmpty("application") ?? ""
        componentName = spec?.stringOrEmpty("componentName") ?? ""
        source = spec?.mapping("source").map(ComponentSource.init(node:))
        let status = node.mapping("status")
        lastPromotedImage = status?.stringOrEmpty("lastPromotedImage") ?? ""
        lastBuiltCommit = status?.stringOrEmpty("lastBuiltCommit") ?? ""
    }
}
