// A compact one-line rendering for diagnostics and test failures (the derived description of a
// node tree is unreadable).

extension YAMLNode: CustomStringConvertible {
    /// The node in one line, flow style: strings quoted, other scalars bare (`!!kind "text"` when
    /// the text would not resolve to the kind), e.g. `{"name": "app", "replicas": 3}`.
    public var description: String {
        var out = ""
        Self.describe(self, into: &out)
        return out
    }

    private static func describe(_ node: YAMLNode, into out: inout String) {
        switch node.content {
        case .scalar(let s):
            if s.kind == .string {
                out += s.text.debugDescription
            } else if YAMLScalarKind.resolve(plain: s.text) == s.kind {
                out += s.text.isEmpty ? "null" : s.text
            } else {
                out += "!!\(s.kind.rawValue) \(s.text.debugDescription)"
            }
        case .sequence(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                describe(item, into: &out)
            }
            out += "]"
        case .mapping(let pairs):
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += ", " }
                describe(pair.key, into: &out)
                out += ": "
                describe(pair.value, into: &out)
            }
            out += "}"
        }
    }
}
