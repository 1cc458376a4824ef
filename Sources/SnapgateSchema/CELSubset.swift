import SnapgateNode

/// Evaluates the few `x-kubernetes-validations` CEL forms the Konflux CRDs use.
///
/// Supported: `has(self.a) != has(self.b)` and `has(self.a) == has(self.b)` (the "exactly one of" /
/// "both or neither" rules). Any other rule is not evaluated (the API server still will).
enum CELSubset {
    /// A rule of the supported subset, parsed (once, when its schema is built).
    struct Rule: Sendable {
        var lhs: String
        var rhs: String
        var notEqual: Bool
    }

    /// The rule's value on `object`, or nil when the rule is not in the supported subset.
    static func evaluate(_ rule: String, on object: YAMLNode) -> Bool? {
        compile(rule).map { evaluate($0, on: object) }
    }

    /// The parsed form of a rule in the supported subset, or nil.
    static func compile(_ rule: String) -> Rule? {
        let compact = rule.filter { !$0.isWhitespace }
        for op in ["!=", "=="] {
            let sides = compact.split(separator: op, omittingEmptySubsequences: false)
            guard sides.count == 2, let lhs = hasField(sides[0]), let rhs = hasField(sides[1]) else { continue }
            return Rule(lhs: lhs, rhs: rhs, notEqual: op == "!=")
        }
        return nil
    }

    /// A parsed rule's value on `object`.
    static func evaluate(_ rule: Rule, on object: YAMLNode) -> Bool {
        let left = isSet(object, rule.lhs)
        let right = isSet(object, rule.rhs)
        return rule.notEqual ? left != right : left == right
    }

    /// The field name of `has(self.name)`, or nil.
    private static func hasField(_ trimmed: Substring) -> String? {
        guard trimmed.hasPrefix("has(self."), trimmed.hasSuffix(")") else { return nil }
        let name = trimmed.dropFirst("has(self.".count).dropLast()
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return String(name)
    }

    /// CEL `has()` after pruning: present and not null.
    private static func isSet(_ object: YAMLNode, _ field: String) -> Bool {
        guard let value = object[field] else { return false }
        return !value.isNull
    }
}
