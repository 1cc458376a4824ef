public import SnapgateModel

/// How builds and Snapshots are classified: push or pull request, merge queue, which scenarios
/// apply (SPEC.md §1.6, §2.2, §2.3, §4.5).
public enum Classification {
    /// `refs/heads/` removed from a branch name.
    static func branchName(_ value: String) -> String {
        value.hasPrefix("refs/heads/") ? String(value.dropFirst("refs/heads/".count)) : value
    }

    /// §1.5: a build from a GitHub merge queue (`source-branch` starts with `gh-readonly-queue/`).
    public static func isMergeQueueBuild(_ build: PipelineRun) -> Bool {
        guard let branch = build.metadata.annotations[Keys.pacSourceBranch] else { return false }
        return branchName(branch).hasPrefix("gh-readonly-queue/")
    }

    /// §1.6: a build PipelineRun is push iff it is not a merge-queue build and it has no
    /// pull-request label or its event-type label is `push`/`Push`.
    public static func isPushBuild(_ build: PipelineRun) -> Bool {
        guard !isMergeQueueBuild(build) else { return false }
        let labels = build.metadata.labels
        let eventType = labels[Keys.pacEventType]
        return labels[Keys.pacPullRequest] == nil || eventType == "push" || eventType == "Push"
    }

    /// §1.6: a Snapshot from a merge queue (annotation `pac.test.appstudio.openshift.io/source-branch`).
    public static func isMergeQueueSnapshot(_ snapshot: Snapshot) -> Bool {
        guard let branch = snapshot.metadata.annotations[Keys.snapshotSourceBranch] else { return false }
        return branchName(branch).hasPrefix("gh-readonly-queue/")
    }

    /// §1.6 `IsSnapshotCreatedByPACPushEvent`: not merge-queue, not a group snapshot, and its
    /// event-type label is `push`/`Push` or absent, or it has no pull-request label. Snapshots
    /// without PaC metadata therefore count as push.
    public static func isPushSnapshot(_ snapshot: Snapshot) -> Bool {
        guard !isMergeQueueSnapshot(snapshot) else { return false }
        let labels = snapshot.metadata.labels
        guard labels[Keys.testType] != "group" else { return false }
        let eventType = labels[Keys.snapshotEventType]
        return eventType == "push" || eventType == "Push" || eventType == nil || labels[Keys.snapshotPullRequest] == nil
    }

    /// §2.2: whether one context name matches a Snapshot.
    public static func contextMatches(_ name: String, _ snapshot: Snapshot) -> Bool {
        let labels = snapshot.metadata.labels
        switch name {
        case "application", "all": return true
        case "component": return labels[Keys.testType] == "component"
        case "group": return labels[Keys.testType] == "group"
        case "override": return labels[Keys.testType] == "override"
        case "push": return isPushSnapshot(snapshot)
        case "pull_request": return !isPushSnapshot(snapshot)
        default:
            if name.hasPrefix("component_") {
                return labels[Keys.component] == String(name.dropFirst("component_".count))
            }
            return false
        }
    }

    /// §2.2: a scenario applies when it has no contexts or any context matches (OR).
    public static func applies(_ scenario: IntegrationTestScenario, to snapshot: Snapshot) -> Bool {
        scenario.contexts.isEmpty || scenario.contexts.contains { contextMatches($0.name, snapshot) }
    }
}

extension World {
    /// The scenarios of the Snapshot's application that apply to it (§2.2), by name.
    public func applicableScenarios(for snapshot: Snapshot) -> [IntegrationTestScenario] {
        scenarios(namespace: snapshot.metadata.namespace, application: snapshot.application).filter {
            Classification.applies($0, to: snapshot)
        }
    }

    /// The applicable scenarios that are not optional (§2.3): the ones that decide the verdict.
    public func requiredScenarios(for snapshot: Snapshot) -> [IntegrationTestScenario] {
        applicableScenarios(for: snapshot).filter { !$0.isOptional }
    }
}

/// The derived predicates of SPEC.md §4.5 on a Snapshot's conditions, with the legacy
/// `HACBS…` types read when the new type is absent.
extension Snapshot {
    /// `AppStudioTestSucceeded` (or the legacy `HACBSStudioTestSucceeded`).
    public var testSucceededCondition: Condition? {
        conditions.condition(Conditions.testSucceeded) ?? conditions.condition(Conditions.legacyTestSucceeded)
    }

    /// `AppStudioIntegrationStatus` (or the legacy `HACBSIntegrationStatus`).
    public var integrationStatusCondition: Condition? {
        conditions.condition(Conditions.integrationStatus) ?? conditions.condition(Conditions.legacyIntegrationStatus)
    }

    /// Finished testing: `AppStudioTestSucceeded` present and not `Unknown`.
    public var hasFinishedTesting: Bool {
        guard let condition = testSucceededCondition else { return false }
        return condition.status != "Unknown"
    }

    /// Passed: `AppStudioTestSucceeded` is `True`.
    public var hasPassedTests: Bool { testSucceededCondition?.status == "True" }

    /// Valid: `AppStudioIntegrationStatus` absent or its reason is not `Invalid`.
    public var isValid: Bool { integrationStatusCondition?.reason != "Invalid" }

    /// Canceled: `AppStudioIntegrationStatus` is `True` with reason `Canceled`.
    public var isCanceled: Bool {
        integrationStatusCondition?.status == "True" && integrationStatusCondition?.reason == "Canceled"
    }

    /// Auto-release already processed: `AutoReleased` is `True`.
    public var isAutoReleased: Bool { conditions.condition(Conditions.autoReleased)?.status == "True" }
}
