// STUB: replaced by the implementation of this area.

enum BuildRules {
    static func updateGlobalCandidateList(_ reconciliation: inout Reconciliation) {}
    static func createSnapshots(_ reconciliation: inout Reconciliation) {}
}
