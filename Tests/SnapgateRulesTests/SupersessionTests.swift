import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// SPEC.md §6.3 "Superseded snapshot cancellation (PR snapshots only)".
@Suite struct SupersessionTests {
    private static func testRun(_ name: String, snapshot: String, succeeded: String? = nil) -> YAMLNode {
        var node: YAMLNode = .mapping([
            ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("PipelineRun")),
            (
                "metadata",
                Fixture.metadata(
                    name,
                    labels: [
                        "pipelines.appstudio.openshift.io/type": "test", "appstudio.openshift.io/snapshot": snapshot,
                        "test.appstudio.openshift.io/scenario": "its-a",
                    ])
            ),
            ("spec", .mapping([("pipelineRef", .mapping([("resolver", .string("git"))]))])),
        ])
        node = node.addingFinalizer("test.appstudio.openshift.io/pipelinerun")
        if let succeeded {
            node = node.settingCondition(
                type: "Succeeded", status: succeeded, reason: "x", message: "", now: Fixture.now)
        }
        return node
    }

    /// §3.1 step 3 and §6.3: only the newest of a PR set starts runs; older ones are canceled
    /// with their unfinished runs (finished runs only lose the finalizer).
    @Test func newestOnlyAndOlderCanceled() throws {
        let r = TestRunHarness.run([
            Fixture.application(), Fixture.scenario("its-a"),
            TestRunHarness.prSnapshot("pr-old", start: "1762693000"),  // seconds: normalised to ms
            TestRunHarness.prSnapshot("pr-new", start: "1762693445123"),
            TestRunHarness.prSnapshot("pr-other", pr: "8", start: "1762690000000"),
            Self.testRun("old-run", snapshot: "pr-old"),
            Self.testRun("old-done", snapshot: "pr-old", succeeded: "True"),
        ])
        let runs = TestRunHarness.testRuns(r).filter { $0.node.label("appstudio.openshift.io/snapshot") != "pr-old" }
        #expect(Set(runs.compactMap { $0.node.label("appstudio.openshift.io/snapshot") }) == ["pr-new", "pr-other"])
        let old = try #require(TestRunHarness.snapshot(r, "pr-old"))
        #expect(old.isCanceled)
        #expect(old.integrationStatusCondition?.message == "Snapshot canceled/superseded")
        #expect(TestRunHarness.statuses(r, "pr-old").entry("its-a")?.testPipelineRunName == nil)
        #expect(TestRunHarness.snapshot(r, "pr-new")?.isCanceled == false)
        #expect(TestRunHarness.snapshot(r, "pr-other")?.isCanceled == false)
        let oldRun = try #require(r.world.object(.pipelineRun, namespace: "tenant", name: "old-run"))
        #expect(oldRun.node.at("spec.status")?.string == "CancelledRunFinally")
        #expect(oldRun.node.annotation("pac.test.appstudio.openshift.io/cancelled") == "true")
        #expect(oldRun.node.finalizers.isEmpty)
        let done = try #require(r.world.object(.pipelineRun, namespace: "tenant", name: "old-done"))
        #expect(done.node.at("spec.status") == nil)
        #expect(done.node.finalizers.isEmpty)
    }

    /// §6.3 "when a new PR build PLR is created/running": older same component+PR snapshots
    /// are canceled, even finished ones; runs only when unfinished and not ignoring supersession.
    @Test func runningBuildSupersedes() throws {
        let running = Fixture.build(
            "build-2", component: "comp-a", labels: ["pipelinesascode.tekton.dev/pull-request": "7"]
        ).setting(path: ["status", "conditions"], to: .sequence([]))
        let finished = Fixture.snapshot(
            "pr-done", components: [("comp-a", Fixture.image("quay.io/o/a"))],
            labels: [
                "appstudio.openshift.io/component": "comp-a", "pac.test.appstudio.openshift.io/pull-request": "7",
            ],
            annotations: [
                "test.appstudio.openshift.io/integration-workflow": "pull-request",
                "test.appstudio.openshift.io/pipelinerunstarttime": "1762690000000",
            ],
            conditions: [
                Condition(
                    type: "AppStudioTestSucceeded", status: "True", reason: "Passed", message: "",
                    lastTransitionTime: "")
            ])
        let r = TestRunHarness.run(
            [
                running, finished,
                TestRunHarness.prSnapshot("pr-old", start: "1762690000000"),
                TestRunHarness.prSnapshot(
                    "pr-ignore", start: "1762690000001",
                    annotations: ["test.appstudio.openshift.io/ignore-supersession": "true"]),
                // Newer than the build (started 2025-11-09T13:04:05.123Z): left alone.
                TestRunHarness.prSnapshot("pr-newer", start: "1762693500000"),
                Self.testRun("run-old", snapshot: "pr-old"), Self.testRun("run-ignore", snapshot: "pr-ignore"),
                Self.testRun("run-done", snapshot: "pr-done"),
            ], steps: [SupersessionRules.cancelSupersededByBuilds])
        for name in ["pr-done", "pr-old", "pr-ignore"] {
            #expect(
                TestRunHarness.snapshot(r, name)?.integrationStatusCondition?.message
                    == "Canceled - Superseded by new build")
        }
        #expect(TestRunHarness.snapshot(r, "pr-newer")?.isCanceled == false)
        func status(_ run: String) -> String? {
            r.world.object(.pipelineRun, namespace: "tenant", name: run)?.node.at("spec.status")?.string
        }
        #expect(status("run-old") == "CancelledRunFinally")
        #expect(status("run-ignore") == nil)
        #expect(status("run-done") == nil)
        // A finished build supersedes nothing.
        let done = TestRunHarness.run(
            [
                Fixture.build("b", component: "comp-a", labels: ["pipelinesascode.tekton.dev/pull-request": "7"]),
                TestRunHarness.prSnapshot("pr-old", start: "1762690000000"),
            ], steps: [SupersessionRules.cancelSupersededByBuilds])
        #expect(done.changes.isEmpty)
    }
}
