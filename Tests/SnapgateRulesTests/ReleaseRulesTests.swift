import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

enum ReleaseFixtures {
    static func condition(_ type: String, _ status: String, _ reason: String) -> Condition {
        Condition(type: type, status: status, reason: reason, message: "m", lastTransitionTime: "2025-11-09T13:00:00Z")
    }

    static let passed = condition("AppStudioTestSucceeded", "True", "Passed")

    /// A Snapshot that passed its tests.
    static func snapshot(
        _ name: String = "snap", labels: [String: String] = [:], annotations: [String: String] = [:],
        conditions: [Condition] = [passed]
    ) -> YAMLNode {
        Fixture.snapshot(
            name, components: [(name: "web", image: Fixture.image("quay.io/org/web"))], labels: labels,
            annotations: annotations, conditions: conditions)
    }

    static func release(_ documents: [YAMLNode]) -> Reconciliation {
        var r = Reconciliation(world: Fixture.world(documents), context: RuleContext(now: Fixture.now))
        ReleaseRules.ensureReleases(&r)
        return r
    }

    static func releases(_ r: Reconciliation) -> [Release] { r.world.releases(namespace: Fixture.namespace) }

    static func autoReleased(_ r: Reconciliation, _ name: String = "snap") -> Condition? {
        r.world.snapshot(namespace: Fixture.namespace, name: name)?.conditions.condition("AutoReleased")
    }
}

@Suite struct ReleaseRulesTests {
    /// SPEC.md §5.1: "Eligibility (all must hold; otherwise nothing happens and no condition is
    /// written)", one failing condition per row.
    @Test(
        arguments: [
            ("1: not finished", [:], [Condition]()),
            ("1: unknown", [:], [ReleaseFixtures.condition("AppStudioTestSucceeded", "Unknown", "InProgress")]),
            ("2: failed", [:], [ReleaseFixtures.condition("AppStudioTestSucceeded", "False", "Failed")]),
            (
                "3: invalid", [:],
                [ReleaseFixtures.passed, ReleaseFixtures.condition("AppStudioIntegrationStatus", "False", "Invalid")]
            ),
            (
                "4: pull request",
                [
                    "pac.test.appstudio.openshift.io/event-type": "pull_request",
                    "pac.test.appstudio.openshift.io/pull-request": "4",
                ],
                [ReleaseFixtures.passed]
            ),
            ("5: label false", ["release.appstudio.openshift.io/auto-release": "false"], [ReleaseFixtures.passed]),
            ("6: group", ["test.appstudio.openshift.io/type": "group"], [ReleaseFixtures.passed]),
        ] as [(String, [String: String], [Condition])])
    func ineligible(_ label: String, labels: [String: String], conditions: [Condition]) {
        let r = ReleaseFixtures.release([
            Fixture.application(), Fixture.releasePlan("plan"),
            ReleaseFixtures.snapshot(labels: labels, conditions: conditions),
        ])
        #expect(r.changes.isEmpty, "\(label)")
    }

    /// SPEC.md §5.1 (7): "`AutoReleased` condition not already True (idempotency marker)".
    @Test func alreadyAutoReleased() {
        let marker = ReleaseFixtures.condition("AutoReleased", "True", "AutoReleased")
        let r = ReleaseFixtures.release([
            Fixture.application(), Fixture.releasePlan("plan"),
            ReleaseFixtures.snapshot(conditions: [ReleaseFixtures.passed, marker]),
        ])
        #expect(r.changes.isEmpty)
    }

    /// SPEC.md §5.1: "Override snapshots and manual snapshots without PaC labels ARE eligible";
    /// the Snapshot's auto-release *annotation* is ignored (§10.6). §5.3: the Release document.
    @Test func releasesWithEveryDetail() throws {
        let snapshot = ReleaseFixtures.snapshot(
            labels: ["test.appstudio.openshift.io/type": "override"],
            annotations: [
                "release.appstudio.openshift.io/auto-release": "false",
                "pac.test.appstudio.openshift.io/sha": "0123456789abcdef",
                "tekton.dev/pipelinerunSpanContext": "{\"traceparent\":\"00-1\"}",
            ])
        let r = ReleaseFixtures.release([Fixture.application(), Fixture.releasePlan("plan"), snapshot])
        let release = try #require(ReleaseFixtures.releases(r).first)
        #expect(release.metadata.name.hasPrefix("snap-0123456-"))
        #expect(release.metadata.name.count == "snap-0123456-".count + 5)
        #expect(release.metadata.labels == ["release.appstudio.openshift.io/automated": "true"])
        #expect(release.metadata.annotations == ["tekton.dev/pipelinerunSpanContext": "{\"traceparent\":\"00-1\"}"])
        #expect(release.snapshot == "snap")
        #expect(release.releasePlan == "plan")
        #expect(release.automated == true)
        let condition = try #require(ReleaseFixtures.autoReleased(r))
        #expect(condition.status == "True")
        #expect(condition.reason == "AutoReleased")
        #expect(condition.message == "The Snapshot was auto-released")
        #expect(
            r.events == [
                RuleEvent(
                    "released Snapshot snap with ReleasePlan plan as Release \(release.metadata.name)",
                    trailers: [.init("Snapgate-Snapshot", "snap"), .init("Snapgate-Release", release.metadata.name)])
            ])
    }

    /// SPEC.md §5.3: generateName is "<snapshot name>-" when the sha annotation is absent.
    @Test func nameWithoutSHA() throws {
        let r = ReleaseFixtures.release([
            Fixture.application(), Fixture.releasePlan("plan"), ReleaseFixtures.snapshot(),
        ])
        let release = try #require(ReleaseFixtures.releases(r).first)
        #expect(release.metadata.name.count == "snap-".count + 5)
        #expect(release.metadata.annotations.isEmpty)
    }

    /// SPEC.md §5.2 plan selection: label × SHOULD_RELEASE × CEL annotation (which overrides the
    /// label and is gated by SHOULD_RELEASE only through `shouldRelease()`), and the §5.3 message.
    @Test(
        arguments: [
            ("true", nil, true, true, ReleaseRules.releasedMessage),
            (nil, nil, true, true, ReleaseRules.releasedMessage),
            ("false", nil, true, false, ReleaseRules.noPlansMessage),
            ("true", nil, false, false, ReleaseRules.shouldReleaseFalseMessage),
            (nil, nil, false, false, ReleaseRules.shouldReleaseFalseMessage),
            ("false", "true", true, true, ReleaseRules.releasedMessage),
            ("true", "false", true, false, ReleaseRules.noPlansMessage),
            (nil, "true", false, true, ReleaseRules.releasedMessage),
            (nil, "shouldRelease()", false, false, ReleaseRules.shouldReleaseFalseMessage),
            (nil, "shouldRelease() && updatedComponentIs('web')", true, true, ReleaseRules.releasedMessage),
            (nil, "updatedComponentIs('api')", true, false, ReleaseRules.noPlansMessage),
        ] as [(String?, String?, Bool, Bool, String)])
    func selectsPlans(label: String?, expression: String?, shouldRelease: Bool, released: Bool, message: String) {
        var labels: [String: String] = [:]
        if let label { labels["release.appstudio.openshift.io/auto-release"] = label }
        var annotations: [String: String] = [:]
        if let expression { annotations["release.appstudio.openshift.io/auto-release"] = expression }
        let snapshot = ReleaseFixtures.snapshot(
            labels: ["appstudio.openshift.io/component": "web"],
            annotations: shouldRelease ? [:] : ["test.appstudio.openshift.io/result-should-release": "false"])
        let r = ReleaseFixtures.release([
            Fixture.application(), Fixture.releasePlan("plan", labels: labels, annotations: annotations), snapshot,
        ])
        #expect(ReleaseFixtures.releases(r).count == (released ? 1 : 0))
        #expect(ReleaseFixtures.autoReleased(r)?.message == message)
    }

    /// SPEC.md §5.2: "compile/eval error aborts the whole step with an error" — snapgate: an error
    /// on the ReleasePlan naming the column; no Release from any plan; the Snapshot is not marked.
    @Test func expressionErrorAbortsTheStep() {
        let broken = Fixture.releasePlan(
            "b-broken",
            annotations: ["release.appstudio.openshift.io/auto-release": "snapshot.metadata.labels['x'] == 'y'"])
        let r = ReleaseFixtures.release([
            Fixture.application(), Fixture.releasePlan("a-fine"), broken, ReleaseFixtures.snapshot(),
        ])
        #expect(r.changes.isEmpty)
        #expect(r.diagnostics.count == 1)
        #expect(
            r.diagnostics.first?.message.contains(
                "ReleasePlan tenant/b-broken: auto-release expression: no such key: 'labels' at column 19") == true)
    }

    /// SPEC.md §5.3: "another push `component`-type snapshot of the same component and same
    /// application exists with a **larger** start time (values ≤ 10 000 000 000 are treated as
    /// seconds and multiplied by 1000), no Release is created and the condition message is
    /// `Released in newer Snapshot`"; skipped with `ignore-supersession` true.
    @Test(
        arguments: [
            ("1762693445123", "1762693446", [:], true),
            ("1762693445123", "1762693445", [:], false),
            ("1762693445", "1762693445123", [:], true),
            ("1762693445123", "1762693446", ["test.appstudio.openshift.io/ignore-supersession": "true"], false),
            ("1762693445123", "1762693446", ["test.appstudio.openshift.io/ignore-supersession": "yes"], true),
        ] as [(String, String, [String: String], Bool)])
    func supersession(mine: String, other: String, extra: [String: String], superseded: Bool) {
        let labels = ["test.appstudio.openshift.io/type": "component", "appstudio.openshift.io/component": "web"]
        var annotations = extra
        annotations["test.appstudio.openshift.io/pipelinerunstarttime"] = mine
        let newer = Fixture.snapshot(
            "snap-newer", labels: labels, annotations: ["test.appstudio.openshift.io/pipelinerunstarttime": other])
        let r = ReleaseFixtures.release([
            Fixture.application(), Fixture.releasePlan("plan"),
            ReleaseFixtures.snapshot(labels: labels, annotations: annotations), newer,
        ])
        #expect(ReleaseFixtures.releases(r).isEmpty == superseded)
        #expect(
            ReleaseFixtures.autoReleased(r)?.message
                == (superseded ? "Released in newer Snapshot" : "The Snapshot was auto-released"))
    }

    /// SPEC.md §5.3: "for each selected plan that has no existing Release with
    /// `spec.snapshot == <snapshot>` and `spec.releasePlan == <plan>`, create".
    @Test func existingReleaseIsNotDuplicated() {
        let existing = Release(
            metadata: ObjectMeta(name: "snap-manual", namespace: Fixture.namespace), snapshot: "snap",
            releasePlan: "plan")
        let r = ReleaseFixtures.release([
            Fixture.application(), Fixture.releasePlan("plan"), Fixture.releasePlan("other"), existing.node,
            ReleaseFixtures.snapshot(),
        ])
        #expect(ReleaseFixtures.releases(r).map(\.releasePlan).sorted() == ["other", "plan"])
        #expect(ReleaseFixtures.autoReleased(r)?.message == ReleaseRules.releasedMessage)
    }

    /// Plans of other applications are not considered.
    @Test func plansOfOtherApplications() {
        let r = ReleaseFixtures.release([
            Fixture.application(), Fixture.releasePlan("plan", application: "other"), ReleaseFixtures.snapshot(),
        ])
        #expect(ReleaseFixtures.releases(r).isEmpty)
        #expect(ReleaseFixtures.autoReleased(r)?.message == ReleaseRules.noPlansMessage)
    }
}
