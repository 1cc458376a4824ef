// STUB: replaced by the implementation of this area.

enum SnapshotRules {
    static func precheck(_ reconciliation: inout Reconciliation) {}
}
