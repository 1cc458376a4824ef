public import SnapgateModel
public import SnapgateNode

/// SPEC.md §5.2: which ReleasePlans of an application auto-release a Snapshot.
public enum ReleasePlanSelection {
    /// A plan whose auto-release expression could not be evaluated for the Snapshot.
    public struct Failure: Error, Sendable, Hashable {
        public var plan: String
        public var error: CELError
    }

    /// `shouldRelease`: false only when the Snapshot's `test.appstudio.openshift.io/result-should-release`
    /// annotation is exactly `false`.
    public static func shouldRelease(_ snapshot: Snapshot) -> Bool {
        snapshot.metadata.annotations[Keys.shouldReleaseResult] != "false"
    }

    /// The selected plans, in the order given; a failing expression aborts the whole selection
    /// (upstream returns the error from the listing).
    ///
    /// A plan with a non-empty auto-release annotation is selected iff its CEL expression is true
    /// (the label is then ignored, and SHOULD_RELEASE matters only if the expression calls
    /// `shouldRelease()`); otherwise iff its label is not `false` and `shouldRelease`.
    public static func select(
        _ plans: [ReleasePlan], snapshot: Snapshot, document: YAMLNode, now: Timestamp
    ) -> Result<[ReleasePlan], Failure> {
        var selected: [ReleasePlan] = []
        for plan in plans {
            if let expression = plan.autoReleaseExpression {
                do {
                    if try evaluate(expression, snapshot: snapshot, document: document, now: now) {
                        selected.append(plan)
                    }
                } catch {
                    return .failure(Failure(plan: plan.metadata.name, error: error))
                }
            } else if plan.autoReleaseLabel != "false", shouldRelease(snapshot) {
                selected.append(plan)
            }
        }
        return .success(selected)
    }

    /// Evaluates an auto-release expression with upstream's environment: `snapshot` (the document
    /// as a JSON map), `now` (a timestamp), `updatedComponentIs(string)` (compares with the
    /// Snapshot's `appstudio.openshift.io/component` label) and `shouldRelease()`. A Snapshot
    /// labelled `release.appstudio.openshift.io/auto-release: "false"` yields false unevaluated.
    public static func evaluate(
        _ expression: String, snapshot: Snapshot, document: YAMLNode, now: Timestamp
    ) throws(CELError) -> Bool {
        if snapshot.metadata.labels[Keys.autoRelease] == "false" { return false }
        let program = try CELProgram(expression)
        let component = snapshot.metadata.labels[Keys.component]
        let release = shouldRelease(snapshot)
        let functions: [String: CELFunction] = [
            "updatedComponentIs": CELFunction(arity: 1) { arguments in
                guard case .string(let name) = arguments[0] else { return nil }
                return .bool(component == name)
            },
            "shouldRelease": CELFunction(arity: 0) { _ in .bool(release) },
        ]
        return try program.evaluateCondition(
            variables: ["snapshot": CELValue(document), "now": .timestamp(now)], functions: functions)
    }
}
