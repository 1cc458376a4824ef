// STUB: replaced by the implementation of this area.

enum ResultRules {
    static func updateStatusFromPipelineRuns(_ reconciliation: inout Reconciliation) {}
}
