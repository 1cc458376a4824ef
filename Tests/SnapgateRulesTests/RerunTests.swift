import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// SPEC.md §3.5 "Re-runs: label test.appstudio.openshift.io/run" and GITOPS.md "Re-runs".
@Suite struct RerunTests {
    private static let finishedEntries = SnapshotTestStatuses(entries: [
        ScenarioTestStatus(
            scenario: "its-a", status: .testFail, lastUpdateTime: "2025-11-09T13:00:00Z",
            details: "Integration test failed",
            startTime: "2025-11-09T12:00:00Z", completionTime: "2025-11-09T13:00:00Z", testPipelineRunName: "its-a-old"),
        ScenarioTestStatus(
            scenario: "its-b", status: .inProgress, lastUpdateTime: "2025-11-09T13:00:00Z", details: "running",
            testPipelineRunName: "its-b-old"),
    ])

    private static func snapshot(run: String, labels: [String: String] = [:], finished: Bool = true) -> YAMLNode {
        var all = labels
        all["test.appstudio.openshift.io/run"] = run
        let conditions =
            finished
            ? [
                Condition(
                    type: "AppStudioTestSucceeded", status: "False", reason: "Failed", message: "",
                    lastTransitionTime: "t"),
                Condition(
                    type: "AppStudioIntegrationStatus", status: "True", reason: "Finished", message: "",
                    lastTransitionTime: "t"),
            ] : []
        return Fixture.snapshot(
            "snap", components: [("comp-a", Fixture.image("quay.io/o/a"))], labels: all,
            annotations: [Keys.testStatus: finishedEntries.annotationValue], conditions: conditions)
    }

    private static func run(_ snapshot: YAMLNode) -> Reconciliation {
        TestRunHarness.run(
            [
                Fixture.application(), Fixture.scenario("its-a"), Fixture.scenario("its-b"),
                Fixture.scenario("its-pr", contexts: ["pull_request"]), snapshot,
            ], steps: [RerunRules.handleRerunLabels])
    }

    /// `all`: applicable scenarios; InProgress ones skipped; label removed; conditions reset.
    @Test func rerunAll() throws {
        let r = Self.run(Self.snapshot(run: "all"))
        let statuses = TestRunHarness.statuses(r, "snap")
        let entry = try #require(statuses.entry("its-a"))
        let name = try #require(entry.testPipelineRunName)
        #expect(name != "its-a-old")
        #expect(entry.status == .inProgress && entry.details == "PipelineRun '\(name)' created")
        #expect(entry.completionTime == nil)
        #expect(statuses.entry("its-b")?.testPipelineRunName == "its-b-old")
        #expect(statuses.entry("its-pr") == nil)
        #expect(TestRunHarness.testRuns(r).map(\.key.name) == [name])
        let snapshot = try #require(TestRunHarness.snapshot(r, "snap"))
        #expect(snapshot.metadata.labels[Keys.run] == nil)
        for condition in [snapshot.testSucceededCondition, snapshot.integrationStatusCondition] {
            #expect(condition?.status == "Unknown" && condition?.reason == "InProgress")
            #expect(condition?.message == "Integration test re-run initiated for Snapshot")
        }
    }

    /// By name: the scenario regardless of its contexts.
    @Test func rerunByName() throws {
        let r = Self.run(Self.snapshot(run: "its-pr", finished: false))
        #expect(TestRunHarness.statuses(r, "snap").entry("its-pr")?.status == .inProgress)
        #expect(TestRunHarness.snapshot(r, "snap")?.testSucceededCondition == nil)
        // A second re-run of the same scenario gets a new name (the attempt counts prior runs).
        let first = try #require(TestRunHarness.statuses(r, "snap").entry("its-pr")?.testPipelineRunName)
        var world = r.world
        world = Fixture.world(world.all(.snapshot).map(\.node) + world.all(.pipelineRun).map(\.node))
        let snapshot = try #require(world.snapshot(namespace: "tenant", name: "snap"))
        let scenario = try #require(
            Fixture.world([Fixture.scenario("its-pr", contexts: ["pull_request"])])
                .object(.integrationTestScenario, namespace: "tenant", name: "its-pr")?.scenario)
        #expect(TestRunBuilder.runName(for: snapshot, scenario: scenario, in: world) != first)
    }

    /// Unknown scenario: only the label is removed.
    @Test func rerunUnknownScenario() throws {
        let r = Self.run(Self.snapshot(run: "nope"))
        #expect(TestRunHarness.testRuns(r).isEmpty)
        let snapshot = try #require(TestRunHarness.snapshot(r, "snap"))
        #expect(snapshot.metadata.labels[Keys.run] == nil)
        #expect(TestRunHarness.statuses(r, "snap") == Self.finishedEntries)
        #expect(snapshot.testSucceededCondition?.status == "False")
    }

    /// InProgress (or Pending) entries are skipped; with every scenario skipped nothing but the label changes.
    @Test func rerunSkipsInProgress() throws {
        let r = Self.run(Self.snapshot(run: "its-b"))
        #expect(TestRunHarness.testRuns(r).isEmpty)
        #expect(TestRunHarness.snapshot(r, "snap")?.metadata.labels[Keys.run] == nil)
        #expect(TestRunHarness.snapshot(r, "snap")?.testSucceededCondition?.status == "False")
    }

    /// GITOPS.md: on a person's override Snapshot each value is honoured once; the label stays.
    @Test func personAuthoredOverrideOnce() throws {
        let r = Self.run(Self.snapshot(run: "its-a", labels: ["test.appstudio.openshift.io/type": "override"]))
        let snapshot = try #require(TestRunHarness.snapshot(r, "snap"))
        #expect(snapshot.metadata.labels[Keys.run] == "its-a")
        #expect(snapshot.metadata.annotations["snapgate.dev/handled-run"] == "its-a")
        #expect(TestRunHarness.testRuns(r).count == 1)
        var again = r
        RerunRules.handleRerunLabels(&again)
        #expect(again.revision == r.revision)
        // A new value is honoured again.
        let relabelled = snapshot.node.settingLabel(Keys.run, to: "all")
        var next = Reconciliation(world: r.world, context: RuleContext(now: Fixture.now))
        next.update(snapshot.nodeKey) { _ in relabelled }
        RerunRules.handleRerunLabels(&next)
        #expect(TestRunHarness.snapshot(next, "snap")?.metadata.annotations["snapgate.dev/handled-run"] == "all")
    }
}

extension Snapshot {
    fileprivate var nodeKey: ObjectKey {
        ObjectKey(KnownKind.snapshot.groupKind, namespace: metadata.namespace, name: metadata.name)
    }
}
