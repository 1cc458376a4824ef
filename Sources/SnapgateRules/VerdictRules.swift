import SnapgateModel
import SnapgateNode

/// SPEC.md §4.4 (status-report controller, `EnsureSnapshotFinishedAllTests`): a Snapshot's overall
/// verdict from its status annotation.
enum VerdictRules {
    static let finishedMessage =
        "Snapshot integration status condition is finished since all testing pipelines completed"
    static let finishedWithoutRequiredMessage =
        "Snapshot integration status condition is finished since there are no required testing pipelines defined "
        + "for its application"
    static let passedMessage = "All Integration Pipeline tests passed"
    static let failedMessage = "Some Integration pipeline tests failed"

    /// §4.4 for every Snapshot that has a status annotation, by key.
    ///
    /// Upstream runs this when the annotation changes (and on resync for unfinished Snapshots); a
    /// Snapshot without the annotation (zero applicable scenarios, §10.4) never gets
    /// `AppStudioIntegrationStatus`. snapgate evaluates every Snapshot in every pass, which gives
    /// the same conditions because the rule is idempotent.
    static func ensureVerdicts(_ reconciliation: inout Reconciliation) {
        for object in reconciliation.world.all(.snapshot) {
            guard let current = reconciliation.world.object(object.key), let snapshot = current.snapshot,
                snapshot.metadata.annotations[Keys.testStatus] != nil,
                !SnapshotPipeline.isVeleroObject(snapshot.metadata)
            else { continue }
            ensureVerdict(current, snapshot, &reconciliation)
        }
    }

    private static func ensureVerdict(_ object: ManifestObject, _ snapshot: Snapshot, _ r: inout Reconciliation) {
        guard let statuses = ResultRules.testStatuses(of: object, &r) else { return }
        let required = r.world.requiredScenarios(for: snapshot).map(\.metadata.name)
        let finished = required.allSatisfy { statuses.entry($0)?.status.isFinal == true }
        guard finished else {
            // A required scenario nobody started: ask §3.5's re-run to start it. Only for a Snapshot
            // still being tested (a later scenario must not re-test a finished Snapshot, which
            // upstream's event-driven controller would not revisit either), and never over a
            // re-run request already pending.
            // §6.3: a canceled (superseded) Snapshot starts no runs.
            if !snapshot.hasFinishedTesting, !snapshot.isCanceled, snapshot.metadata.labels[Keys.run] == nil,
                let missing = required.first(where: { statuses.entry($0) == nil })
            {
                r.update(object.key) { $0.settingLabel(Keys.run, to: missing) }
            }
            return
        }
        let passed = required.allSatisfy { statuses.entry($0)?.status.isPassed ?? true }
        let integration = snapshot.integrationStatusCondition
        let alreadyFinished =
            integration?.status == "True" && (integration?.reason == "Finished" || integration?.reason == "Canceled")
        let now = r.now
        if !alreadyFinished {
            let message = required.isEmpty ? finishedWithoutRequiredMessage : finishedMessage
            r.update(object.key) {
                $0.settingCondition(
                    type: Conditions.integrationStatus, status: "True", reason: "Finished", message: message, now: now)
            }
        }
        let test = snapshot.testSucceededCondition
        if passed {
            guard test?.status != "True" || test?.reason != "Passed" else { return }
            r.update(object.key) {
                $0.settingCondition(
                    type: Conditions.testSucceeded, status: "True", reason: "Passed", message: passedMessage, now: now)
            }
        } else {
            guard test?.status != "False" || test?.reason != "Failed" else { return }
            r.update(object.key) {
                $0.settingCondition(
                    type: Conditions.testSucceeded, status: "False", reason: "Failed", message: failedMessage, now: now)
            }
        }
    }
}
