// STUB: replaced by the implementation of this area.

enum ScenarioRules {
    static func validateScenarios(_ reconciliation: inout Reconciliation) {}
}
