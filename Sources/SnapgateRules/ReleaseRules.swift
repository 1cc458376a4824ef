import SnapgateModel
import SnapgateNode

/// SPEC.md §5 (snapshot controller, `EnsureAllReleasesExist`): auto-release of Snapshots that
/// passed their tests.
enum ReleaseRules {
    static let releasedMessage = "The Snapshot was auto-released"
    static let shouldReleaseFalseMessage =
        "Skipping auto-release because the build pipeline's SHOULD_RELEASE result is 'false'"
    static let noPlansMessage =
        "Skipping auto-release of the Snapshot because no ReleasePlans have the 'auto-release' label set to 'true'"
    static let supersededMessage = "Released in newer Snapshot"

    /// §5 for every Snapshot, by key.
    static func ensureReleases(_ reconciliation: inout Reconciliation) {
        for object in reconciliation.world.all(.snapshot) {
            guard let current = reconciliation.world.object(object.key), let snapshot = current.snapshot,
                isEligible(snapshot)
            else { continue }
            release(current, snapshot, &reconciliation)
        }
    }

    /// §5.1: all seven conditions (when one fails nothing happens and nothing is written; the
    /// reasons upstream logs are not recorded anywhere).
    static func isEligible(_ snapshot: Snapshot) -> Bool {
        let labels = snapshot.metadata.labels
        guard labels[Keys.veleroBackup] == nil, labels[Keys.veleroRestore] == nil else { return false }
        return snapshot.hasFinishedTesting  // 1: testing finished
            && snapshot.hasPassedTests  // 2: passed
            && snapshot.isValid  // 3: valid
            && Classification.isPushSnapshot(snapshot)  // 4: push (merge-queue and group are not)
            && labels[Keys.autoRelease] != "false"  // 5: the label only; the annotation is ignored
            && labels[Keys.testType] != "group"  // 6: not a group snapshot
            && !snapshot.isAutoReleased  // 7: not processed yet (the idempotency marker)
    }

    private static func release(_ object: ManifestObject, _ snapshot: Snapshot, _ r: inout Reconciliation) {
        let namespace = snapshot.metadata.namespace
        let plans = r.world.releasePlans(namespace: namespace, application: snapshot.application)
        let selected: [ReleasePlan]
        // An expression may read `now`: its answer can change with the clock alone.
        if plans.contains(where: { $0.autoReleaseExpression?.contains("now") == true }) { r.markClockDependent() }
        switch ReleasePlanSelection.select(plans, snapshot: snapshot, document: object.node, now: r.now) {
        case .success(let plans): selected = plans
        case .failure(let failure):
            // Upstream aborts the step and retries while the Snapshot is younger than 3 hours,
            // after writing AppStudioIntegrationStatus=False/ErrorOccured. snapgate reports the
            // expression's problem on the ReleasePlan and leaves the Snapshot untouched and not
            // marked AutoReleased, so every pass retries until the plan is fixed. The condition is
            // not written: the verdict rule, which snapgate re-evaluates every round, would set it
            // back to Finished, and the two would never settle.
            guard let planObject = r.world.object(.releasePlan, namespace: namespace, name: failure.plan) else {
                return
            }
            let node = planObject.node["metadata"]?["annotations"]?[Keys.autoRelease]
            r.report(
                .error, about: planObject, at: node,
                "auto-release expression: \(failure.error) (Snapshot \(snapshot.metadata.name) is not auto-released "
                    + "until it is fixed)")
            return
        }
        let message: String
        if selected.isEmpty {
            message = ReleasePlanSelection.shouldRelease(snapshot) ? noPlansMessage : shouldReleaseFalseMessage
        } else if ReleaseSupersession.isSuperseded(snapshot, among: r.world.snapshots(namespace: namespace)) {
            message = supersededMessage
        } else {
            for plan in selected {
                guard createRelease(of: snapshot, plan: plan, &r) else { return }
            }
            message = releasedMessage
        }
        let now = r.now
        r.update(object.key) {
            $0.settingCondition(
                type: Conditions.autoReleased, status: "True", reason: "AutoReleased", message: message, now: now)
        }
    }

    /// Creates the Release of `snapshot` with `plan` unless one exists; false when it could not
    /// be created (the Snapshot is then not marked, as upstream retries).
    private static func createRelease(of snapshot: Snapshot, plan: ReleasePlan, _ r: inout Reconciliation) -> Bool {
        let namespace = snapshot.metadata.namespace
        let name = snapshot.metadata.name
        let exists = r.world.releases(namespace: namespace).contains {
            $0.snapshot == name && $0.releasePlan == plan.metadata.name
        }
        guard !exists else { return true }
        let release = newRelease(of: snapshot, plan: plan.metadata.name)
        guard r.create(release.node) != nil else { return false }
        r.record(
            RuleEvent(
                "released Snapshot \(name) with ReleasePlan \(plan.metadata.name) as Release \(release.metadata.name)",
                trailers: [.init("Snapgate-Snapshot", name), .init("Snapgate-Release", release.metadata.name)]))
        return true
    }

    /// §5.3's Release: `generateName` `<snapshot>-<sha7>-` (or `<snapshot>-`), named here from a
    /// hash of namespace, Snapshot and plan; the automated label; the span context when present;
    /// `status.automated: true` (upstream patches it right after creating).
    static func newRelease(of snapshot: Snapshot, plan: String) -> Release {
        let name = snapshot.metadata.name
        let namespace = snapshot.metadata.namespace
        var prefix = "\(name)-"
        if let sha = snapshot.metadata.annotations[Keys.snapshotSHA], !sha.isEmpty {
            prefix += "\(sha.prefix(7))-"
        }
        var annotations = StringMap()
        if let span = snapshot.metadata.annotations[Keys.spanContext] { annotations[Keys.spanContext] = span }
        let metadata = ObjectMeta(
            name: Naming.generatedName(prefix: prefix, seed: "\(namespace)/\(name)/\(plan)"), namespace: namespace,
            labels: [Keys.automated: "true"], annotations: annotations)
        return Release(metadata: metadata, snapshot: name, releasePlan: plan, automated: true)
    }
}
