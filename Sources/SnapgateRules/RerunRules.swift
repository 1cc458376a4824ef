// STUB: replaced by the implementation of this area.

enum RerunRules {
    static func handleRerunLabels(_ reconciliation: inout Reconciliation) {}
}
