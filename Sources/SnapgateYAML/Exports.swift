// The node tree is the YAML layer's vocabulary: whoever parses or emits YAML works with it.
@_exported public import SnapgateNode
