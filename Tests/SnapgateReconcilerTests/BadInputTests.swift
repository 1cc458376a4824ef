import Foundation
import SnapgateGit
import SnapgateModel
import SnapgateReconciler
import SnapgateTestSupport
import Testing

/// Issue 3 "Bad input gets a clear answer, and nothing is lost": each bad object yields a
/// diagnostic or a recorded reason where SPEC.md puts it, and every other object is reconciled.
@Suite struct BadInputTests {
    static let bad: [String: String] = [
        "apps/orphan.yaml": """
        apiVersion: appstudio.redhat.com/v1alpha1
        kind: Component
        metadata: {name: orphan, namespace: tenant}
        spec:
          application: nosuchapp
          source: {git: {url: "https://github.com/x/orphan", revision: main}}
        """,
        "apps/bad-its.yaml": """
        apiVersion: appstudio.redhat.com/v1beta2
        kind: IntegrationTestScenario
        metadata: {name: bad-resolver, namespace: tenant}
        spec:
          application: shop
          resolverRef:
            resolver: git
            params:
              - {name: url, value: "http://insecure.example.com/tests"}
        """,
        "apps/manual.yaml": """
        apiVersion: appstudio.redhat.com/v1alpha1
        kind: Snapshot
        metadata:
          name: manual
          namespace: tenant
          annotations:
            test.appstudio.openshift.io/status: "not json"
        spec:
          application: shop
          components:
            - {name: web, containerImage: "quay.io/org/web@sha256:\(String(repeating: "f", count: 64))"}
        """,
        "builds/ghost.yaml": """
        apiVersion: tekton.dev/v1
        kind: PipelineRun
        metadata:
          name: ghost-on-push-aaaaa
          namespace: tenant
          labels: {pipelines.appstudio.openshift.io/type: build, appstudio.openshift.io/component: ghost}
          annotations: {chains.tekton.dev/signed: "true"}
        spec: {pipelineRef: {name: b}}
        status:
          startTime: "2025-11-09T13:00:00Z"
          completionTime: "2025-11-09T13:05:00Z"
          conditions: [{type: Succeeded, status: "True", reason: Succeeded, message: "", lastTransitionTime: "2025-11-09T13:05:00Z"}]
          results:
            - {name: IMAGE_URL, value: quay.io/x/ghost}
        """,
        "broken.yaml":
            "apiVersion: appstudio.redhat.com/v1alpha1\nkind: Component\nmetadata:\n  name: x\n   bad: indent\n",
    ]

    @Test func everyBadObjectIsReportedAndTheGoodFlowStillHappens() async throws {
        let sandbox = try Sandbox()
        let files = ReconcilerEndToEndTests.manifests.merging(Self.bad) { $1 }
        let repo = try sandbox.makeRepository(files)
        let outcome = try await Reconciler(repository: try GitRepository(path: repo))
            .reconcile(branch: "main", now: ReconcilerEndToEndTests.now)
        // The good build still became a Snapshot with its test run.
        #expect(outcome.changes.contains { $0.path.hasPrefix("snapgate/tenant/snapshots/shop-20251109-130405-000") })
        #expect(outcome.changes.contains { $0.path.hasPrefix("snapgate/tenant/pipelineruns/policy-") })
        let messages = outcome.diagnostics.map(\.description)
        func reported(_ path: String, _ fragment: String) -> Bool {
            messages.contains { $0.hasPrefix(path) && $0.contains(fragment) }
        }
        #expect(reported("apps/orphan.yaml:5:", "Application 'nosuchapp', which does not exist"))
        #expect(reported("apps/bad-its.yaml:", "'url' param value must begin with 'https://'"))
        #expect(reported("apps/manual.yaml:7:", "test.appstudio.openshift.io/status"))
        #expect(reported("builds/ghost.yaml", "components.appstudio.redhat.com \"ghost\" not found"))
        #expect(reported("broken.yaml:5:", "error"))
        // The build's outcome is recorded where SPEC §1.8 puts it: its create-snapshot-status annotation.
        let ghost = try #require(outcome.changes.first { $0.key.name == "ghost-on-push-aaaaa" })
        let text = String(decoding: ghost.contents ?? [], as: UTF8.self)
        #expect(text.contains("Failed to create snapshot. Error: components.appstudio.redhat.com"))
        // The invalid scenario is not run.
        #expect(!outcome.changes.contains { $0.path.contains("/pipelineruns/bad-resolver-") })
    }
}
