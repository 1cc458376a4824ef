// STUB: replaced by the implementation of this area.

enum OverrideRules {
    static func validateOverrides(_ reconciliation: inout Reconciliation) {}
    static func updateGlobalCandidateList(_ reconciliation: inout Reconciliation) {}
}
