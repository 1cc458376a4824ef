public import SnapgateNode

/// `appstudio.redhat.com/v1alpha1` Application: the unit Snapshots are made for. Only its
/// identity is used (SPEC.md §0).
public struct Application: Sendable, Hashable {
    public var metadata: ObjectMeta
    /// `spec.displayName`.
    public var displayName: String

    /// Reads an Application from its document.
    public init(node: YAMLNode, metadata: ObjectMeta) {
        self.metadata = metadata
        self.displayName = node.mapping("spec")?.stringOrEmpty("displayName") ?? ""
    }
}
