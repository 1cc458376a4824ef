import SnapgateModel
import SnapgateNode

/// SPEC.md §3.5: re-runs requested with the label `test.appstudio.openshift.io/run`.
///
/// snapgate removes the label from Snapshots it wrote, as upstream does. It never rewrites a
/// person's file, so on a person-authored Snapshot (an override Snapshot: snapgate never creates
/// those) the label stays; each value is honoured once and remembered in the annotation
/// `snapgate.dev/handled-run` (GITOPS.md "Re-runs").
enum RerunRules {
    /// Remembers the re-run value already handled on a person-authored Snapshot.
    static let handledRunAnnotation = "snapgate.dev/handled-run"
    static let rerunMessage = "Integration test re-run initiated for Snapshot"

    /// Handles the re-run label of every Snapshot that carries one.
    static func handleRerunLabels(_ reconciliation: inout Reconciliation) {
        for (object, snapshot) in SnapshotPipeline.processableSnapshots(reconciliation.world) {
            guard let value = snapshot.metadata.labels[Keys.run] else { continue }
            let personAuthored = SnapshotPipeline.isPersonAuthored(snapshot)
            if personAuthored && snapshot.metadata.annotations[handledRunAnnotation] == value { continue }
            rerun(object, snapshot, value: value, personAuthored: personAuthored, &reconciliation)
        }
    }

    private static func rerun(
        _ object: ManifestObject, _ snapshot: Snapshot, value: String, personAuthored: Bool,
        _ r: inout Reconciliation
    ) {
        // The label is consumed whatever happens next (an unknown scenario only removes it).
        func consumed(_ node: YAMLNode) -> YAMLNode {
            personAuthored ? node.settingAnnotation(handledRunAnnotation, to: value) : node.removingLabel(Keys.run)
        }
        let selected: [IntegrationTestScenario]
        if value == "all" {
            selected = r.world.applicableScenarios(for: snapshot)
        } else if let scenario = r.world.object(
            .integrationTestScenario, namespace: snapshot.metadata.namespace, name: value)?.scenario
        {
            selected = [scenario]  // regardless of its contexts
        } else {
            r.update(object.key, consumed)
            return
        }
        guard var statuses = SnapshotPipeline.statuses(of: object, snapshot, &r) else { return }
        var restarted = false
        var specJSON: String?
        for scenario in selected {
            let name = scenario.metadata.name
            if let entry = statuses.entry(name), entry.status == .inProgress || entry.status == .pending { continue }
            statuses.update(name, status: .pending, details: "Pending", now: r.now)
            statuses.modify(name) {
                $0.testPipelineRunName = nil
                $0.isOptionalScenario = scenario.isOptional
            }
            _ = TestRunRules.start(
                scenario, for: snapshot, node: object.node, statuses: &statuses, specJSON: &specJSON,
                details: { "PipelineRun '\($0)' created" }, &r)
            restarted = true
        }
        let now = r.now
        let finished = snapshot.hasFinishedTesting
        r.update(object.key) { node in
            var node = consumed(node)
            guard restarted else { return node }
            node = SnapshotPipeline.writing(statuses, to: node)
            if finished {
                for type in [Conditions.integrationStatus, Conditions.testSucceeded] {
                    node = node.settingCondition(
                        type: type, status: "Unknown", reason: "InProgress", message: rerunMessage, now: now)
                }
            }
            return node
        }
    }
}
