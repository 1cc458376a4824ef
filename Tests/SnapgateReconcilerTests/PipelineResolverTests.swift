import SnapgateGit
import SnapgateLoader
import SnapgateModel
import SnapgateNode
import SnapgateReconciler
import SnapgateRules
import SnapgateTestSupport
import SnapgateYAML
import Testing

/// Issue 4 "Resolution": cluster and plain names from the repository's objects, git from the
/// repository itself at a revision, and a clear refusal for resolvers that cannot run here.
@Suite struct PipelineResolverTests {
    static let pipeline = """
        apiVersion: tekton.dev/v1
        kind: Pipeline
        metadata: {name: checks, namespace: tenant}
        spec:
          tasks:
            - name: one
              taskRef: {name: echo}
            - name: two
              taskRef:
                resolver: git
                params:
                  - {name: url, value: "file://."}
                  - {name: revision, value: main}
                  - {name: pathInRepo, value: tasks/echo.yaml}
        """
    static let task = """
        apiVersion: tekton.dev/v1
        kind: Task
        metadata: {name: echo, namespace: tenant}
        spec:
          steps:
            - {name: say, image: busybox, script: "echo hi"}
        """

    func run(_ ref: String) -> ManifestObject {
        let node = YAMLNode.mapping([
            ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("PipelineRun")),
            ("metadata", ObjectMeta(name: "run", namespace: "tenant").node),
            ("spec", .mapping([("pipelineRef", YAMLParserHelper.node(ref))])),
        ])
        return World(objects: [], defaultNamespace: "tenant").decode(node)!
    }

    func setUp() async throws -> (Sandbox, GitRepository, World) {
        let sandbox = try Sandbox()
        let path = try sandbox.makeRepository([
            "pipelines/checks.yaml": Self.pipeline, "tasks/echo.yaml": Self.task,
        ])
        let repository = try GitRepository(path: path)
        let tip = try #require(try await repository.branchTip("main"))
        let loaded = try await RepositoryLoader(repository: repository).load(commit: tip)
        return (sandbox, repository, World(objects: loaded.objects, defaultNamespace: "tenant"))
    }

    @Test func clusterResolverAndTaskRefsFromTheRepository() async throws {
        let (sandbox, repository, world) = try await setUp()
        defer { withExtendedLifetime(sandbox) {} }
        let result = await PipelineResolver(repository: repository).resolve(
            run(
                "{resolver: cluster, params: [{name: kind, value: pipeline}, {name: name, value: checks}, {name: namespace, value: tenant}]}"
            ),
            in: world)
        let resolved = try result.get()
        #expect(resolved.name == "checks")
        #expect(resolved.tasks.count == 2)
        #expect(resolved.tasks.values.allSatisfy { $0.items("steps").first?.string("script") == "echo hi" })
    }

    @Test func gitResolverReadsThisRepositoryAtARevision() async throws {
        let (sandbox, repository, world) = try await setUp()
        defer { withExtendedLifetime(sandbox) {} }
        let result = await PipelineResolver(repository: repository).resolve(
            run(
                "{resolver: git, params: [{name: url, value: \"file://.\"}, {name: revision, value: main}, {name: pathInRepo, value: pipelines/checks.yaml}]}"
            ),
            in: world)
        #expect(try result.get().spec.items("tasks").count == 2)
    }

    @Test(arguments: [
        (
            "{resolver: bundles, params: [{name: bundle, value: quay.io/x}]}",
            "the bundles resolver cannot run on this machine"
        ),
        ("{name: nope}", "there is no Pipeline tenant/nope"),
        (
            "{resolver: http, params: [{name: url, value: \"https://example.com/p.yaml\"}]}",
            "the http resolver cannot run on this machine"
        ),
        (
            "{resolver: git, params: [{name: url, value: \"file://.\"}, {name: revision, value: main}, {name: pathInRepo, value: missing.yaml}]}",
            "missing.yaml does not exist at revision main"
        ),
    ])
    func refusals(ref: String, message: String) async throws {
        let (sandbox, repository, world) = try await setUp()
        defer { withExtendedLifetime(sandbox) {} }
        let result = await PipelineResolver(repository: repository).resolve(run(ref), in: world)
        guard case .failure(let failure) = result else {
            Issue.record("resolved \(ref)")
            return
        }
        #expect(failure.reason == "CouldntGetPipeline")
        #expect(failure.message.contains(message), "\(failure.message)")
    }
}

/// Parses a flow-style YAML snippet for a test.
enum YAMLParserHelper {
    static func node(_ text: String) -> YAMLNode {
        YAMLParser.parse(Array(text.utf8)).documents.first?.root ?? .null()
    }
}
