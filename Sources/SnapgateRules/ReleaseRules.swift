// STUB: replaced by the implementation of this area.

enum ReleaseRules {
    static func ensureReleases(_ reconciliation: inout Reconciliation) {}
}
