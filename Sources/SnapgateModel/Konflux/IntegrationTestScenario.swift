public import SnapgateNode

/// A `{name, value}` parameter of a resolver reference.
public struct ResolverParameter: Sendable, Hashable {
    public var name: String
    public var value: String

    /// Creates a resolver parameter.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// `spec.resolverRef` of a scenario: where its test pipeline comes from.
public struct ResolverRef: Sendable, Hashable {
    /// `git`, `bundles`, `cluster`, `hub`, `http`, …
    public var resolver: String
    public var params: [ResolverParameter]
    /// `pipeline` (the default) or `pipelinerun`, as written (compare case-insensitively).
    public var resourceKind: String

    /// Creates a resolver reference.
    public init(resolver: String, params: [ResolverParameter], resourceKind: String = "pipeline") {
        self.resolver = resolver
        self.params = params
        self.resourceKind = resourceKind
    }

    /// The value of the named parameter.
    public func param(_ name: String) -> String? { params.first { $0.name == name }?.value }
}

/// A parameter a scenario passes to its test PipelineRun: a string (`value`), an array
/// (`values`), or neither.
public struct PipelineParameter: Sendable, Hashable {
    public var name: String
    public var value: String?
    public var values: [String]?

    /// Creates a parameter.
    public init(name: String, value: String? = nil, values: [String]? = nil) {
        self.name = name
        self.value = value
        self.values = values
    }
}

/// A test context of a scenario (SPEC.md §2.2).
public struct TestContext: Sendable, Hashable {
    public var name: String
    public var description: String

    /// Creates a context.
    public init(name: String, description: String = "") {
        self.name = name
        self.description = description
    }
}

/// `appstudio.redhat.com/v1beta2` IntegrationTestScenario (SPEC.md §0, §2). Documents of
/// v1alpha1 and v1beta1 are converted on read (`ScenarioConversion`).
public struct IntegrationTestScenario: Sendable, Hashable {
    public var metadata: ObjectMeta
    public var application: String
    public var componentGroup: String
    public var resolverRef: ResolverRef?
    public var params: [PipelineParameter]
    public var contexts: [TestContext]
    public var dependents: [String]
    /// The apiVersion the document was written in (`v1beta2`, `v1beta1` or `v1alpha1`).
    public var sourceVersion: String

    /// Creates a scenario.
    public init(
        metadata: ObjectMeta, application: String, componentGroup: String = "", resolverRef: ResolverRef?,
        params: [PipelineParameter] = [], contexts: [TestContext] = [], dependents: [String] = [],
        sourceVersion: String = "v1beta2"
    ) {
        self.metadata = metadata
        self.application = application
        self.componentGroup = componentGroup
        self.resolverRef = resolverRef
        self.params = params
        self.contexts = contexts
        self.dependents = dependents
        self.sourceVersion = sourceVersion
    }

    /// True when the scenario carries label `test.appstudio.openshift.io/optional: "true"` (SPEC.md §2.3).
    public var isOptional: Bool { metadata.labels["test.appstudio.openshift.io/optional"] == "true" }
}

/// Reads scenarios of every served version into the v1beta2 model, as the API server's
/// conversion does.
public enum ScenarioConversion {
    /// Reads a scenario document of `version` (`v1beta2`, `v1beta1` or `v1alpha1`).
    ///
    /// v1alpha1 names its pipeline by `spec.bundle` + `spec.pipeline`; upstream's conversion turns
    /// that into a `bundles` resolver reference with params `bundle`, `name` and `kind: pipeline`.
    /// `spec.environment` (v1alpha1, v1beta1) has no v1beta2 counterpart and is dropped.
    public static func read(node: YAMLNode, version: String, metadata: ObjectMeta) -> IntegrationTestScenario {
        let spec = node.mapping("spec") ?? .mapping([])
        let params = spec.items("params").map { item in
            PipelineParameter(
                name: item.stringOrEmpty("name"), value: item.string("value"),
                values: item["values"]?.sequence.map { $0.compactMap(\.string) })
        }
        let contexts = spec.items("contexts").map {
            TestContext(name: $0.stringOrEmpty("name"), description: $0.stringOrEmpty("description"))
        }
        var resolverRef: ResolverRef?
        if version == "v1alpha1" {
            resolverRef = ResolverRef(
                resolver: "bundles",
                params: [
                    ResolverParameter(name: "bundle", value: spec.stringOrEmpty("bundle")),
                    ResolverParameter(name: "name", value: spec.stringOrEmpty("pipeline")),
                    ResolverParameter(name: "kind", value: "pipeline"),
                ])
        } else if let ref = spec.mapping("resolverRef") {
            let kind = ref.stringOrEmpty("resourceKind")
            resolverRef = ResolverRef(
                resolver: ref.stringOrEmpty("resolver"),
                params: ref.items("params").map {
                    ResolverParameter(name: $0.stringOrEmpty("name"), value: $0.stringOrEmpty("value"))
                },
                resourceKind: kind.isEmpty ? "pipeline" : kind)
        }
        return IntegrationTestScenario(
            metadata: metadata, application: spec.stringOrEmpty("application"),
            componentGroup: spec.stringOrEmpty("componentGroup"), resolverRef: resolverRef, params: params,
            contexts: contexts, dependents: spec.strings("dependents"), sourceVersion: version)
    }
}
