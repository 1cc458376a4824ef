import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// Runs chosen steps of the Snapshot pipeline over fixture documents (other areas' steps are
/// left out, so these tests only see the rules they name).
enum TestRunHarness {
    typealias Step = (inout Reconciliation) -> Void

    static func run(
        _ documents: [YAMLNode], settings: RuleSettings = RuleSettings(),
        steps: [Step] = [TestRunRules.createTestPipelineRuns]
    ) -> Reconciliation {
        var reconciliation = Reconciliation(
            world: Fixture.world(documents), context: RuleContext(now: Fixture.now, settings: settings))
        for step in steps { step(&reconciliation) }
        return reconciliation
    }

    static func snapshot(_ r: Reconciliation, _ name: String) -> Snapshot? {
        r.world.snapshot(namespace: Fixture.namespace, name: name)
    }

    static func statuses(_ r: Reconciliation, _ name: String) -> SnapshotTestStatuses {
        guard let text = snapshot(r, name)?.metadata.annotations[Keys.testStatus] else { return SnapshotTestStatuses() }
        return (try? SnapshotTestStatuses.parse(text)) ?? SnapshotTestStatuses()
    }

    static func testRuns(_ r: Reconciliation) -> [ManifestObject] {
        r.world.all(.pipelineRun).filter { $0.pipelineRun?.pipelineType == "test" }
    }

    static let pushSnapshot = Fixture.snapshot(
        "snap", components: [("comp-a", Fixture.image("quay.io/o/a"))],
        labels: ["test.appstudio.openshift.io/type": "component", "appstudio.openshift.io/component": "comp-a"])

    static func prSnapshot(
        _ name: String, pr: String = "7", start: String, annotations: [String: String] = [:]
    ) -> YAMLNode {
        var all = annotations
        all["test.appstudio.openshift.io/pipelinerunstarttime"] = start
        all["test.appstudio.openshift.io/integration-workflow"] = "pull-request"
        return Fixture.snapshot(
            name, components: [("comp-a", Fixture.image("quay.io/o/a"))],
            labels: [
                "test.appstudio.openshift.io/type": "component", "appstudio.openshift.io/component": "comp-a",
                "pac.test.appstudio.openshift.io/event-type": "pull_request",
                "pac.test.appstudio.openshift.io/pull-request": pr,
            ], annotations: all)
    }
}

/// SPEC.md §3.1–§3.4: test PipelineRuns of a Snapshot.
@Suite struct TestRunTests {
    /// §3.2 "PLR construction": the whole document for a push component Snapshot.
    @Test func pushSnapshotRunDocument() throws {
        let r = TestRunHarness.run([
            Fixture.application(), Fixture.component("comp-a"), Fixture.scenario("its-a"), TestRunHarness.pushSnapshot,
        ])
        let runs = TestRunHarness.testRuns(r)
        try #require(runs.count == 1)
        let name = Naming.generatedName(prefix: "its-a-", seed: "tenant/snap/its-a/0")
        let snapshotJSON =
            "{\"application\":\"app\",\"components\":[{\"name\":\"comp-a\",\"containerImage\":\"quay.io/o/a@sha256:"
            + String(repeating: "c", count: 64) + "\",\"source\":{\"git\":{\"url\":\"https://github.com/org/comp-a\","
            + "\"revision\":\"" + String(repeating: "1", count: 40) + "\"}}}],\"artifacts\":{}}"
        func param(_ name: String, _ value: String) -> YAMLNode {
            .mapping([("name", .string(name)), ("value", .string(value))])
        }
        let expected: YAMLNode = .mapping([
            ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("PipelineRun")),
            (
                "metadata",
                .mapping([
                    ("name", .string(name)), ("namespace", .string("tenant")),
                    (
                        "labels",
                        .stringMap([
                            "appstudio.openshift.io/application": "app", "appstudio.openshift.io/component": "comp-a",
                            "appstudio.openshift.io/snapshot": "snap", "pipelines.appstudio.openshift.io/type": "test",
                            "test.appstudio.openshift.io/scenario": "its-a",
                            "test.appstudio.openshift.io/type": "component",
                        ])
                    ),
                    (
                        "annotations",
                        .stringMap(["pac.test.appstudio.openshift.io/log-url": "https://CONSOLE_URL_NOT_AVAILABLE"])
                    ),
                    (
                        "ownerReferences",
                        .sequence([
                            .mapping([
                                ("apiVersion", .string("appstudio.redhat.com/v1alpha1")), ("kind", .string("Snapshot")),
                                ("name", .string("snap")), ("uid", .string("")), ("controller", .bool(true)),
                                ("blockOwnerDeletion", .bool(true)),
                            ])
                        ])
                    ),
                    ("finalizers", .sequence([.string("test.appstudio.openshift.io/pipelinerun")])),
                    // Stamped by Reconciliation.create, as the API server stamps it.
                    ("creationTimestamp", .string(Fixture.now.rfc3339)),
                ])
            ),
            (
                "spec",
                .mapping([
                    (
                        "pipelineRef",
                        .mapping([
                            ("resolver", .string("git")),
                            (
                                "params",
                                .sequence([
                                    param("url", "https://github.com/org/tests"), param("revision", "main"),
                                    param("pathInRepo", "pipelines/its-a.yaml"),
                                ])
                            ),
                        ])
                    ),
                    ("params", .sequence([param("SNAPSHOT", snapshotJSON)])),
                    ("taskRunTemplate", .mapping([("serviceAccountName", .string("konflux-integration-runner"))])),
                ])
            ),
        ])
        #expect(runs[0].node == expected)
    }

    /// §3.1 step 2 and 4: entries Pending for applicable scenarios, then InProgress with the
    /// run's name; non-applicable entries removed; the InProgress condition is set.
    @Test func statusEntriesLifecycle() throws {
        let stale = SnapshotTestStatuses(entries: [
            ScenarioTestStatus(
                scenario: "gone", status: .testPassed, lastUpdateTime: "2025-11-09T13:00:00Z", details: "x")
        ])
        var snapshot = TestRunHarness.pushSnapshot
        snapshot = snapshot.settingAnnotation(Keys.testStatus, to: stale.annotationValue)
        let r = TestRunHarness.run([
            Fixture.application(), Fixture.scenario("its-a"), Fixture.scenario("its-opt", optional: true),
            Fixture.scenario("its-pr", contexts: ["pull_request"]), snapshot,
        ])
        let statuses = TestRunHarness.statuses(r, "snap")
        #expect(statuses.entries.map(\.scenario) == ["its-a", "its-opt"])
        let entry = try #require(statuses.entry("its-a"))
        let run = Naming.generatedName(prefix: "its-a-", seed: "tenant/snap/its-a/0")
        #expect(entry.status == .inProgress)
        #expect(entry.details == "IntegrationTestScenario pipeline '\(run)' has been created")
        #expect(entry.testPipelineRunName == run)
        #expect(entry.startTime == Fixture.now.rfc3339Nano)
        #expect(statuses.entry("its-opt")?.isOptionalScenario == true)
        let condition = try #require(TestRunHarness.snapshot(r, "snap")?.integrationStatusCondition)
        #expect(condition.status == "Unknown" && condition.reason == "InProgress")
        #expect(condition.message == "Snapshot starts being tested by the integrationPipelineRun")
        #expect(TestRunHarness.snapshot(r, "snap")?.testSucceededCondition == nil)
        #expect(r.events.contains { $0.summary == "started test \(run) of Snapshot snap for scenario its-a" })
        // The copied status annotation is the one before this pass (§10.8): the stale entry.
        let copied = TestRunHarness.testRuns(r).first?.node.annotation(Keys.testStatus)
        #expect(copied == stale.annotationValue)
    }

    /// §3.1 step 7: no required scenario → AppStudioTestSucceeded=True/Passed at once (§10.4).
    @Test func noRequiredScenarios() throws {
        let r = TestRunHarness.run([
            Fixture.application(), Fixture.scenario("its-opt", optional: true), TestRunHarness.pushSnapshot,
        ])
        let condition = try #require(TestRunHarness.snapshot(r, "snap")?.testSucceededCondition)
        #expect(condition.status == "True" && condition.reason == "Passed")
        #expect(condition.message == "No required IntegrationTestScenarios found, skipped testing")
        #expect(TestRunHarness.testRuns(r).count == 1)

        let none = TestRunHarness.run([Fixture.application(), TestRunHarness.pushSnapshot])
        #expect(none.world.snapshot(namespace: "tenant", name: "snap")?.hasPassedTests == true)
        // §10.4: with zero applicable scenarios no status annotation is written.
        #expect(TestRunHarness.snapshot(none, "snap")?.metadata.annotations[Keys.testStatus] == nil)
    }

    /// §3.1: finished, invalid and canceled Snapshots are skipped.
    @Test(arguments: [
        Condition(
            type: "AppStudioTestSucceeded", status: "False", reason: "Failed", message: "", lastTransitionTime: ""),
        Condition(
            type: "AppStudioIntegrationStatus", status: "False", reason: "Invalid", message: "", lastTransitionTime: ""),
        Condition(
            type: "AppStudioIntegrationStatus", status: "True", reason: "Canceled", message: "", lastTransitionTime: ""),
    ])
    func skippedSnapshots(condition: Condition) {
        let snapshot = Fixture.snapshot(
            "snap", components: [("comp-a", Fixture.image("quay.io/o/a"))], conditions: [condition])
        let r = TestRunHarness.run([Fixture.application(), Fixture.scenario("its-a"), snapshot])
        #expect(TestRunHarness.testRuns(r).isEmpty)
        #expect(r.changes.isEmpty)
    }

    /// §2.4 + issue requirement: an invalid scenario is not run; its entry is TestInvalid.
    @Test func invalidScenarioIsNotRun() throws {
        let r = TestRunHarness.run([
            Fixture.application(), Fixture.scenario("its-a", params: [("SNAPSHOT", "x")]), TestRunHarness.pushSnapshot,
        ])
        #expect(TestRunHarness.testRuns(r).isEmpty)
        let entry = try #require(TestRunHarness.statuses(r, "snap").entry("its-a"))
        #expect(entry.status == .testInvalid)
        #expect(entry.details.hasPrefix("Creation of pipelineRun failed during creation due to: spec.params: "))
        #expect(entry.details.hasSuffix("by the integration service."))
        #expect(entry.completionTime == Fixture.now.rfc3339Nano)
    }

    /// §3.2: `value` → string, `values` → array, neither → an empty object.
    @Test func parameterShapes() throws {
        let params: YAMLNode = .sequence([
            .mapping([("name", .string("s")), ("value", .string("v"))]),
            .mapping([("name", .string("a")), ("values", .sequence([.string("x"), .string("y")]))]),
            .mapping([("name", .string("o"))]),
        ])
        let scenario = Fixture.scenario("its-a").setting(path: ["spec", "params"], to: params)
        let r = TestRunHarness.run([Fixture.application(), scenario, TestRunHarness.pushSnapshot])
        let spec = try #require(TestRunHarness.testRuns(r).first?.node.mapping("spec"))
        let got = spec.items("params")
        try #require(got.count == 4)
        #expect(got[0].string("name") == "SNAPSHOT")
        #expect(got[1] == .mapping([("name", .string("s")), ("value", .string("v"))]))
        #expect(got[2] == .mapping([("name", .string("a")), ("value", .sequence([.string("x"), .string("y")]))]))
        #expect(got[3] == .mapping([("name", .string("o")), ("value", .mapping([]))]))
    }

    /// §3.2: `snapshot-param-as-name: "true"` passes the Snapshot's name.
    @Test func snapshotParamAsName() throws {
        let scenario = Fixture.scenario(
            "its-a", annotations: ["test.appstudio.openshift.io/snapshot-param-as-name": "true"])
        let r = TestRunHarness.run([Fixture.application(), scenario, TestRunHarness.pushSnapshot])
        let run = try #require(TestRunHarness.testRuns(r).first)
        #expect(run.node.mapping("spec")?.items("params").first?.string("value") == "snap")
        // Scenario annotations containing `appstudio.openshift.io/` are copied (§3.2).
        #expect(run.node.annotation("test.appstudio.openshift.io/snapshot-param-as-name") == "true")
    }

    /// §3.2 timeouts: annotation over setting, unparsable ignored, pipeline raised to tasks+finally.
    @Test(
        arguments: [
            ([:], RuleSettings(), [String]()),
            ([:], RuleSettings(pipelineTimeout: "2h"), ["pipeline=2h0m0s"]),
            (
                ["test.appstudio.openshift.io/pipeline_timeout": "90m"], RuleSettings(pipelineTimeout: "2h"),
                ["pipeline=1h30m0s"]
            ),
            (["test.appstudio.openshift.io/pipeline_timeout": "soon"], RuleSettings(pipelineTimeout: "2h"), []),
            (
                [
                    "test.appstudio.openshift.io/tasks_timeout": "1h",
                    "test.appstudio.openshift.io/finally_timeout": "30m",
                ],
                RuleSettings(pipelineTimeout: "1h"), ["pipeline=1h30m0s", "tasks=1h0m0s", "finally=30m0s"]
            ),
            (
                [:], RuleSettings(pipelineTimeout: "3h", tasksTimeout: "1h", finallyTimeout: "30m"),
                ["pipeline=3h0m0s", "tasks=1h0m0s", "finally=30m0s"]
            ),
            ([:], RuleSettings(tasksTimeout: "2h", finallyTimeout: "2h"), ["tasks=2h0m0s", "finally=2h0m0s"]),
        ] as [([String: String], RuleSettings, [String])])
    func timeouts(annotations: [String: String], settings: RuleSettings, expected: [String]) {
        let r = TestRunHarness.run(
            [Fixture.application(), Fixture.scenario("its-a", annotations: annotations), TestRunHarness.pushSnapshot],
            settings: settings)
        let timeouts = TestRunHarness.testRuns(r).first?.node.mapping("spec")?.mapping("timeouts")?.mapping ?? []
        #expect(timeouts.map { "\($0.key.string ?? "")=\($0.value.string ?? "")" } == expected)
    }

    /// §3.2 log URL from the CONSOLE_URL template.
    @Test(
        arguments: [
            (nil, "https://CONSOLE_URL_NOT_AVAILABLE"),
            (
                "https://console/ns/{{NAMESPACE}}/pipelinerun/{{PIPELINE_RUN_NAME}}",
                "https://console/ns/tenant/pipelinerun/RUN"
            ),
            ("https://console/{{ .Namespace }}/{{.PipelineRunName}}", "https://console/tenant/RUN"),
        ] as [(String?, String)])
    func logURL(template: String?, expected: String) throws {
        let r = TestRunHarness.run(
            [Fixture.application(), Fixture.scenario("its-a"), TestRunHarness.pushSnapshot],
            settings: RuleSettings(consoleURL: template))
        let run = try #require(TestRunHarness.testRuns(r).first)
        let name = run.key.name
        #expect(run.node.annotation(Keys.logURL) == expected.replacing("RUN", with: name))
    }

    /// §3.3: a `pipelinerun` scenario is recorded as a run to resolve, not dropped.
    @Test func resourceKindPipelineRun() throws {
        let scenario = Fixture.scenario("its-a").setting(
            path: ["spec", "resolverRef", "resourceKind"], to: .string("PipelineRun"))
        let r = TestRunHarness.run([Fixture.application(), scenario, TestRunHarness.pushSnapshot])
        let run = try #require(TestRunHarness.testRuns(r).first)
        #expect(run.node.annotation("snapgate.dev/resolve-as") == "pipelinerun")
        #expect(run.node.mapping("spec")?.mapping("pipelineRef")?.string("resolver") == "git")
        #expect(TestRunHarness.statuses(r, "snap").entry("its-a")?.status == .inProgress)
    }

    /// §3.4: PR snapshots take the test definition from the PR's source repository.
    @Test(arguments: [
        ("https://github.com/org/tests/", "main", true),
        ("https://github.com/org/tests.git", "main", true),
        ("https://github.com/org/tests", "release", false),
        ("https://github.com/org/other", "main", false),
    ])
    func gitResolverRewrite(url: String, revision: String, rewritten: Bool) throws {
        let scenario = Fixture.scenario(
            "its-a", resolverParams: [("url", url), ("revision", revision), ("pathInRepo", "p.yaml")])
        let snapshot = TestRunHarness.prSnapshot(
            "snap", start: "1762693445123",
            annotations: [
                "pac.test.appstudio.openshift.io/branch": "main",
                "pac.test.appstudio.openshift.io/repo-url": "https://github.com/org/tests",
                "pac.test.appstudio.openshift.io/source-repo-url": "https://github.com/fork/tests/",
                "pac.test.appstudio.openshift.io/sha": "abc123",
            ])
        let r = TestRunHarness.run([Fixture.application(), scenario, snapshot])
        let params = try #require(TestRunHarness.testRuns(r).first?.node.at("spec.pipelineRef")?.items("params"))
        let values = params.map { $0.stringOrEmpty("value") }
        if rewritten {
            #expect(values == ["https://github.com/fork/tests.git", "abc123", "p.yaml"])
        } else {
            #expect(values == [url, revision, "p.yaml"])
        }
    }

    /// §3.2 labels: copied prefixes, optional label verbatim, span context annotation.
    @Test func copiedMetadata() throws {
        let snapshot = Fixture.snapshot(
            "snap", components: [("comp-a", Fixture.image("quay.io/o/a"))],
            labels: ["custom.appstudio.openshift.io/team": "t", "other.io/x": "no", "build.appstudio.x/y": "b"],
            annotations: ["tekton.dev/pipelinerunSpanContext": "{}", "unrelated": "no"])
        let r = TestRunHarness.run([Fixture.application(), Fixture.scenario("its-a", optional: true), snapshot])
        let run = try #require(TestRunHarness.testRuns(r).first)
        #expect(run.node.label("custom.appstudio.openshift.io/team") == "t")
        #expect(run.node.label("build.appstudio.x/y") == "b")
        #expect(run.node.label("other.io/x") == nil)
        #expect(run.node.label("test.appstudio.openshift.io/optional") == "true")
        #expect(run.node.label("appstudio.openshift.io/component") == nil)
        #expect(run.node.annotation("tekton.dev/pipelinerunSpanContext") == "{}")
        #expect(run.node.annotation("unrelated") == nil)
    }

    /// §3.1 "Idempotency relies on testPipelineRunName" + GITOPS.md: running the whole service
    /// again on its own output changes nothing.
    @Test func reconcileIsIdempotent() {
        let documents = [
            Fixture.application(), Fixture.component("comp-a"), Fixture.scenario("its-a"),
            Fixture.scenario("its-b", optional: true), Fixture.scenario("bad", params: [("SNAPSHOT", "x")]),
            TestRunHarness.pushSnapshot,
            TestRunHarness.prSnapshot("pr-old", start: "1762693000000"),
            TestRunHarness.prSnapshot("pr-new", start: "1762693445123"),
            Fixture.snapshot(
                "override", components: [("comp-a", Fixture.image("quay.io/o/a", digit: "d"))],
                labels: ["test.appstudio.openshift.io/type": "override", "test.appstudio.openshift.io/run": "all"]),
        ]
        let context = RuleContext(now: Fixture.now)
        let first = IntegrationService.reconcile(Fixture.world(documents), context: context)
        #expect(!first.changes.isEmpty)
        #expect(!TestRunHarness.testRuns(first).isEmpty)
        let second = IntegrationService.reconcile(first.world, context: context)
        #expect(second.changes.isEmpty)
        let later = IntegrationService.reconcile(
            first.world, context: RuleContext(now: Fixture.now.adding(milliseconds: 60_000)))
        #expect(later.changes.isEmpty)
    }
}
