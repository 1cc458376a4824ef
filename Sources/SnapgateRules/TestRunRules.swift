import SnapgateModel
import SnapgateNode

/// SPEC.md §3.1 (`EnsureIntegrationPipelineRunsExist`): status entries for the applicable
/// scenarios, one test PipelineRun per pending scenario, supersession of older PR snapshots,
/// and the verdict when nothing is required.
enum TestRunRules {
    static let inProgressMessage = "Snapshot starts being tested by the integrationPipelineRun"
    static let noRequiredMessage = "No required IntegrationTestScenarios found, skipped testing"

    /// Runs §3.1 for every Snapshot that has not finished testing, is valid and is not canceled.
    static func createTestPipelineRuns(_ reconciliation: inout Reconciliation) {
        for (object, _) in SnapshotPipeline.processableSnapshots(reconciliation.world) {
            // Re-read: an earlier Snapshot of this round may have canceled this one (§6.3).
            guard let current = reconciliation.world.object(object.key), let snapshot = current.snapshot,
                !snapshot.hasFinishedTesting, snapshot.isValid, !snapshot.isCanceled
            else { continue }
            ensureTests(current, snapshot, &reconciliation)
        }
    }

    private static func ensureTests(_ object: ManifestObject, _ snapshot: Snapshot, _ r: inout Reconciliation) {
        guard var statuses = SnapshotPipeline.statuses(of: object, snapshot, &r) else { return }
        // No copy of the world is held across the changes below: it would make every change copy
        // the whole world (copy-on-write), which is quadratic over a large repository.
        let applicable = r.world.applicableScenarios(for: snapshot)
        let applicableNames = Set(applicable.map(\.metadata.name))
        // Step 2: an entry per applicable scenario, optional flags refreshed, others removed.
        for scenario in applicable {
            if statuses.entry(scenario.metadata.name) == nil {
                statuses.update(scenario.metadata.name, status: .pending, details: "Pending", now: r.now)
            }
            statuses.modify(scenario.metadata.name) { $0.isOptionalScenario = scenario.isOptional }
        }
        for entry in statuses.entries where !applicableNames.contains(entry.scenario) {
            statuses.remove(entry.scenario)
        }
        // Steps 3–4: PR snapshots that are not the newest of their PR set start nothing.
        let isPullRequest = !Classification.isPushSnapshot(snapshot)
        var created = false
        var specJSON: String?
        if !isPullRequest || SupersessionRules.isNewestOfPullRequestSet(snapshot, in: r.world) {
            for scenario in applicable {
                guard let entry = statuses.entry(scenario.metadata.name), entry.status == .pending,
                    entry.testPipelineRunName?.isEmpty ?? true
                else { continue }
                let run = start(
                    scenario, for: snapshot, node: object.node, statuses: &statuses, specJSON: &specJSON,
                    details: { "IntegrationTestScenario pipeline '\($0)' has been created" }, &r)
                created = created || run != nil
            }
        }
        // Step 5: older snapshots of the PR set are superseded by this one.
        if isPullRequest { SupersessionRules.cancelOlderSnapshots(than: snapshot, in: &r) }
        // Step 6 and the InProgress condition; step 7: nothing required → passed.
        let now = r.now
        let nothingRequired = r.world.requiredScenarios(for: snapshot).isEmpty
        r.update(object.key) { node in
            var node = SnapshotPipeline.writing(statuses, to: node)
            if created && node.conditions.condition(Conditions.integrationStatus)?.reason != "InProgress" {
                node = node.settingCondition(
                    type: Conditions.integrationStatus, status: "Unknown", reason: "InProgress",
                    message: inProgressMessage, now: now)
            }
            if nothingRequired && node.conditions.condition(Conditions.testSucceeded)?.status != "True" {
                node = node.settingCondition(
                    type: Conditions.testSucceeded, status: "True", reason: "Passed", message: noRequiredMessage,
                    now: now)
            }
            return node
        }
    }

    /// Creates the test run of `scenario` for `snapshot` (§3.2) and moves its entry to
    /// `InProgress` with `details(run)`; returns the run's name. A scenario that fails §2.4 is
    /// not run: its entry becomes `TestInvalid` with §3.1's creation-failure text (snapgate's
    /// stand-in for the API server rejecting the run), and nil is returned. `specJSON` keeps the
    /// Snapshot's spec as JSON once made, for the other runs of the Snapshot.
    static func start(
        _ scenario: IntegrationTestScenario, for snapshot: Snapshot, node snapshotNode: YAMLNode,
        statuses: inout SnapshotTestStatuses, specJSON: inout String?, details: (String) -> String,
        _ r: inout Reconciliation
    ) -> String? {
        let scenarioName = scenario.metadata.name
        if let error = ScenarioRules.validationError(scenario, in: r.world) {
            statuses.update(
                scenarioName, status: .testInvalid,
                details: "Creation of pipelineRun failed during creation due to: \(error).", now: r.now)
            return nil
        }
        let name = TestRunBuilder.runName(for: snapshot, scenario: scenario, in: r.world)
        let run = TestRunBuilder.pipelineRun(
            named: name, snapshot: snapshot, snapshotNode: snapshotNode, scenario: scenario,
            settings: r.context.settings,
            specJSON: {
                if let specJSON { return specJSON }
                let text = TestRunBuilder.specJSON(of: snapshot)
                specJSON = text
                return text
            })
        guard r.create(run) != nil else { return nil }
        statuses.update(scenarioName, status: .inProgress, details: details(name), now: r.now)
        statuses.modify(scenarioName) { $0.testPipelineRunName = name }
        r.record(
            RuleEvent(
                "started test \(name) of Snapshot \(snapshot.metadata.name) for scenario \(scenarioName)",
                trailers: [
                    RuleEvent.Trailer("Snapgate-Snapshot", snapshot.metadata.name),
                    RuleEvent.Trailer("Snapgate-Scenario", scenarioName),
                ]))
        return name
    }
}
