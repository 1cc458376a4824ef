import SnapgateGit
import SnapgateModel
import SnapgateNode
import SnapgateReconciler
import SnapgateRules
import SnapgateTestSupport
import Testing

/// Decide ⇄ Execute: with an executor, the runs a pass creates are executed within it, so the
/// verdict and the Release land in the same commit (GITOPS.md "Determinism, idempotency and history").
@Suite struct ExecutorPlumbingTests {
    /// An executor that reports every run as succeeded with one passing TaskRun, in Tekton's shape.
    struct SucceedingExecutor: RunExecutor {
        func execute(_ runs: [ManifestObject], in world: World) async -> [ExecutedRun] {
            runs.map { run in
                let time = "2025-11-09T13:12:30Z"
                let taskRun = "\(run.key.name)-check"
                let status = YAMLNode.mapping([
                    ("startTime", .string(time)), ("completionTime", .string(time)),
                    (
                        "conditions",
                        .sequence([
                            Condition(
                                type: "Succeeded", status: "True", reason: "Succeeded",
                                message: "Tasks Completed: 1 (Failed: 0, Cancelled 0), Skipped: 0",
                                lastTransitionTime: time
                            ).node
                        ])
                    ),
                    (
                        "childReferences",
                        .sequence([
                            .mapping([
                                ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("TaskRun")),
                                ("name", .string(taskRun)), ("pipelineTaskName", .string("check")),
                            ])
                        ])
                    ),
                ])
                let taskRunNode = YAMLNode.mapping([
                    ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("TaskRun")),
                    (
                        "metadata",
                        ObjectMeta(
                            name: taskRun, namespace: run.key.namespace,
                            labels: ["tekton.dev/pipelineRun": run.key.name, "tekton.dev/pipelineTask": "check"]
                        ).node
                    ),
                    ("spec", .mapping([("taskRef", .mapping([("name", .string("check"))]))])),
                    (
                        "status",
                        .mapping([
                            (
                                "conditions",
                                .sequence([
                                    Condition(
                                        type: "Succeeded", status: "True", reason: "Succeeded", message: "ok",
                                        lastTransitionTime: time
                                    ).node
                                ])
                            ),
                            (
                                "results",
                                .sequence([
                                    .mapping([
                                        ("name", .string("TEST_OUTPUT")),
                                        (
                                            "value",
                                            .string(
                                                #"{"result":"SUCCESS","timestamp":"1762693950","successes":1,"failures":0,"warnings":0}"#
                                            )
                                        ),
                                    ])
                                ])
                            ),
                        ])
                    ),
                ])
                return ExecutedRun(key: run.key, status: status, taskRuns: [taskRunNode])
            }
        }
    }

    @Test func verdictAndReleaseLandInTheSameCommit() async throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(ReconcilerEndToEndTests.manifests)
        let outcome = try await Reconciler(repository: try GitRepository(path: repo))
            .reconcile(branch: "main", now: ReconcilerEndToEndTests.now, executor: SucceedingExecutor())
        let paths = outcome.changes.map(\.path)
        #expect(paths.contains { $0.hasPrefix("snapgate/tenant/taskruns/policy-") })
        #expect(paths.contains { $0.hasPrefix("snapgate/tenant/releases/") })
        let snapshot = try #require(outcome.changes.first { $0.key.groupKind.kind == "Snapshot" })
        #expect(
            String(decoding: snapshot.contents ?? [], as: UTF8.self).contains("All Integration Pipeline tests passed"))
        // Nothing left to do afterwards, with or without the executor.
        let again = try await Reconciler(repository: try GitRepository(path: repo))
            .reconcile(branch: "main", now: ReconcilerEndToEndTests.now, executor: SucceedingExecutor())
        #expect(again.commit == nil)
    }
}
