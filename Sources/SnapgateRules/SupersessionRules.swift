// STUB: replaced by the implementation of this area.

enum SupersessionRules {
    static func cancelSupersededByBuilds(_ reconciliation: inout Reconciliation) {}
}
