// STUB: replaced by the implementation of this area.

enum TestRunRules {
    static func createTestPipelineRuns(_ reconciliation: inout Reconciliation) {}
}
