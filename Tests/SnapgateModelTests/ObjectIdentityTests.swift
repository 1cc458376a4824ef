import SnapgateModel
import Testing

/// GITOPS.md "Objects are identified by group, kind, namespace and name".
@Suite struct ObjectIdentityTests {
    struct Case: Sendable, CustomStringConvertible {
        let apiVersion: String
        let kind: String
        let expected: KnownKind?
        var description: String { "\(apiVersion) \(kind)" }
    }

    /// An object is ours only by (API group, kind): a kustomize Component or an Argo CD
    /// Application is somebody else's and is ignored silently.
    @Test(arguments: [
        Case(apiVersion: "appstudio.redhat.com/v1alpha1", kind: "Application", expected: .application),
        Case(apiVersion: "argoproj.io/v1alpha1", kind: "Application", expected: nil),
        Case(apiVersion: "appstudio.redhat.com/v1alpha1", kind: "Component", expected: .component),
        Case(apiVersion: "kustomize.config.k8s.io/v1alpha1", kind: "Component", expected: nil),
        Case(
            apiVersion: "appstudio.redhat.com/v1beta2", kind: "IntegrationTestScenario",
            expected: .integrationTestScenario),
        Case(
            apiVersion: "appstudio.redhat.com/v1beta1", kind: "IntegrationTestScenario",
            expected: .integrationTestScenario),
        Case(
            apiVersion: "appstudio.redhat.com/v1alpha1", kind: "IntegrationTestScenario",
            expected: .integrationTestScenario),
        Case(apiVersion: "appstudio.redhat.com/v1alpha1", kind: "ReleasePlan", expected: .releasePlan),
        Case(
            apiVersion: "appstudio.redhat.com/v1alpha1", kind: "ReleasePlanAdmission", expected: .releasePlanAdmission),
        Case(apiVersion: "appstudio.redhat.com/v1alpha1", kind: "Snapshot", expected: .snapshot),
        Case(apiVersion: "appstudio.redhat.com/v1alpha1", kind: "Release", expected: .release),
        Case(apiVersion: "appstudio.redhat.com/v1beta2", kind: "ComponentGroup", expected: nil),
        Case(apiVersion: "tekton.dev/v1", kind: "PipelineRun", expected: .pipelineRun),
        Case(apiVersion: "tekton.dev/v1beta1", kind: "PipelineRun", expected: .pipelineRun),
        Case(apiVersion: "tekton.dev/v1", kind: "TaskRun", expected: .taskRun),
        Case(apiVersion: "tekton.dev/v1", kind: "Pipeline", expected: .pipeline),
        Case(apiVersion: "tekton.dev/v1", kind: "Task", expected: .task),
        Case(apiVersion: "pipelinesascode.tekton.dev/v1alpha1", kind: "Repository", expected: nil),
        Case(apiVersion: "v1", kind: "Namespace", expected: nil),
    ])
    func identification(_ c: Case) {
        let result = decode("apiVersion: \(c.apiVersion)\nkind: \(c.kind)\nmetadata:\n  name: x\n")
        if let expected = c.expected {
            #expect(result.object?.kind == expected)
            #expect(result.diagnostics.isEmpty)
        } else {
            #expect(result.isForeign)
        }
    }

    @Test func documentsThatAreNotObjectsAreForeign() {
        #expect(decode("- a\n- b\n").isForeign)
        #expect(decode("just text\n").isForeign)
        #expect(decode("resources:\n  - a.yaml\n").isForeign)
        #expect(decode("apiVersion: 3\nkind: Snapshot\n").isForeign)
    }

    @Test func defaultNamespaceFillsAnAbsentOne() {
        let object = decode(
            "apiVersion: appstudio.redhat.com/v1alpha1\nkind: Application\nmetadata:\n  name: a\n", namespace: "tenant")
        #expect(object.object?.key == ObjectKey(KnownKind.application.groupKind, namespace: "tenant", name: "a"))
        let explicit = decode(
            "apiVersion: appstudio.redhat.com/v1alpha1\nkind: Application\nmetadata:\n  name: a\n  namespace: mine\n",
            namespace: "tenant")
        #expect(explicit.object?.key.namespace == "mine")
    }

    @Test func unknownVersionIsAnErrorAtTheApiVersion() {
        let result = decode("kind: Snapshot\napiVersion: appstudio.redhat.com/v9\nmetadata:\n  name: s\n")
        #expect(result.object == nil)
        let diagnostic = result.diagnostics.first
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.line == 2)
        #expect(diagnostic?.column == 13)
        #expect(diagnostic?.message.contains("appstudio.redhat.com/v1alpha1") == true)
    }

    @Test func missingNameIsAnErrorAtTheMetadata() {
        let result = decode(
            "apiVersion: appstudio.redhat.com/v1alpha1\nkind: Snapshot\nmetadata:\n  generateName: s-\n")
        #expect(result.object == nil)
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.diagnostics.first?.line == 4)
        #expect(result.diagnostics.first?.message.contains("generateName") == true)
        // A Tekton run with only generateName is a Pipelines-as-Code template: a warning, not read.
        let template = decode("apiVersion: tekton.dev/v1\nkind: PipelineRun\nmetadata:\n  generateName: build-\n")
        #expect(template.object == nil)
        #expect(template.diagnostics.first?.severity == .warning)
        #expect(template.diagnostics.first?.message.contains("template") == true)
        let noMetadata = decode("apiVersion: tekton.dev/v1\nkind: PipelineRun\n")
        #expect(noMetadata.diagnostics.first?.message.contains("no metadata") == true)
    }

    @Test func splitsAPIVersions() {
        #expect(splitAPIVersion("appstudio.redhat.com/v1alpha1") == ("appstudio.redhat.com", "v1alpha1"))
        #expect(splitAPIVersion("v1") == ("", "v1"))
        // The last slash separates the version; a group that merely resembles Konflux's is kept as written.
        #expect(splitAPIVersion("a/b/v1") == ("a/b", "v1"))
        #expect(splitAPIVersion("appstudio.redhat.co/v1") == ("appstudio.redhat.co", "v1"))
        #expect(splitAPIVersion("grüppe.example/v1") == ("grüppe.example", "v1"))
        #expect(splitAPIVersion("/v1") == ("", "v1"))
        #expect(splitAPIVersion("g/") == ("g", ""))
    }
}
