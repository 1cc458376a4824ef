import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// Builders of test PipelineRuns, TaskRuns and status entries for the result, verdict and
/// release tests.
enum ResultFixtures {
    static let started = "2025-11-09T13:05:00Z"

    /// A test PipelineRun as snapgate writes it, with the status whoever ran it committed.
    /// `succeeded` nil and `started` false: no status at all (not run yet).
    static func testRun(
        _ name: String = "its-run1", snapshot: String = "snap", scenario: String = "its", succeeded: String? = "True",
        started: Bool = true, results: [(String, String)] = [], children: [(String, String)] = [],
        annotations: StringMap = [:], deletionTimestamp: String? = nil, finalizer: Bool = true,
        specStatus: String? = nil
    ) -> YAMLNode {
        let metadata = ObjectMeta(
            name: name, namespace: Fixture.namespace,
            labels: [
                "pipelines.appstudio.openshift.io/type": "test", "appstudio.openshift.io/snapshot": snapshot,
                "test.appstudio.openshift.io/scenario": scenario,
            ], annotations: annotations, finalizers: finalizer ? ["test.appstudio.openshift.io/pipelinerun"] : [],
            deletionTimestamp: deletionTimestamp)
        var spec: [(String, YAMLNode)] = [("pipelineRef", .mapping([("resolver", .string("git"))]))]
        if let specStatus { spec.append(("status", .string(specStatus))) }
        var entries: [(String, YAMLNode)] = [
            ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("PipelineRun")), ("metadata", metadata.node),
            ("spec", .mapping(spec)),
        ]
        var status: [(String, YAMLNode)] = []
        if started { status.append(("startTime", .string(ResultFixtures.started))) }
        if let succeeded {
            let reason = succeeded == "True" ? "Succeeded" : succeeded == "False" ? "Failed" : "Running"
            status.append(
                (
                    "conditions",
                    .sequence([
                        Condition(
                            type: "Succeeded", status: succeeded, reason: reason, message: "",
                            lastTransitionTime: "2025-11-09T13:10:00Z"
                        ).node
                    ])
                ))
        }
        if !results.isEmpty { status.append(("results", pairs(results))) }
        if !children.isEmpty {
            status.append(
                (
                    "childReferences",
                    .sequence(
                        children.map {
                            .mapping([
                                ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("TaskRun")),
                                ("name", .string($0.0)), ("pipelineTaskName", .string($0.1)),
                            ])
                        })
                ))
        }
        if !status.isEmpty { entries.append(("status", .mapping(status))) }
        return .mapping(entries)
    }

    /// A TaskRun of `pipelineRun` that ran `task`.
    static func taskRun(
        _ name: String, pipelineRun: String = "its-run1", task: String, results: [(String, String)] = []
    ) -> YAMLNode {
        let metadata = ObjectMeta(
            name: name, namespace: Fixture.namespace,
            labels: ["tekton.dev/pipelineRun": pipelineRun, "tekton.dev/pipelineTask": task])
        var status: [(String, YAMLNode)] = [("podName", .string("\(name)-pod"))]
        if !results.isEmpty { status.append(("results", pairs(results))) }
        return .mapping([
            ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("TaskRun")), ("metadata", metadata.node),
            ("spec", .mapping([("taskRef", .mapping([("name", .string(task))]))])), ("status", .mapping(status)),
        ])
    }

    static func pairs(_ results: [(String, String)]) -> YAMLNode {
        .sequence(results.map { .mapping([("name", .string($0.0)), ("value", .string($0.1))]) })
    }

    /// A `TEST_OUTPUT` value.
    static func output(_ result: String, successes: Int = 1, failures: Int = 0, warnings: Int = 0) -> String {
        "{\"result\":\"\(result)\",\"timestamp\":\"1762693500\",\"successes\":\(successes),"
            + "\"failures\":\(failures),\"warnings\":\(warnings)}"
    }

    /// An entry as test creation leaves it (§3.1 step 4).
    static func created(_ scenario: String = "its", run: String = "its-run1", optional: Bool = false)
        -> ScenarioTestStatus
    {
        ScenarioTestStatus(
            scenario: scenario, status: .inProgress, lastUpdateTime: "2025-11-09T13:04:06Z",
            details: "IntegrationTestScenario pipeline '\(run)' has been created", startTime: "2025-11-09T13:04:06Z",
            testPipelineRunName: run, isOptionalScenario: optional)
    }

    static func entry(
        _ scenario: String, _ status: IntegrationTestStatus, run: String? = nil, optional: Bool = false
    ) -> ScenarioTestStatus {
        ScenarioTestStatus(
            scenario: scenario, status: status, lastUpdateTime: "2025-11-09T13:04:06Z", details: status.rawValue,
            testPipelineRunName: run ?? "\(scenario)-run", isOptionalScenario: optional)
    }

    static func annotation(_ entries: [ScenarioTestStatus]) -> [String: String] {
        ["test.appstudio.openshift.io/status": SnapshotTestStatuses(entries: entries).annotationValue]
    }

    /// The status entries of a Snapshot.
    static func statuses(_ world: World, _ snapshot: String = "snap") throws -> SnapshotTestStatuses {
        let object = try #require(world.snapshot(namespace: Fixture.namespace, name: snapshot))
        let text = try #require(object.metadata.annotations["test.appstudio.openshift.io/status"])
        return try SnapshotTestStatuses.parse(text)
    }

    static func run(_ world: World, _ name: String = "its-run1") throws -> PipelineRun {
        try #require(world.pipelineRun(namespace: Fixture.namespace, name: name))
    }

    /// Runs the result rule over the documents.
    static func reconcile(_ documents: [YAMLNode], settings: RuleSettings = RuleSettings()) -> Reconciliation {
        var r = Reconciliation(
            world: Fixture.world(documents), context: RuleContext(now: Fixture.now, settings: settings))
        ResultRules.updateStatusFromPipelineRuns(&r)
        return r
    }
}

/// One row of SPEC.md §4.2's table.
struct ResultCase: Sendable, CustomTestStringConvertible {
    var label: String
    var run: YAMLNode
    var taskRuns: [YAMLNode] = []
    var status: IntegrationTestStatus
    var details: String
    var finalizerRemoved = true

    var testDescription: String { label }
}

@Suite struct ResultRulesTests {
    static let mismatch =
        "Failed to determine status of pipelinerun 'its-run1', due to mismatch in TaskRuns present in cluster (1) "
        + "and those referenced within childReferences (2)"

    static let cases: [ResultCase] = [
        ResultCase(
            label: "running",
            run: ResultFixtures.testRun(succeeded: "Unknown", annotations: [Keys.logURL: "https://c/r1"]),
            status: .inProgress, details: "Integration test is running as pipeline run 'https://c/r1'",
            finalizerRemoved: false),
        ResultCase(
            label: "started, no condition yet", run: ResultFixtures.testRun(succeeded: nil), status: .inProgress,
            details: "Integration test is running as pipeline run 'https://CONSOLE_URL_NOT_AVAILABLE'",
            finalizerRemoved: false),
        ResultCase(
            label: "deleted while running",
            run: ResultFixtures.testRun(succeeded: "Unknown", deletionTimestamp: "2025-11-09T13:11:00Z"),
            status: .deleted,
            details: "Integration test which is running as pipeline run 'its-run1', has been deleted"),
        ResultCase(
            label: "failed", run: ResultFixtures.testRun(succeeded: "False"), status: .testFail,
            details: "Integration test failed"),
        ResultCase(
            label: "failed, results not inspected",
            run: ResultFixtures.testRun(succeeded: "False", results: [("TEST_OUTPUT", "{broken")]), status: .testFail,
            details: "Integration test failed"),
        ResultCase(
            label: "succeeded without TEST_OUTPUT", run: ResultFixtures.testRun(), status: .testPassed,
            details: "Integration test passed"),
        ResultCase(
            label: "SUCCESS", run: ResultFixtures.testRun(results: [("TEST_OUTPUT", ResultFixtures.output("SUCCESS"))]),
            status: .testPassed, details: "Integration test passed"),
        ResultCase(
            label: "SKIPPED", run: ResultFixtures.testRun(results: [("TEST_OUTPUT", ResultFixtures.output("SKIPPED"))]),
            status: .testPassed, details: "Integration test passed"),
        ResultCase(
            label: "WARNING", run: ResultFixtures.testRun(results: [("TEST_OUTPUT", ResultFixtures.output("WARNING"))]),
            status: .testWarning, details: "Integration test passed with warnings"),
        ResultCase(
            label: "FAILURE", run: ResultFixtures.testRun(results: [("TEST_OUTPUT", ResultFixtures.output("FAILURE"))]),
            status: .testFail, details: "Integration test failed"),
        ResultCase(
            label: "ERROR (legacy name)",
            run: ResultFixtures.testRun(results: [("HACBS_TEST_OUTPUT", ResultFixtures.output("ERROR"))]),
            status: .testFail, details: "Integration test failed"),
        ResultCase(
            label: "invalid TEST_OUTPUT in the run's results",
            run: ResultFixtures.testRun(results: [("TEST_OUTPUT", #"{"result":"SUCCESS","timestamp":"1762693500"}"#)]),
            status: .testFail,
            details: "Invalid result: error validating schema of results from task its-run1 result TEST_OUTPUT: "
                + "missing required field 'successes', missing required field 'failures', "
                + "missing required field 'warnings'"),
        ResultCase(
            label: "child references, no TaskRuns committed: no count check, the run's results",
            run: ResultFixtures.testRun(
                results: [("TEST_OUTPUT", ResultFixtures.output("WARNING"))], children: [("tr-a", "a"), ("tr-b", "b")]),
            status: .testWarning, details: "Integration test passed with warnings"),
        ResultCase(
            label: "TaskRun count mismatch",
            run: ResultFixtures.testRun(children: [("tr-a", "a"), ("tr-b", "b")]),
            taskRuns: [ResultFixtures.taskRun("tr-a", task: "a")], status: .testInvalid, details: mismatch),
        ResultCase(
            label: "TaskRun count mismatch wins over failure",
            run: ResultFixtures.testRun(succeeded: "False", children: [("tr-a", "a"), ("tr-b", "b")]),
            taskRuns: [ResultFixtures.taskRun("tr-a", task: "a")], status: .testInvalid, details: mismatch),
        ResultCase(
            label: "TaskRuns: one WARNING, one without output",
            run: ResultFixtures.testRun(children: [("tr-a", "a"), ("tr-b", "b")]),
            taskRuns: [
                ResultFixtures.taskRun("tr-a", task: "a", results: [("TEST_OUTPUT", ResultFixtures.output("WARNING"))]),
                ResultFixtures.taskRun("tr-b", task: "b", results: [("OTHER", "x")]),
            ], status: .testWarning, details: "Integration test passed with warnings"),
        ResultCase(
            label: "TaskRuns: SUCCESS and FAILURE",
            run: ResultFixtures.testRun(children: [("tr-a", "a"), ("tr-b", "b")]),
            taskRuns: [
                ResultFixtures.taskRun("tr-a", task: "a", results: [("TEST_OUTPUT", ResultFixtures.output("SUCCESS"))]),
                ResultFixtures.taskRun("tr-b", task: "b", results: [("TEST_OUTPUT", ResultFixtures.output("FAILURE"))]),
            ], status: .testFail, details: "Integration test failed"),
        ResultCase(
            label: "TaskRuns: two invalid outputs, by task",
            run: ResultFixtures.testRun(
                results: [("TEST_OUTPUT", ResultFixtures.output("SUCCESS"))], children: [("tr-b", "b"), ("tr-a", "a")]),
            taskRuns: [
                ResultFixtures.taskRun("tr-a", task: "a", results: [("TEST_OUTPUT", "not json")]),
                ResultFixtures.taskRun(
                    "tr-b", task: "b", results: [("TEST_OUTPUT", ResultFixtures.output("PASS", failures: -1))]),
            ], status: .testFail,
            details: "Invalid result: error while mapping json data from task a result TEST_OUTPUT: "
                + "invalid JSON at byte 1: expected null; Invalid result: error validating schema of results from "
                + "task b result TEST_OUTPUT: 'result' must be one of SUCCESS, FAILURE, WARNING, SKIPPED, ERROR, "
                + "got \"PASS\", 'failures' must be >= 0, got -1"),
        ResultCase(
            label: "TaskRuns committed: the run's own results are not read",
            run: ResultFixtures.testRun(
                results: [("TEST_OUTPUT", ResultFixtures.output("FAILURE"))], children: [("tr-a", "a")]),
            taskRuns: [ResultFixtures.taskRun("tr-a", task: "a")], status: .testPassed,
            details: "Integration test passed"),
        ResultCase(
            label: "cancelled before it started",
            run: ResultFixtures.testRun(succeeded: nil, started: false, specStatus: "CancelledRunFinally"),
            status: .testFail, details: "Integration test failed"),
    ]

    /// SPEC.md §4.2: "Mapping: | PLR state | status | details |", with GITOPS.md "Test results":
    /// the TaskRun-count rule applies only when TaskRuns of the run are committed.
    @Test(arguments: cases)
    func mapsRunStateToStatus(_ row: ResultCase) throws {
        let snapshot = Fixture.snapshot("snap", annotations: ResultFixtures.annotation([ResultFixtures.created()]))
        let r = ResultFixtures.reconcile([snapshot, row.run] + row.taskRuns)
        let entry = try #require(try ResultFixtures.statuses(r.world).entry("its"))
        #expect(entry.status == row.status)
        #expect(entry.details == row.details)
        #expect(entry.testPipelineRunName == "its-run1")
        let finalizers = try ResultFixtures.run(r.world).metadata.finalizers
        #expect(finalizers.contains("test.appstudio.openshift.io/pipelinerun") == !row.finalizerRemoved)
        #expect(r.diagnostics.isEmpty)
    }

    /// SPEC.md §4.1 update rule: "`InProgress` → `startTime`=now …; any final status … →
    /// `completionTime`=now"; §4.2 "`testPipelineRunName` is set to the PLR name".
    @Test func finishingStampsTimesAndRunName() throws {
        var entry = ResultFixtures.created()
        entry.testPipelineRunName = nil
        let snapshot = Fixture.snapshot("snap", annotations: ResultFixtures.annotation([entry]))
        let r = ResultFixtures.reconcile([snapshot, ResultFixtures.testRun()])
        let result = try #require(try ResultFixtures.statuses(r.world).entry("its"))
        #expect(result.completionTime == Fixture.now.rfc3339Nano)
        #expect(result.lastUpdateTime == Fixture.now.rfc3339Nano)
        #expect(result.startTime == "2025-11-09T13:04:06Z")
        #expect(result.testPipelineRunName == "its-run1")
    }

    /// SPEC.md §3.2: the log URL is the `CONSOLE_URL` template with namespace and run name.
    @Test func inProgressDetailsUseTheConsoleTemplate() throws {
        let snapshot = Fixture.snapshot("snap", annotations: ResultFixtures.annotation([ResultFixtures.created()]))
        let settings = RuleSettings(consoleURL: "https://console/ns/{{NAMESPACE}}/pipelinerun/{{PIPELINE_RUN_NAME}}")
        let r = ResultFixtures.reconcile([snapshot, ResultFixtures.testRun(succeeded: "Unknown")], settings: settings)
        let entry = try #require(try ResultFixtures.statuses(r.world).entry("its"))
        #expect(
            entry.details
                == "Integration test is running as pipeline run 'https://console/ns/tenant/pipelinerun/its-run1'")
    }

    /// The brief's "not started": a run snapgate wrote and nobody ran leaves its entry alone.
    @Test func runWithoutStatusLeavesTheEntry() throws {
        let snapshot = Fixture.snapshot("snap", annotations: ResultFixtures.annotation([ResultFixtures.created()]))
        let r = ResultFixtures.reconcile([snapshot, ResultFixtures.testRun(succeeded: nil, started: false)])
        #expect(r.changes.isEmpty)
        #expect(try ResultFixtures.statuses(r.world).entry("its") == ResultFixtures.created())
    }

    /// SPEC.md §4.2: "Skipped if the PLR no longer has the finalizer".
    @Test func runWithoutFinalizerIsSkipped() throws {
        let snapshot = Fixture.snapshot("snap", annotations: ResultFixtures.annotation([ResultFixtures.created()]))
        let r = ResultFixtures.reconcile([snapshot, ResultFixtures.testRun(succeeded: "False", finalizer: false)])
        #expect(r.changes.isEmpty)
    }

    /// A status annotation a person broke is an error on the Snapshot, not a crash; a run whose
    /// Snapshot is missing is a warning on the run.
    @Test func unreadableInputsAreDiagnostics() throws {
        let broken = Fixture.snapshot("snap", annotations: ["test.appstudio.openshift.io/status": "[{"])
        let r = ResultFixtures.reconcile([
            broken, ResultFixtures.testRun(), ResultFixtures.testRun("orphan", snapshot: "gone"),
        ])
        #expect(r.changes.isEmpty)
        #expect(r.diagnostics.count == 2)
        #expect(r.diagnostics.contains { $0.severity == .error && $0.message.contains("Snapshot tenant/snap") })
        #expect(
            r.diagnostics.contains {
                $0.message.contains("Snapshot tenant/gone of this test PipelineRun does not exist")
            })
    }

    /// A new entry is created when the scenario has none (upstream's UpdateTestStatusIfChanged),
    /// for a scenario that still applies to the Snapshot.
    @Test func missingAnnotationGetsAnEntry() throws {
        let r = ResultFixtures.reconcile([
            Fixture.application(), Fixture.scenario("its"), Fixture.snapshot("snap"),
            ResultFixtures.testRun(succeeded: "False"),
        ])
        #expect(try ResultFixtures.statuses(r.world).entry("its")?.status == .testFail)
    }

    /// …but not for a scenario that no longer applies: the test-run rule would remove the entry
    /// again, and the two rules would never settle (the run's finalizer still goes).
    @Test func entryOfAScenarioThatNoLongerAppliesIsNotRecreated() throws {
        let r = ResultFixtures.reconcile([Fixture.snapshot("snap"), ResultFixtures.testRun(succeeded: "False")])
        #expect(
            r.world.snapshot(namespace: Fixture.namespace, name: "snap")?.metadata.annotations[Keys.testStatus] == nil)
        #expect(try ResultFixtures.run(r.world).metadata.finalizers.isEmpty)
    }
}
