// STUB: replaced by the YAML layer implementation.

/// Writes `YAMLNode` trees as canonical YAML text.
public enum YAMLEmitter {
    /// How mapping keys are ordered in the output.
    public enum KeyOrder: Sendable {
        /// `apiVersion, kind, metadata, spec, status` first, then the other keys sorted.
        case canonical
        /// As they are in the node.
        case preserve
    }

    /// The YAML text of one document (no `---` line), ending in a newline.
    public static func emit(_ node: YAMLNode, keyOrder: KeyOrder = .canonical) -> String {
        fatalError("stub")
    }

    /// Several documents, each started by a `---` line.
    public static func emit(documents: [YAMLNode], keyOrder: KeyOrder = .canonical) -> String {
        fatalError("stub")
    }
}
