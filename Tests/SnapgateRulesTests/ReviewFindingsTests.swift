import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// Findings of the SPEC review: each test states what the SPEC requires and fails on the current code.
@Suite struct ReviewFindingsTests {
    static let ctx = RuleContext(now: Fixture.now)

    static func testRuns(_ w: World) -> [ManifestObject] {
        w.all(.pipelineRun).filter { $0.pipelineRun?.pipelineType == "test" }
    }

    /// Marks every test run as started by an executor (startTime, Succeeded=Unknown).
    static func started(_ world: World) -> World {
        var w = world
        for run in testRuns(world) {
            let node = run.node
                .setting(path: ["status", "startTime"], to: .string("2025-11-09T13:12:30Z"))
                .setting(
                    path: ["status", "conditions"],
                    to: .sequence([
                        .mapping([
                            ("type", .string("Succeeded")), ("status", .string("Unknown")),
                            ("reason", .string("Running")), ("message", .string("")),
                            ("lastTransitionTime", .string("2025-11-09T13:12:30Z")),
                        ])
                    ]))
            w.put(node, source: run.source)
        }
        return w
    }

    /// GITOPS.md "A reconcile runs to a fixpoint": deleting a scenario whose run is in progress
    /// (another required scenario still running) must settle. TestRunRules removes the entry
    /// (§3.1 step 2), ResultRules re-adds it from the running PipelineRun (§4.2), every round.
    @Test func deletedScenarioWithRunningRunSettles() throws {
        let docs = [
            Fixture.application(), Fixture.component("comp-a"), Fixture.scenario("its-a"), Fixture.scenario("its-b"),
            TestRunHarness.pushSnapshot,
        ]
        let first = IntegrationService.reconcile(Fixture.world(docs), context: Self.ctx)
        try #require(Self.testRuns(first.world).count == 2)
        var world = Self.started(first.world)
        world.remove(ObjectKey(KnownKind.integrationTestScenario.groupKind, namespace: "tenant", name: "its-b"))
        let second = IntegrationService.reconcile(world, context: Self.ctx)
        #expect(!second.events.contains { $0.summary.contains("did not settle") })
    }

    /// §3.5: re-running a scenario by name "regardless of its contexts" must settle too.
    @Test func rerunOfNonApplicableScenarioSettles() throws {
        let docs = [
            Fixture.application(), Fixture.component("comp-a"), Fixture.scenario("its-a"),
            Fixture.scenario("its-grp", contexts: ["group"]), TestRunHarness.pushSnapshot,
        ]
        let first = IntegrationService.reconcile(Fixture.world(docs), context: Self.ctx)
        var world = Self.started(first.world)
        let key = ObjectKey(KnownKind.snapshot.groupKind, namespace: "tenant", name: "snap")
        world.put(world.object(key)!.node.settingLabel(Keys.run, to: "its-grp"))
        let second = IntegrationService.reconcile(world, context: Self.ctx)
        let third = IntegrationService.reconcile(Self.started(second.world), context: Self.ctx)
        #expect(!third.events.contains { $0.summary.contains("did not settle") })
    }

    /// §6.3: "When a snapshot ... is not the newest of its set, no PLRs are started"; a canceled
    /// superseded PR snapshot must not get test runs when a required scenario is added later.
    @Test func canceledSupersededSnapshotGetsNoRunForNewScenario() throws {
        let docs = [
            Fixture.application(), Fixture.component("comp-a"), Fixture.scenario("its-a"),
            TestRunHarness.prSnapshot("s1", start: "1762693445000"),
            TestRunHarness.prSnapshot("s2", start: "1762693446000"),
        ]
        let first = IntegrationService.reconcile(Fixture.world(docs), context: Self.ctx)
        try #require(first.world.snapshot(namespace: "tenant", name: "s1")?.isCanceled == true)
        var world = first.world
        world.put(Fixture.scenario("its-b"))
        let second = IntegrationService.reconcile(world, context: Self.ctx)
        let s1Runs = Self.testRuns(second.world).filter { $0.node.label(Keys.snapshotLabel) == "s1" }
        #expect(s1Runs.isEmpty)
    }

    /// §3.2: SNAPSHOT is the JSON of snapshot.spec in Go field order; git source is
    /// url, revision, context, dockerfileUrl, devfileUrl whatever order the YAML had (snapgate's
    /// canonical YAML sorts keys, so a Snapshot read back from git has `revision` before `url`).
    @Test func snapshotParamUsesGoFieldOrderAfterRoundTrip() throws {
        let sha = String(repeating: "1", count: 40)
        let node: YAMLNode = .mapping([
            ("apiVersion", .string("appstudio.redhat.com/v1alpha1")), ("kind", .string("Snapshot")),
            ("metadata", Fixture.metadata("snap")),
            (
                "spec",
                .mapping([
                    ("application", .string("app")), ("artifacts", .mapping([])),
                    (
                        "components",
                        .sequence([
                            .mapping([
                                ("containerImage", .string(Fixture.image("quay.io/o/a"))), ("name", .string("comp-a")),
                                (
                                    "source",
                                    .mapping([
                                        (
                                            "git",
                                            .mapping([
                                                ("context", .string("./")), ("revision", .string(sha)),
                                                ("url", .string("https://github.com/org/comp-a")),
                                            ])
                                        )
                                    ])
                                ),
                            ])
                        ])
                    ),
                ])
            ),
        ])
        let world = Fixture.world([node, Fixture.scenario("its-a")])
        let snapshot = try #require(world.snapshot(namespace: "tenant", name: "snap"))
        let scenario = try #require(world.scenarios(namespace: "tenant", application: "app").first)
        let value = TestRunBuilder.snapshotParam(snapshot, scenario: scenario)["value"]?.string ?? ""
        #expect(
            value.contains(
                "{\"git\":{\"url\":\"https://github.com/org/comp-a\",\"revision\":\"\(sha)\",\"context\":\"./\"}}"))
    }

    /// §6.1 "containerImage must be a valid digest reference" (§1.2: valid repository name):
    /// an upper-case repository must make the override Invalid and must not enter the GCL.
    @Test func overrideRejectsInvalidRepository() throws {
        let image = "quay.io/Org/App@sha256:" + String(repeating: "c", count: 64)
        #expect(!ImageReference.isValidDigestReference(image))
        #expect(OverrideRules.imageDigestProblem(image) != nil)
    }

    /// §6.3: the build's own snapshot is recognised by the LABEL appstudio.openshift.io/build-pipelinerun.
    @Test func runningBuildDoesNotCancelItsOwnSnapshotWithoutStartTime() throws {
        var build = Fixture.build(
            "b", component: "comp-a",
            labels: [
                "pipelinesascode.tekton.dev/pull-request": "7", "pipelinesascode.tekton.dev/event-type": "pull_request",
            ])
        build = build.removing(path: ["status"]).setting(
            path: ["metadata", "creationTimestamp"], to: .string("2025-11-09T13:05:00Z"))
        // snapshot with no pipelinerunstarttime, created before the build record's creation time
        let snap = Fixture.snapshot(
            "s", components: [("comp-a", Fixture.image("quay.io/o/a"))],
            labels: [
                "test.appstudio.openshift.io/type": "component", "appstudio.openshift.io/component": "comp-a",
                "pac.test.appstudio.openshift.io/pull-request": "7", Keys.buildPipelineRun: "b",
            ], annotations: ["test.appstudio.openshift.io/integration-workflow": "pull-request"]
        ).setting(path: ["metadata", "creationTimestamp"], to: .string("2025-11-09T13:04:00Z"))
        var r = Reconciliation(world: Fixture.world([Fixture.application(), build, snap]), context: Self.ctx)
        SupersessionRules.cancelSupersededByBuilds(&r)
        #expect(r.world.snapshot(namespace: "tenant", name: "s")?.isCanceled == false)
    }

    /// §1.1 step 3 / §8 idempotency marker: a build already annotated with its Snapshot is done;
    /// deleting its Component later (§6.4) must not rewrite its create-snapshot-status to a failure.
    @Test func annotatedBuildUntouchedAfterComponentDeletion() throws {
        let docs = BuildTestSupport.application(webBuild: Fixture.build("b", component: "web"))
        let first = BuildTestSupport.run(docs)
        let before = BuildTestSupport.buildAnnotations(first)
        try #require(before[Keys.snapshotAnnotation] != nil)
        var world = first.world
        world.remove(ObjectKey(KnownKind.component.groupKind, namespace: "tenant", name: "web"))
        var r = Reconciliation(world: world, context: Self.ctx)
        BuildRules.createSnapshots(&r)
        #expect(BuildTestSupport.buildAnnotations(r)[Keys.createSnapshotStatus] == before[Keys.createSnapshotStatus])
    }
}

/// SPEC.md §1.8: a push build carrying a pull-request label marks itself and that pull request's
/// component Snapshots `test.appstudio.openshift.io/pr-status: merged`.
@Test func pushBuildOfAMergedPullRequestMarksItsSnapshots() throws {
    let prLabels = [
        "pac.test.appstudio.openshift.io/event-type": "pull_request",
        "pac.test.appstudio.openshift.io/pull-request": "7",
        "appstudio.openshift.io/component": "comp-a", "test.appstudio.openshift.io/type": "component",
    ]
    let world = Fixture.world([
        Fixture.application(), Fixture.component("comp-a"),
        Fixture.snapshot("pr-snap", labels: prLabels), Fixture.snapshot("other", labels: [:]),
        Fixture.build(
            "push-build", component: "comp-a",
            labels: ["pipelinesascode.tekton.dev/pull-request": "7", "pipelinesascode.tekton.dev/event-type": "push"]),
    ])
    var r = Reconciliation(world: world, context: RuleContext(now: Fixture.now))
    MergedPullRequestRules.markMergedPullRequests(&r)
    #expect(
        r.world.snapshot(namespace: Fixture.namespace, name: "pr-snap")?.metadata.annotations[Keys.prStatus] == "merged"
    )
    #expect(r.world.snapshot(namespace: Fixture.namespace, name: "other")?.metadata.annotations[Keys.prStatus] == nil)
    #expect(
        r.world.pipelineRun(namespace: Fixture.namespace, name: "push-build")?.metadata.annotations[Keys.prStatus]
            == "merged")
}
