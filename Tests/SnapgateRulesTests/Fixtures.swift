import SnapgateModel
import SnapgateNode

@testable import SnapgateRules

/// Builders of object documents for rule tests: nodes made in code, no YAML text, no libyaml.
enum Fixture {
    static let namespace = "tenant"

    static func metadata(
        _ name: String, namespace: String = Fixture.namespace, labels: [String: String] = [:],
        annotations: [String: String] = [:]
    ) -> YAMLNode {
        var entries: [(String, YAMLNode)] = [("name", .string(name)), ("namespace", .string(namespace))]
        if !labels.isEmpty { entries.append(("labels", .stringMap(labels))) }
        if !annotations.isEmpty { entries.append(("annotations", .stringMap(annotations))) }
        return .mapping(entries)
    }

    static func application(_ name: String = "app") -> YAMLNode {
        .mapping([
            ("apiVersion", .string("appstudio.redhat.com/v1alpha1")), ("kind", .string("Application")),
            ("metadata", metadata(name)), ("spec", .mapping([("displayName", .string(name))])),
        ])
    }

    /// A Component with a git source and, optionally, a Global Candidate List entry.
    static func component(
        _ name: String, application: String = "app", url: String? = nil, revision: String = "main",
        context: String? = nil, lastPromotedImage: String? = nil, lastBuiltCommit: String? = nil,
        annotations: [String: String] = [:]
    ) -> YAMLNode {
        var git: [(String, YAMLNode)] = [
            ("url", .string(url ?? "https://github.com/org/\(name)")), ("revision", .string(revision)),
        ]
        if let context { git.append(("context", .string(context))) }
        var entries: [(String, YAMLNode)] = [
            ("apiVersion", .string("appstudio.redhat.com/v1alpha1")), ("kind", .string("Component")),
            ("metadata", metadata(name, annotations: annotations)),
            (
                "spec",
                .mapping([
                    ("application", .string(application)), ("componentName", .string(name)),
                    ("source", .mapping([("git", .mapping(git))])),
                ])
            ),
        ]
        var status: [(String, YAMLNode)] = []
        if let lastPromotedImage { status.append(("lastPromotedImage", .string(lastPromotedImage))) }
        if let lastBuiltCommit { status.append(("lastBuiltCommit", .string(lastBuiltCommit))) }
        if !status.isEmpty { entries.append(("status", .mapping(status))) }
        return .mapping(entries)
    }

    /// An IntegrationTestScenario (v1beta2) with a git resolver.
    static func scenario(
        _ name: String, application: String = "app", contexts: [String] = [], optional: Bool = false,
        labels: [String: String] = [:], annotations: [String: String] = [:],
        resolver: String = "git", resolverParams: [(String, String)]? = nil, params: [(String, String)] = []
    ) -> YAMLNode {
        var allLabels = labels
        if optional { allLabels["test.appstudio.openshift.io/optional"] = "true" }
        let resolverParams =
            resolverParams ?? [
                ("url", "https://github.com/org/tests"), ("revision", "main"), ("pathInRepo", "pipelines/\(name).yaml"),
            ]
        var spec: [(String, YAMLNode)] = [
            ("application", .string(application)),
            (
                "resolverRef",
                .mapping([
                    ("resolver", .string(resolver)),
                    (
                        "params",
                        .sequence(
                            resolverParams.map { .mapping([("name", .string($0.0)), ("value", .string($0.1))]) })
                    ),
                ])
            ),
        ]
        if !contexts.isEmpty {
            spec.append(("contexts", .sequence(contexts.map { .mapping([("name", .string($0))]) })))
        }
        if !params.isEmpty {
            spec.append(
                ("params", .sequence(params.map { .mapping([("name", .string($0.0)), ("value", .string($0.1))]) })))
        }
        return .mapping([
            ("apiVersion", .string("appstudio.redhat.com/v1beta2")), ("kind", .string("IntegrationTestScenario")),
            ("metadata", metadata(name, labels: allLabels, annotations: annotations)), ("spec", .mapping(spec)),
        ])
    }

    /// A ReleasePlan for `application`.
    static func releasePlan(
        _ name: String, application: String = "app", labels: [String: String] = [:],
        annotations: [String: String] = [:]
    ) -> YAMLNode {
        .mapping([
            ("apiVersion", .string("appstudio.redhat.com/v1alpha1")), ("kind", .string("ReleasePlan")),
            ("metadata", metadata(name, labels: labels, annotations: annotations)),
            ("spec", .mapping([("application", .string(application)), ("target", .string("managed"))])),
        ])
    }

    /// A finished build PipelineRun record as `kubectl get pipelinerun -o yaml` prints it.
    static func build(
        _ name: String, component: String, application: String = "app", succeeded: String = "True",
        signed: Bool = true, startTime: String = "2025-11-09T13:04:05.123Z",
        completionTime: String = "2025-11-09T13:10:00Z", results: [(String, String)]? = nil,
        labels: [String: String] = [:], annotations: [String: String] = [:]
    ) -> YAMLNode {
        var allLabels = labels
        allLabels["pipelines.appstudio.openshift.io/type"] = "build"
        allLabels["appstudio.openshift.io/component"] = component
        allLabels["appstudio.openshift.io/application"] = application
        var allAnnotations = annotations
        if signed { allAnnotations["chains.tekton.dev/signed"] = "true" }
        let results =
            results ?? [
                ("IMAGE_URL", "quay.io/org/\(component):on-push"),
                ("IMAGE_DIGEST", "sha256:" + String(repeating: "a", count: 64)),
                ("CHAINS-GIT_URL", "https://github.com/org/\(component)"),
                ("CHAINS-GIT_COMMIT", String(repeating: "1", count: 40)),
            ]
        return .mapping([
            ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("PipelineRun")),
            ("metadata", metadata(name, labels: allLabels, annotations: allAnnotations)),
            ("spec", .mapping([("pipelineRef", .mapping([("name", .string("docker-build"))]))])),
            (
                "status",
                .mapping([
                    ("startTime", .string(startTime)), ("completionTime", .string(completionTime)),
                    (
                        "conditions",
                        .sequence([
                            .mapping([
                                ("type", .string("Succeeded")), ("status", .string(succeeded)),
                                ("reason", .string(succeeded == "True" ? "Succeeded" : "Failed")),
                                ("message", .string("")), ("lastTransitionTime", .string(completionTime)),
                            ])
                        ])
                    ),
                    (
                        "results",
                        .sequence(results.map { .mapping([("name", .string($0.0)), ("value", .string($0.1))]) })
                    ),
                ])
            ),
        ])
    }

    /// A Snapshot document.
    static func snapshot(
        _ name: String, application: String = "app", components: [(name: String, image: String)] = [],
        labels: [String: String] = [:], annotations: [String: String] = [:], conditions: [Condition] = []
    ) -> YAMLNode {
        let snapshot = Snapshot(
            metadata: ObjectMeta(
                name: name, namespace: namespace, labels: StringMap(labels), annotations: StringMap(annotations)),
            application: application,
            components: components.map {
                SnapshotComponent(
                    name: $0.name, containerImage: $0.image,
                    source: .mapping([
                        (
                            "git",
                            .mapping([
                                ("url", .string("https://github.com/org/\($0.name)")),
                                ("revision", .string(String(repeating: "1", count: 40))),
                            ])
                        )
                    ]))
            }, conditions: conditions)
        return snapshot.node
    }

    /// A world of the given documents.
    static func world(_ documents: [YAMLNode]) -> World {
        var world = World(objects: [], defaultNamespace: namespace)
        for document in documents { world.put(document) }
        return world
    }

    /// The clock of most tests.
    static let now = Timestamp(rfc3339: "2025-11-09T13:12:00Z")!

    /// A digest reference of 64 `c`s (or another hex digit).
    static func image(_ repository: String, digit: Character = "c") -> String {
        "\(repository)@sha256:" + String(repeating: digit, count: 64)
    }
}
