import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// Results, verdict and release together, through `IntegrationService.reconcile`.
@Suite struct ReleaseFlowTests {
    static func documents() -> [YAMLNode] {
        let snapshot = Fixture.snapshot(
            "snap", components: [(name: "web", image: Fixture.image("quay.io/org/web"))],
            annotations: ResultFixtures.annotation([ResultFixtures.created()]))
        return [
            Fixture.application(), Fixture.scenario("its"), Fixture.releasePlan("plan"), snapshot,
            ResultFixtures.testRun(children: [("tr-a", "a")]),
            ResultFixtures.taskRun("tr-a", task: "a", results: [("TEST_OUTPUT", ResultFixtures.output("SUCCESS"))]),
        ]
    }

    /// SPEC.md §4.2 → §4.4 → §5 in one fixpoint (GITOPS.md: "the verdict and any Release are part
    /// of the same fixpoint and the same commit"); §8: auto-release runs before the verdict in a
    /// round, so the Release comes in the round after the verdict.
    @Test func succeededRunIsReleasedInOnePass() throws {
        let r = IntegrationService.reconcile(Fixture.world(Self.documents()), context: RuleContext(now: Fixture.now))
        #expect(try ResultFixtures.statuses(r.world).entry("its")?.status == .testPassed)
        let snapshot = try #require(r.world.snapshot(namespace: Fixture.namespace, name: "snap"))
        #expect(snapshot.conditions.condition("AppStudioTestSucceeded")?.reason == "Passed")
        #expect(snapshot.conditions.condition("AppStudioIntegrationStatus")?.reason == "Finished")
        #expect(snapshot.conditions.condition("AutoReleased")?.message == "The Snapshot was auto-released")
        let releases = r.world.releases(namespace: Fixture.namespace)
        #expect(releases.map(\.releasePlan) == ["plan"])
        #expect(try ResultFixtures.run(r.world).metadata.finalizers.isEmpty)
        #expect(r.diagnostics.isEmpty)
        #expect(r.events.count == 1)
    }

    /// GITOPS.md: "Running it again with the same inputs makes no commit" — every rule is
    /// idempotent once its markers are written.
    @Test func secondPassChangesNothing() {
        let context = RuleContext(now: Fixture.now)
        let first = IntegrationService.reconcile(Fixture.world(Self.documents()), context: context)
        let second = IntegrationService.reconcile(first.world, context: context)
        #expect(second.changes.isEmpty)
        #expect(second.events.isEmpty)
        let later = IntegrationService.reconcile(
            first.world, context: RuleContext(now: Fixture.now.adding(milliseconds: 3_600_000)))
        #expect(later.changes.isEmpty)
    }

    /// A failing run ends with `Failed` and no Release; the second pass changes nothing.
    @Test func failedRunIsNotReleased() throws {
        var documents = Self.documents()
        documents[4] = ResultFixtures.testRun(succeeded: "False", children: [("tr-a", "a")])
        let first = IntegrationService.reconcile(Fixture.world(documents), context: RuleContext(now: Fixture.now))
        let snapshot = try #require(first.world.snapshot(namespace: Fixture.namespace, name: "snap"))
        #expect(snapshot.conditions.condition("AppStudioTestSucceeded")?.reason == "Failed")
        #expect(snapshot.conditions.condition("AutoReleased") == nil)
        #expect(first.world.releases(namespace: Fixture.namespace).isEmpty)
        #expect(IntegrationService.reconcile(first.world, context: RuleContext(now: Fixture.now)).changes.isEmpty)
    }
}
