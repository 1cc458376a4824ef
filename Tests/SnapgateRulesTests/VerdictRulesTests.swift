import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

@Suite struct VerdictRulesTests {
    static func verdict(_ documents: [YAMLNode]) -> Reconciliation {
        var r = Reconciliation(world: Fixture.world(documents), context: RuleContext(now: Fixture.now))
        VerdictRules.ensureVerdicts(&r)
        return r
    }

    static func snapshot(_ r: Reconciliation, _ name: String = "snap") throws -> Snapshot {
        try #require(r.world.snapshot(namespace: Fixture.namespace, name: name))
    }

    static func condition(_ snapshot: Snapshot, _ type: String) -> (String, String, String)? {
        snapshot.conditions.condition(type).map { ($0.status, $0.reason, $0.message) }
    }

    static func scenarios() -> [YAMLNode] {
        [Fixture.application(), Fixture.scenario("a"), Fixture.scenario("b"), Fixture.scenario("opt", optional: true)]
    }

    /// SPEC.md §4.4: "Set `AppStudioIntegrationStatus=True`, reason `Finished` … Then
    /// `AppStudioTestSucceeded=True`, reason `Passed`, message `All Integration Pipeline tests passed`".
    /// "passed = every required scenario with an entry is `TestPassed` or `TestWarning`"; optional
    /// entries never affect the verdict.
    @Test func allRequiredPassed() throws {
        let entries = [
            ResultFixtures.entry("a", .testPassed), ResultFixtures.entry("b", .testWarning),
            ResultFixtures.entry("opt", .testFail, optional: true),
        ]
        let r = Self.verdict(
            Self.scenarios() + [Fixture.snapshot("snap", annotations: ResultFixtures.annotation(entries))])
        let snapshot = try Self.snapshot(r)
        #expect(
            Self.condition(snapshot, "AppStudioIntegrationStatus")! == (
                "True", "Finished", VerdictRules.finishedMessage
            ))
        #expect(
            Self.condition(snapshot, "AppStudioTestSucceeded")! == (
                "True", "Passed", "All Integration Pipeline tests passed"
            ))
    }

    /// SPEC.md §4.4: "or `AppStudioTestSucceeded=False`, reason `Failed`, message
    /// `Some Integration pipeline tests failed`".
    @Test(arguments: [IntegrationTestStatus.testFail, .testInvalid, .deleted])
    func someRequiredFailed(_ status: IntegrationTestStatus) throws {
        let entries = [ResultFixtures.entry("a", .testPassed), ResultFixtures.entry("b", status)]
        let r = Self.verdict(
            Self.scenarios() + [Fixture.snapshot("snap", annotations: ResultFixtures.annotation(entries))])
        let snapshot = try Self.snapshot(r)
        #expect(Self.condition(snapshot, "AppStudioIntegrationStatus")?.1 == "Finished")
        #expect(
            Self.condition(snapshot, "AppStudioTestSucceeded")! == (
                "False", "Failed", "Some Integration pipeline tests failed"
            ))
    }

    /// SPEC.md §4.4: "finished = every required scenario has an entry with a final status" — until
    /// then nothing is written.
    @Test func unfinishedWritesNothing() {
        let entries = [ResultFixtures.entry("a", .testPassed), ResultFixtures.entry("b", .inProgress)]
        let r = Self.verdict(
            Self.scenarios() + [Fixture.snapshot("snap", annotations: ResultFixtures.annotation(entries))])
        #expect(r.changes.isEmpty)
    }

    /// SPEC.md §4.4: "if not finished and some required scenario has **no** entry, add label
    /// `test.appstudio.openshift.io/run: <that scenario>`; stop."
    @Test func missingRequiredEntryGetsTheRunLabel() throws {
        let entries = [
            ResultFixtures.entry("a", .testPassed), ResultFixtures.entry("opt", .inProgress, optional: true),
        ]
        let r = Self.verdict(
            Self.scenarios() + [Fixture.snapshot("snap", annotations: ResultFixtures.annotation(entries))])
        let snapshot = try Self.snapshot(r)
        #expect(snapshot.metadata.labels["test.appstudio.openshift.io/run"] == "b")
        #expect(snapshot.conditions.isEmpty)
    }

    /// snapgate's choice: the run label is not added over a pending re-run request, nor to a
    /// Snapshot that finished testing before the scenario existed.
    @Test(arguments: [
        (["test.appstudio.openshift.io/run": "all"], [Condition]()),
        (
            [:],
            [
                Condition(
                    type: "AppStudioTestSucceeded", status: "True", reason: "Passed", message: "m",
                    lastTransitionTime: "2025-11-09T13:00:00Z")
            ]
        ),
    ])
    func runLabelIsNotForced(labels: [String: String], conditions: [Condition]) throws {
        let entries = [ResultFixtures.entry("a", .testPassed)]
        let snapshot = Fixture.snapshot(
            "snap", labels: labels, annotations: ResultFixtures.annotation(entries), conditions: conditions)
        let r = Self.verdict(Self.scenarios() + [snapshot])
        #expect(r.changes.isEmpty)
    }

    /// SPEC.md §4.4: "(or `… since there are no required testing pipelines defined for its
    /// application` when the required set is empty)"; §10.4: "Snapshots whose applicable scenarios
    /// are all optional are marked `AppStudioTestSucceeded=True` immediately"; "not rewritten if
    /// already in that state".
    @Test func optionalOnly() throws {
        let skipped = Condition(
            type: "AppStudioTestSucceeded", status: "True", reason: "Passed",
            message: "No required IntegrationTestScenarios found, skipped testing",
            lastTransitionTime: "2025-11-09T13:00:00Z")
        let snapshot = Fixture.snapshot(
            "snap", annotations: ResultFixtures.annotation([ResultFixtures.entry("opt", .inProgress, optional: true)]),
            conditions: [skipped])
        let r = Self.verdict([Fixture.application(), Fixture.scenario("opt", optional: true), snapshot])
        let result = try Self.snapshot(r)
        #expect(
            Self.condition(result, "AppStudioIntegrationStatus")!
                == ("True", "Finished", VerdictRules.finishedWithoutRequiredMessage))
        #expect(result.conditions.condition("AppStudioTestSucceeded") == skipped)
    }

    /// SPEC.md §10.4: "With zero applicable scenarios no status annotation is ever written, so the
    /// `AppStudioIntegrationStatus` condition is never set at all".
    @Test func zeroScenariosWithoutAnnotation() {
        let r = Self.verdict([
            Fixture.application(), Fixture.scenario("pr", contexts: ["pull_request"]), Fixture.snapshot("snap"),
        ])
        #expect(r.changes.isEmpty)
    }

    /// SPEC.md §4.4: "— unless already `Finished` or `Canceled`"; §4.4 entries of
    /// no-longer-applicable scenarios never affect the verdict.
    @Test func canceledIsKeptAndStaleEntriesIgnored() throws {
        let canceled = Condition(
            type: "AppStudioIntegrationStatus", status: "True", reason: "Canceled",
            message: "Snapshot canceled/superseded",
            lastTransitionTime: "2025-11-09T13:00:00Z")
        let entries = [
            ResultFixtures.entry("a", .testPassed), ResultFixtures.entry("b", .testPassed),
            ResultFixtures.entry("gone", .testFail),
        ]
        let snapshot = Fixture.snapshot("snap", annotations: ResultFixtures.annotation(entries), conditions: [canceled])
        let r = Self.verdict(Self.scenarios() + [snapshot])
        let result = try Self.snapshot(r)
        #expect(result.conditions.condition("AppStudioIntegrationStatus") == canceled)
        #expect(Self.condition(result, "AppStudioTestSucceeded")?.1 == "Passed")
    }

    /// A broken status annotation is an error on the Snapshot, not a crash.
    @Test func brokenAnnotation() {
        let snapshot = Fixture.snapshot("snap", annotations: ["test.appstudio.openshift.io/status": "{}"])
        let r = Self.verdict(Self.scenarios() + [snapshot])
        #expect(r.changes.isEmpty)
        #expect(r.diagnostics.map(\.severity) == [.error])
    }
}
