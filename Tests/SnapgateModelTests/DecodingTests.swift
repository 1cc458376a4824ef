import SnapgateModel
import SnapgateYAML
import Testing

/// Decoding never crashes: wrong types, nulls, unquoted booleans, CRLF, missing newlines.
@Suite struct DecodingTests {
    @Test func scenarioV1beta2() throws {
        let object = try #require(
            decode(
                """
                apiVersion: appstudio.redhat.com/v1beta2
                kind: IntegrationTestScenario
                metadata:
                  name: its
                  labels:
                    test.appstudio.openshift.io/optional: "true"
                spec:
                  application: app
                  contexts:
                    - name: component_frontend
                      description: only frontend
                  params:
                    - name: A
                      value: x
                    - name: B
                      values: [p, "y"]
                    - name: C
                  resolverRef:
                    resolver: git
                    params:
                      - name: url
                        value: https://example.com/r
                """
            ).object)
        guard case .integrationTestScenario(let its) = object.object else {
            Issue.record("not a scenario")
            return
        }
        #expect(its.application == "app")
        #expect(its.isOptional)
        #expect(its.contexts == [TestContext(name: "component_frontend", description: "only frontend")])
        #expect(
            its.params == [
                PipelineParameter(name: "A", value: "x"), PipelineParameter(name: "B", values: ["p", "y"]),
                PipelineParameter(name: "C"),
            ])
        #expect(its.resolverRef?.resourceKind == "pipeline")
        #expect(its.resolverRef?.param("url") == "https://example.com/r")
        #expect(object.apiVersion == "appstudio.redhat.com/v1beta2")
    }

    /// v1alpha1 `bundle` + `pipeline` convert to a `bundles` resolver (upstream's conversion webhook).
    @Test func scenarioV1alpha1ConvertsToBundlesResolver() throws {
        let object = try #require(
            decode(
                """
                apiVersion: appstudio.redhat.com/v1alpha1
                kind: IntegrationTestScenario
                metadata: {name: old}
                spec:
                  application: app
                  bundle: quay.io/org/bundle:tag
                  pipeline: integration
                  environment: {name: env, type: POC}
                """
            ).object)
        guard case .integrationTestScenario(let its) = object.object else {
            Issue.record("not a scenario")
            return
        }
        #expect(object.apiVersion == "appstudio.redhat.com/v1beta2")
        #expect(object.sourceAPIVersion == "appstudio.redhat.com/v1alpha1")
        #expect(
            its.resolverRef
                == ResolverRef(
                    resolver: "bundles",
                    params: [
                        ResolverParameter(name: "bundle", value: "quay.io/org/bundle:tag"),
                        ResolverParameter(name: "name", value: "integration"),
                        ResolverParameter(name: "kind", value: "pipeline"),
                    ]))
        #expect(its.sourceVersion == "v1alpha1")
    }

    @Test func nullsAndWrongTypesReadAsAbsent() throws {
        let object = try #require(
            decode(
                """
                apiVersion: appstudio.redhat.com/v1beta2
                kind: IntegrationTestScenario
                metadata:
                  name: its
                  labels:
                    test.appstudio.openshift.io/optional: true
                    other: null
                spec:
                  application: 42
                  params:
                  contexts: notalist
                  resolverRef: []
                """
            ).object)
        guard case .integrationTestScenario(let its) = object.object else {
            Issue.record("not a scenario")
            return
        }
        #expect(its.params.isEmpty)
        #expect(its.contexts.isEmpty)
        #expect(its.application.isEmpty)
        #expect(its.resolverRef == nil)
        #expect(!its.isOptional)
        #expect(its.metadata.labels.isEmpty)
    }

    @Test func crlfAndNoTrailingNewline() throws {
        let text =
            "apiVersion: appstudio.redhat.com/v1alpha1\r\nkind: Component\r\nmetadata:\r\n  name: c\r\nspec:\r\n  application: app"
        let object = try #require(decode(text).object)
        guard case .component(let component) = object.object else {
            Issue.record("not a component")
            return
        }
        #expect(component.application == "app")
    }

    @Test func componentWithSourceAndStatus() throws {
        let object = try #require(
            decode(
                """
                apiVersion: appstudio.redhat.com/v1alpha1
                kind: Component
                metadata: {name: c}
                spec:
                  application: app
                  source:
                    git: {url: "https://g/r", revision: main, context: ./x}
                    versions:
                      - {name: v1, revision: release-1, context: ./v1}
                status:
                  lastPromotedImage: quay.io/o/c@sha256:abc
                  lastBuiltCommit: deadbeef
                """
            ).object)
        guard case .component(let component) = object.object else {
            Issue.record("not a component")
            return
        }
        #expect(component.source?.git == GitSource(url: "https://g/r", revision: "main", context: "./x"))
        #expect(component.source?.versions.first?.context == "./v1")
        #expect(component.lastPromotedImage == "quay.io/o/c@sha256:abc")
        #expect(component.lastBuiltCommit == "deadbeef")
    }

    @Test func buildPipelineRunResultsAndConditions() throws {
        let object = try #require(
            decode(
                """
                apiVersion: tekton.dev/v1
                kind: PipelineRun
                metadata:
                  name: build-1
                  labels:
                    pipelines.appstudio.openshift.io/type: build
                    appstudio.openshift.io/component: frontend
                  annotations:
                    chains.tekton.dev/signed: "true"
                status:
                  startTime: "2025-11-09T13:04:05Z"
                  completionTime: "2025-11-09T13:10:00Z"
                  conditions:
                    - {type: Succeeded, status: "True", reason: Succeeded, message: done, lastTransitionTime: "2025-11-09T13:10:00Z"}
                  results:
                    - {name: IMAGE_URL, value: "quay.io/o/f:tag"}
                    - {name: IMAGE_DIGEST, value: "sha256:00"}
                    - {name: LIST, value: [a, b]}
                  childReferences:
                    - {name: build-1-clone, pipelineTaskName: clone, kind: TaskRun}
                """
            ).object)
        guard case .pipelineRun(let run) = object.object else {
            Issue.record("not a pipelinerun")
            return
        }
        #expect(run.pipelineType == "build")
        #expect(run.status.succeeded?.status == "True")
        #expect(run.status.result("IMAGE_URL") == "quay.io/o/f:tag")
        #expect(run.status.result("LIST") == nil)
        #expect(run.status.startTime == "2025-11-09T13:04:05Z")
        #expect(run.childReferences == [ChildReference(name: "build-1-clone", pipelineTaskName: "clone")])
    }

    @Test func v1beta1TaskRunReadsTaskResults() throws {
        let object = try #require(
            decode(
                """
                apiVersion: tekton.dev/v1beta1
                kind: TaskRun
                metadata:
                  name: tr
                  labels: {tekton.dev/pipelineRun: plr, tekton.dev/pipelineTask: test}
                status:
                  taskResults:
                    - name: TEST_OUTPUT
                      value: '{"result":"SUCCESS"}'
                """
            ).object)
        guard case .taskRun(let run) = object.object else {
            Issue.record("not a taskrun")
            return
        }
        #expect(run.pipelineRunName == "plr")
        #expect(run.pipelineTaskName == "test")
        #expect(run.status.result("TEST_OUTPUT") == "{\"result\":\"SUCCESS\"}")
    }

    @Test func snapshotSpecNodeKeepsGoFieldOrder() throws {
        let object = try #require(
            decode(
                """
                apiVersion: appstudio.redhat.com/v1alpha1
                kind: Snapshot
                metadata: {name: s}
                spec:
                  components:
                    - containerImage: quay.io/o/a@sha256:1
                      name: a
                      source: {git: {url: "https://g/a", revision: r}}
                  application: app
                """
            ).object)
        guard case .snapshot(let snapshot) = object.object else {
            Issue.record("not a snapshot")
            return
        }
        let keys = snapshot.specNode.mapping?.compactMap { $0.key.string }
        #expect(keys == ["application", "components", "artifacts"])
        let componentKeys = snapshot.components[0].node.mapping?.compactMap { $0.key.string }
        #expect(componentKeys == ["name", "containerImage", "source"])
        #expect(snapshot.components[0].git?.revision == "r")
    }
}
