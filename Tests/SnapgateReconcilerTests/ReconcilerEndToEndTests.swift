import Foundation
import SnapgateGit
import SnapgateLoader
import SnapgateModel
import SnapgateReconciler
import SnapgateRules
import SnapgateTestSupport
import Testing

/// The whole pass against real repositories: build → Snapshot → test runs; results → verdict →
/// Release; idempotency; determinism; racing reconcilers.
@Suite struct ReconcilerEndToEndTests {
    static let digest = "sha256:" + String(repeating: "b", count: 64)

    static let manifests: [String: String] = [
        "apps/app.yaml": """
        apiVersion: appstudio.redhat.com/v1alpha1
        kind: Application
        metadata: {name: shop, namespace: tenant}
        spec: {displayName: Shop}
        """,
        "apps/web.yaml": """
        apiVersion: appstudio.redhat.com/v1alpha1
        kind: Component
        metadata: {name: web, namespace: tenant}
        spec:
          application: shop
          componentName: web
          source: {git: {url: "https://github.com/org/web", revision: main}}
        """,
        "apps/api.yaml": """
        apiVersion: appstudio.redhat.com/v1alpha1
        kind: Component
        metadata: {name: api, namespace: tenant}
        spec:
          application: shop
          componentName: api
          source: {git: {url: "https://github.com/org/api", revision: main}}
        status:
          lastPromotedImage: quay.io/org/api@sha256:\(String(repeating: "a", count: 64))
          lastBuiltCommit: \(String(repeating: "2", count: 40))
        """,
        "apps/its.yaml": """
        apiVersion: appstudio.redhat.com/v1beta2
        kind: IntegrationTestScenario
        metadata: {name: policy, namespace: tenant}
        spec:
          application: shop
          resolverRef:
            resolver: git
            params:
              - {name: url, value: "https://github.com/org/tests"}
              - {name: revision, value: main}
              - {name: pathInRepo, value: policy.yaml}
        """,
        "apps/plan.yaml": """
        apiVersion: appstudio.redhat.com/v1alpha1
        kind: ReleasePlan
        metadata:
          name: staging
          namespace: tenant
          labels: {release.appstudio.openshift.io/auto-release: "true"}
        spec: {application: shop, target: managed}
        """,
        "builds/web-build.yaml": """
        apiVersion: tekton.dev/v1
        kind: PipelineRun
        metadata:
          name: web-on-push-abcde
          namespace: tenant
          labels:
            pipelines.appstudio.openshift.io/type: build
            appstudio.openshift.io/component: web
            appstudio.openshift.io/application: shop
            pipelinesascode.tekton.dev/event-type: push
          annotations:
            chains.tekton.dev/signed: "true"
        spec: {pipelineRef: {name: docker-build}}
        status:
          startTime: "2025-11-09T13:04:05Z"
          completionTime: "2025-11-09T13:10:00Z"
          conditions:
            - {type: Succeeded, status: "True", reason: Succeeded, message: done, lastTransitionTime: "2025-11-09T13:10:00Z"}
          results:
            - {name: IMAGE_URL, value: "quay.io/org/web:on-push"}
            - {name: IMAGE_DIGEST, value: "\(digest)"}
            - {name: CHAINS-GIT_URL, value: "https://github.com/org/web"}
            - {name: CHAINS-GIT_COMMIT, value: "\(String(repeating: "1", count: 40))"}
        """,
    ]

    static let now = Timestamp(rfc3339: "2025-11-09T13:12:00Z")!

    func reconcile(_ path: String, now: Timestamp = ReconcilerEndToEndTests.now) async throws -> ReconcileOutcome {
        try await Reconciler(repository: try GitRepository(path: path)).reconcile(branch: "main", now: now)
    }

    @Test func buildBecomesSnapshotAndTestRunsInOneCommit() async throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(Self.manifests)
        let outcome = try await reconcile(repo)
        let commit = try #require(outcome.commit)
        let paths = outcome.changes.map(\.path)
        #expect(paths.contains { $0.hasPrefix("snapgate/tenant/snapshots/shop-20251109-130405-000") })
        #expect(paths.contains { $0.hasPrefix("snapgate/tenant/pipelineruns/policy-") })
        #expect(paths.contains("snapgate/tenant/components/web.yaml"))
        #expect(paths.contains("snapgate/tenant/pipelineruns/web-on-push-abcde.yaml"))
        #expect(paths.allSatisfy { $0.hasPrefix("snapgate/") })
        let message = try sandbox.git(["log", "-1", "--format=%B", commit.hex], in: repo)
        #expect(message.hasPrefix("snapgate: "))
        let trailers = try sandbox.git(["log", "-1", "--format=%(trailers:only,unfold)", commit.hex], in: repo)
        #expect(trailers.contains("Snapgate-Snapshot: shop-20251109-130405-000"))
        // The person's files are untouched.
        let touched = try sandbox.git(["diff", "--name-only", "HEAD~1", "HEAD"], in: repo)
        #expect(touched.split(separator: "\n").allSatisfy { $0.hasPrefix("snapgate/") })
    }

    @Test func aSecondPassMakesNoCommit() async throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(Self.manifests)
        let first = try await reconcile(repo)
        #expect(first.commit != nil)
        let second = try await reconcile(repo)
        #expect(second.commit == nil)
        #expect(second.changes.isEmpty)
    }

    @Test func sameInputsAndClockGiveTheSameTree() async throws {
        let sandbox = try Sandbox()
        let one = try sandbox.makeRepository(Self.manifests, named: "one")
        let two = try sandbox.makeRepository(Self.manifests, named: "two")
        _ = try await reconcile(one)
        _ = try await reconcile(two)
        let treeOne = try sandbox.git(["rev-parse", "main^{tree}"], in: one)
        let treeTwo = try sandbox.git(["rev-parse", "main^{tree}"], in: two)
        #expect(treeOne == treeTwo)
    }

    @Test func racingReconcilersNeverDuplicateASnapshot() async throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(Self.manifests, bare: true)
        try await withThrowingTaskGroup(of: ReconcileOutcome.self) { group in
            for _ in 0..<4 {
                group.addTask { try await reconcile(repo) }
            }
            for try await _ in group {}
        }
        let tree = try sandbox.git(["ls-tree", "-r", "--name-only", "main"], in: repo)
        let snapshots = tree.split(separator: "\n").filter { $0.hasPrefix("snapgate/tenant/snapshots/") }
        #expect(snapshots.count == 1)
        let runs = tree.split(separator: "\n").filter { $0.hasPrefix("snapgate/tenant/pipelineruns/policy-") }
        #expect(runs.count == 1)
        // Linear history: exactly one reconcile commit on top of the manifests.
        #expect(
            try sandbox.git(["rev-list", "--count", "main"], in: repo).trimmingCharacters(in: .whitespacesAndNewlines)
                == "2")
    }

    /// Results committed by whoever ran the tests → verdict → Release, in the next pass.
    @Test func committedResultsGiveAVerdictAndARelease() async throws {
        let sandbox = try Sandbox()
        let repo = try sandbox.makeRepository(Self.manifests)
        let first = try await reconcile(repo)
        let runPath = try #require(
            first.changes.map(\.path).first { $0.hasPrefix("snapgate/tenant/pipelineruns/policy-") })
        // Tekton (or anyone) fills in the run's status and commits it.
        var run = try String(contentsOfFile: "\(repo)/\(runPath)", encoding: .utf8)
        run += """
            status:
              startTime: "2025-11-09T13:13:00Z"
              completionTime: "2025-11-09T13:15:00Z"
              conditions:
                - {type: Succeeded, status: "True", reason: Succeeded, message: done, lastTransitionTime: "2025-11-09T13:15:00Z"}
              results:
                - name: TEST_OUTPUT
                  value: '{"result":"SUCCESS","timestamp":"1762694100","successes":3,"failures":0,"warnings":0}'

            """
        try run.write(toFile: "\(repo)/\(runPath)", atomically: true, encoding: .utf8)
        try sandbox.commitAll("test results", in: repo)
        let second = try await reconcile(repo, now: Self.now.adding(milliseconds: 300_000))
        #expect(second.commit != nil)
        let paths = second.changes.map(\.path)
        #expect(paths.contains { $0.hasPrefix("snapgate/tenant/releases/shop-20251109-130405-000-") })
        let status = try sandbox.git(
            ["show", "main:" + (paths.first { $0.hasPrefix("snapgate/tenant/snapshots/") } ?? "")], in: repo)
        #expect(status.contains("All Integration Pipeline tests passed"))
        #expect(try await reconcile(repo, now: Self.now.adding(milliseconds: 400_000)).commit == nil)
    }
}
