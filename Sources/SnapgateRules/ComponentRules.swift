// STUB: replaced by the implementation of this area.

enum ComponentRules {
    static func ensureFinalizers(_ reconciliation: inout Reconciliation) {}
    static func handleDeletions(_ reconciliation: inout Reconciliation) {}
}
