import SnapgateModel
import SnapgateNode

/// SPEC.md §4.2, §4.3: the integration-PipelineRun controller — each test run's state becomes its
/// scenario's entry in the Snapshot's `test.appstudio.openshift.io/status` annotation.
enum ResultRules {
    /// §4.2 for every test PipelineRun that still has the finalizer, by key.
    static func updateStatusFromPipelineRuns(_ reconciliation: inout Reconciliation) {
        let runs = reconciliation.world.all(.pipelineRun).filter { $0.pipelineRun?.pipelineType == "test" }
        for object in runs {
            // Re-read: an earlier run of this loop may have changed the world.
            guard let current = reconciliation.world.object(object.key), let run = current.pipelineRun else { continue }
            update(from: run, object: current, &reconciliation)
        }
    }

    private static func update(from run: PipelineRun, object: ManifestObject, _ r: inout Reconciliation) {
        // Skipped once the finalizer is gone: the status was reported already (upstream's marker).
        guard run.metadata.finalizers.contains(Keys.pipelineRunFinalizer) else { return }
        let namespace = run.metadata.namespace
        guard let snapshotName = run.metadata.labels[Keys.snapshotLabel], !snapshotName.isEmpty else {
            r.report(
                .warning, about: object,
                "test PipelineRun has no label \(Keys.snapshotLabel); its result is not recorded")
            return
        }
        guard let snapshotObject = r.world.object(.snapshot, namespace: namespace, name: snapshotName) else {
            r.report(
                .warning, about: object, "Snapshot \(namespace)/\(snapshotName) of this test PipelineRun does not exist"
            )
            return
        }
        guard let scenario = run.metadata.labels[Keys.scenario], !scenario.isEmpty else {
            r.report(
                .warning, about: object, "test PipelineRun has no label \(Keys.scenario); its result is not recorded")
            return
        }
        guard var statuses = testStatuses(of: snapshotObject, &r) else { return }
        switch RunOutcome.of(run, world: r.world, settings: r.context.settings) {
        case .notStarted:
            // Written by snapgate, not run yet: the entry already says InProgress from creation.
            return
        case .failedToRead(let problem):
            r.report(.warning, about: object, problem)
            return
        case .status(let status, let details, let finished):
            // Only the entry this run belongs to is updated: an entry the test-run rule removed (the
            // scenario no longer applies) is not brought back, and an older run never overwrites the
            // entry of a newer re-run. Otherwise two rules would undo each other every round.
            // A missing entry is created (upstream's UpdateTestStatusIfChanged) only for a scenario
            // that still applies, which the test-run rule keeps.
            let applies =
                snapshotObject.snapshot.map { snapshot in
                    r.world.applicableScenarios(for: snapshot).contains { $0.metadata.name == scenario }
                } ?? false
            let entry = statuses.entry(scenario)
            let owned =
                entry.map { $0.testPipelineRunName == nil || $0.testPipelineRunName == run.metadata.name } ?? applies
            guard owned else {
                if finished { r.update(object.key) { $0.removingFinalizer(Keys.pipelineRunFinalizer) } }
                return
            }
            statuses.update(scenario, status: status, details: details, now: r.now)
            statuses.modify(scenario) { $0.testPipelineRunName = run.metadata.name }
            let value = statuses.annotationValue
            r.update(snapshotObject.key) { $0.settingAnnotation(Keys.testStatus, to: value) }
            // Upstream keeps the finalizer of component and group snapshots' runs until the result
            // has been reported to the git provider (§7). snapgate does no git-provider reporting,
            // so the status annotation is the only report: once it records a finished (or deleted)
            // run, the finalizer has done its job for every kind of snapshot.
            if finished {
                r.update(object.key) { $0.removingFinalizer(Keys.pipelineRunFinalizer) }
            }
        }
    }

    /// The Snapshot's status annotation; nil (with an error on the Snapshot) when a person wrote
    /// something unreadable into it. An absent annotation is an empty one.
    static func testStatuses(of snapshot: ManifestObject, _ r: inout Reconciliation) -> SnapshotTestStatuses? {
        guard let text = snapshot.metadata.annotations[Keys.testStatus] else { return SnapshotTestStatuses() }
        do {
            return try SnapshotTestStatuses.parse(text)
        } catch {
            let node = snapshot.node["metadata"]?["annotations"]?[Keys.testStatus]
            r.report(.error, about: snapshot, at: node, "annotation \(Keys.testStatus): \(error)")
            return nil
        }
    }
}

/// What a test PipelineRun says about its scenario (§4.2's table).
enum RunOutcome: Sendable, Hashable {
    /// No status yet: snapgate wrote the run and nobody has run it.
    case notStarted
    /// The committed records do not allow a verdict (a child reference names no committed TaskRun).
    case failedToRead(String)
    /// The entry to record; `finished` when the run will not change any more (or was deleted).
    case status(IntegrationTestStatus, details: String, finished: Bool)

    /// Tekton's `spec.status` values that cancel a run.
    static let cancelledSpecStatuses: Set<String> = ["Cancelled", "CancelledRunFinally"]

    /// §4.2's mapping. TaskRun manifests are optional in a repository (GITOPS.md "Test results"):
    /// when none of this run is committed, the count check is skipped and `TEST_OUTPUT` is read
    /// from the run's own `status.results`.
    /// Tekton's reasons for a run that could not start: its pipeline or a task could not be
    /// resolved, or the pipeline or its params are invalid.
    static let unrunnableReasons: Set<String> = [
        "CouldntGetPipeline", "CouldntGetTask", "PipelineValidationFailed", "ParameterMissing",
        "ParameterTypeMismatch", "InvalidTaskResultReference", "PipelineRunValidationFailed",
    ]

    static func of(_ run: PipelineRun, world: World, settings: RuleSettings) -> RunOutcome {
        let name = run.metadata.name
        let succeeded = run.status.succeeded
        let finished = succeeded != nil && succeeded?.status != "Unknown"
        if !finished {
            if run.metadata.deletionTimestamp != nil {
                return .status(
                    .deleted, details: "Integration test which is running as pipeline run '\(name)', has been deleted",
                    finished: true)
            }
            if succeeded == nil, run.status.startTime == nil {
                // A run cancelled before it started (§6.3 cancels with `CancelledRunFinally`) is
                // what Tekton would finish as Succeeded=False/Cancelled; no executor will ever run
                // it, so snapgate records that outcome now instead of leaving the entry InProgress.
                if let specStatus = run.spec.string("status"), cancelledSpecStatuses.contains(specStatus) {
                    return .status(.testFail, details: "Integration test failed", finished: true)
                }
                return .notStarted
            }
            let url = logURL(of: run, settings: settings)
            return .status(
                .inProgress, details: "Integration test is running as pipeline run '\(url)'", finished: false)
        }
        let taskRuns = world.taskRuns(namespace: run.metadata.namespace, pipelineRun: name)
        if !taskRuns.isEmpty, taskRuns.count != run.childReferences.count {
            return .status(
                .testInvalid,
                details: "Failed to determine status of pipelinerun '\(name)', due to mismatch in TaskRuns present in "
                    + "cluster (\(taskRuns.count)) and those referenced within childReferences "
                    + "(\(run.childReferences.count))", finished: true)
        }
        guard succeeded?.status == "True" else {
            // Not upstream (a cluster rejects such scenarios earlier): a run whose pipeline could not
            // be resolved or validated never tested anything, so snapgate says `TestInvalid`, with
            // Tekton's message saying which resolver and why (issue 4).
            if let reason = succeeded?.reason, unrunnableReasons.contains(reason) {
                return .status(
                    .testInvalid, details: "\(reason): \(succeeded?.message ?? "")", finished: true)
            }
            return .status(.testFail, details: "Integration test failed", finished: true)
        }
        let outputs: [(task: String, result: String, text: String)]
        if taskRuns.isEmpty {
            outputs = testOutputs(of: run.status, task: name)
        } else {
            // Keyed by pipelineTaskName (a later child reference of the same task wins, as in
            // upstream's map); the TaskRun is found by the child reference's name.
            var byTask: [String: (task: String, result: String, text: String)] = [:]
            for reference in run.childReferences {
                guard let taskRun = taskRuns.first(where: { $0.metadata.name == reference.name }) else {
                    return .failedToRead(
                        "child TaskRun \(reference.name) of this PipelineRun is not committed; "
                            + "its result is not recorded"
                    )
                }
                if let output = testOutputs(of: taskRun.status, task: reference.pipelineTaskName).first {
                    byTask[reference.pipelineTaskName] = output
                }
            }
            outputs = byTask.keys.sorted().compactMap { byTask[$0] }
        }
        let (status, details) = verdict(outputs)
        return .status(status, details: details, finished: true)
    }

    /// The first `TEST_OUTPUT`/`HACBS_TEST_OUTPUT` string result of a run (TaskRuns without one
    /// are ignored).
    private static func testOutputs(of status: RunStatus, task: String) -> [(
        task: String, result: String, text: String
    )] {
        guard let result = status.results.first(where: { TestOutput.resultNames.contains($0.name) }) else { return [] }
        return [(task, result.name, result.stringValue ?? "")]
    }

    /// The rows of §4.2's table for a run that succeeded.
    private static func verdict(
        _ outputs: [(task: String, result: String, text: String)]
    ) -> (IntegrationTestStatus, details: String) {
        var invalid: [String] = []
        var parsed: [TestOutput] = []
        for output in outputs {
            switch TestOutput.parse(output.text) {
            case .success(let value): parsed.append(value)
            case .failure(let problem):
                let what =
                    problem.isJSONError
                    ? "error while mapping json data from task \(output.task) result \(output.result)"
                    : "error validating schema of results from task \(output.task) result \(output.result)"
                invalid.append("Invalid result: \(what): \(problem)")
            }
        }
        if !invalid.isEmpty { return (.testFail, invalid.joined(separator: "; ")) }
        if parsed.contains(where: { !$0.result.passes }) { return (.testFail, "Integration test failed") }
        if parsed.contains(where: { $0.result == .warning }) {
            return (.testWarning, "Integration test passed with warnings")
        }
        return (.testPassed, "Integration test passed")
    }

    /// The run's log URL: its `pac.test.appstudio.openshift.io/log-url` annotation, else the
    /// `CONSOLE_URL` template upstream formats for it (§3.2).
    static func logURL(of run: PipelineRun, settings: RuleSettings) -> String {
        if let url = run.metadata.annotations[Keys.logURL], !url.isEmpty { return url }
        guard let template = settings.consoleURL, !template.isEmpty else { return "https://CONSOLE_URL_NOT_AVAILABLE" }
        var url = template
        for placeholder in ["{{NAMESPACE}}", "{{ .Namespace }}", "{{.Namespace}}"] {
            url = url.replacing(placeholder, with: run.metadata.namespace)
        }
        for placeholder in ["{{PIPELINE_RUN_NAME}}", "{{ .PipelineRunName }}", "{{.PipelineRunName}}"] {
            url = url.replacing(placeholder, with: run.metadata.name)
        }
        return url
    }
}
