import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// The shared parts of the rules: clock, names, classification, the status annotation.
@Suite struct FoundationTests {
    @Test func timestampsRoundTripAndFormatLikeGo() throws {
        let t = try #require(Timestamp(rfc3339: "2025-11-09T13:04:05.123Z"))
        #expect(t.milliseconds == 1_762_693_445_123)
        #expect(t.rfc3339 == "2025-11-09T13:04:05Z")
        #expect(t.rfc3339Nano == "2025-11-09T13:04:05.123Z")
        #expect(Timestamp(rfc3339: "2025-11-09T15:04:05+02:00")?.rfc3339 == "2025-11-09T13:04:05Z")
        #expect(Timestamp(rfc3339: "2024-02-29T00:00:00Z")?.components.day == 29)
        #expect(Timestamp(rfc3339: "1969-12-31T23:59:59Z")?.milliseconds == -1000)
        #expect(Timestamp(rfc3339: "2025-11-09") == nil)
        #expect(Timestamp(rfc3339: "2025-13-09T13:04:05Z") == nil)
        #expect(Timestamp(milliseconds: 1_762_693_445_120).rfc3339Nano == "2025-11-09T13:04:05.12Z")
    }

    @Test func goDurations() {
        #expect(parseGoDuration("2h") == 7_200_000)
        #expect(parseGoDuration("1h30m") == 5_400_000)
        #expect(parseGoDuration("1.5h") == 5_400_000)
        #expect(parseGoDuration("300ms") == 300)
        #expect(parseGoDuration("0") == 0)
        #expect(parseGoDuration("2 hours") == nil)
        #expect(parseGoDuration("") == nil)
        #expect(formatGoDuration(5_400_000) == "1h30m0s")
        #expect(formatGoDuration(300_000) == "5m0s")
        #expect(formatGoDuration(1500) == "1.5s")
    }

    @Test func generatedNamesAreStableAndKubernetesShaped() {
        let a = Naming.generatedName(prefix: "its-", seed: "snapshot/its/1")
        #expect(a == Naming.generatedName(prefix: "its-", seed: "snapshot/its/1"))
        #expect(a != Naming.generatedName(prefix: "its-", seed: "snapshot/its/2"))
        #expect(a.count == 9)
        #expect(a.dropFirst(4).allSatisfy { Naming.alphabet.contains($0) })
        #expect(Naming.generatedName(prefix: String(repeating: "x", count: 70), seed: "s").count == 63)
    }

    /// SPEC.md §1.6: push vs pull request.
    @Test(
        arguments: [
            ([:], [:], true),
            (["pipelinesascode.tekton.dev/pull-request": "7"], [:], false),
            (
                ["pipelinesascode.tekton.dev/pull-request": "7", "pipelinesascode.tekton.dev/event-type": "push"], [:],
                true
            ),
            (
                ["pipelinesascode.tekton.dev/pull-request": "7", "pipelinesascode.tekton.dev/event-type": "Push"], [:],
                true
            ),
            (["pipelinesascode.tekton.dev/event-type": "pull_request"], [:], true),
            ([:], ["pipelinesascode.tekton.dev/source-branch": "refs/heads/gh-readonly-queue/main/pr-5-abc"], false),
            ([:], ["pipelinesascode.tekton.dev/source-branch": "gh-readonly-queue/main/pr-5-abc"], false),
        ] as [([String: String], [String: String], Bool)])
    func pushBuilds(labels: [String: String], annotations: [String: String], push: Bool) throws {
        let world = Fixture.world([Fixture.build("b", component: "c", labels: labels, annotations: annotations)])
        let build = try #require(world.pipelineRun(namespace: Fixture.namespace, name: "b"))
        #expect(Classification.isPushBuild(build) == push)
    }

    /// SPEC.md §2.2: contexts.
    @Test(
        arguments: [
            ("application", [:], true), ("all", [:], true), ("n/a", [:], false),
            ("component", ["test.appstudio.openshift.io/type": "component"], true),
            ("component", ["test.appstudio.openshift.io/type": "override"], false),
            ("override", ["test.appstudio.openshift.io/type": "override"], true),
            ("group", ["test.appstudio.openshift.io/type": "group"], true),
            ("component_web", ["appstudio.openshift.io/component": "web"], true),
            ("component_web", ["appstudio.openshift.io/component": "api"], false),
            ("push", [:], true), ("pull_request", [:], false),
            (
                "pull_request",
                [
                    "pac.test.appstudio.openshift.io/event-type": "pull_request",
                    "pac.test.appstudio.openshift.io/pull-request": "3",
                ],
                true
            ),
            ("pull_request", ["test.appstudio.openshift.io/type": "group"], true),
        ] as [(String, [String: String], Bool)])
    func contexts(context: String, labels: [String: String], matches: Bool) throws {
        let snapshot = try #require(Fixture.world([Fixture.snapshot("s", labels: labels)]).snapshots().first)
        #expect(Classification.contextMatches(context, snapshot) == matches)
    }

    /// SPEC.md §4.1: the update rule and the annotation's JSON.
    @Test func statusAnnotationUpdateRule() throws {
        var statuses = SnapshotTestStatuses()
        let t0 = Timestamp(rfc3339: "2025-11-09T13:00:00Z")!
        let t1 = t0.adding(milliseconds: 1500)
        let t2 = t0.adding(milliseconds: 60_000)
        statuses.update("b", status: .pending, details: "Pending", now: t0)
        statuses.update("a", status: .inProgress, details: "running", now: t1)
        statuses.update("b", status: .pending, details: "Pending", now: t2)
        #expect(statuses.entry("b")?.lastUpdateTime == "2025-11-09T13:00:00Z")
        statuses.update("a", status: .testPassed, details: "Integration test passed", now: t2)
        let a = try #require(statuses.entry("a"))
        #expect(a.startTime == "2025-11-09T13:00:01.5Z")
        #expect(a.completionTime == "2025-11-09T13:01:00Z")
        statuses.modify("a") { $0.testPipelineRunName = "a-run" }
        #expect(
            statuses.annotationValue
                == #"[{"scenario":"a","status":"TestPassed","lastUpdateTime":"2025-11-09T13:01:00Z","details":"Integration test passed","startTime":"2025-11-09T13:00:01.5Z","completionTime":"2025-11-09T13:01:00Z","testPipelineRunName":"a-run"},{"scenario":"b","status":"Pending","lastUpdateTime":"2025-11-09T13:00:00Z","details":"Pending"}]"#
        )
        #expect(try SnapshotTestStatuses.parse(statuses.annotationValue) == statuses)
    }

    @Test func statusAnnotationRejectsWhatUpstreamRejects() {
        #expect(throws: SnapshotTestStatuses.ParseError.self) { try SnapshotTestStatuses.parse("not json") }
        #expect(throws: SnapshotTestStatuses.ParseError.self) { try SnapshotTestStatuses.parse("{}") }
        #expect(throws: SnapshotTestStatuses.ParseError.self) {
            try SnapshotTestStatuses.parse(#"[{"scenario":"a","status":"Cancelled","lastUpdateTime":"x"}]"#)
        }
        #expect(throws: SnapshotTestStatuses.ParseError.self) {
            try SnapshotTestStatuses.parse(#"[{"scenario":"a","status":"Pending"}]"#)
        }
    }

    @Test func conditionsFollowSetStatusCondition() throws {
        let t0 = Fixture.now
        let t1 = t0.adding(milliseconds: 60_000)
        var node = Fixture.snapshot("s")
        node = node.settingCondition(
            type: "AppStudioTestSucceeded", status: "Unknown", reason: "InProgress", message: "m", now: t0)
        node = node.settingCondition(
            type: "AppStudioTestSucceeded", status: "Unknown", reason: "InProgress", message: "m2", now: t1)
        #expect(node.conditions.first?.lastTransitionTime == t0.rfc3339)
        #expect(node.conditions.first?.message == "m2")
        node = node.settingCondition(
            type: "AppStudioTestSucceeded", status: "True", reason: "Passed", message: "ok", now: t1)
        #expect(node.conditions.first?.lastTransitionTime == t1.rfc3339)
        #expect(node.conditions.count == 1)
    }
}
