import SnapgateModel
import SnapgateNode

/// SPEC.md §3.2–§3.4: the test PipelineRun of a Snapshot and a scenario, built as a document.
enum TestRunBuilder {
    /// The service account test runs use.
    static let serviceAccount = "konflux-integration-runner"
    /// Marks a run whose scenario names a PipelineRun to resolve (`resourceKind: pipelinerun`).
    static let resolveAsAnnotation = "snapgate.dev/resolve-as"
    /// The log URL when no console URL is configured.
    static let consoleURLNotAvailable = "https://CONSOLE_URL_NOT_AVAILABLE"
    /// Snapshot label and annotation key prefixes copied to the run (§3.2).
    static let copiedPrefixes = [
        Keys.pacTestPrefix, "build.appstudio", "test.appstudio.openshift.io", "custom.appstudio.openshift.io",
    ]

    /// The name of a new run: `<scenario>-` and five characters derived from the snapshot, the
    /// scenario and the attempt (runs already made for them), skipping names in use.
    static func runName(for snapshot: Snapshot, scenario: IntegrationTestScenario, in world: World) -> String {
        let namespace = snapshot.metadata.namespace
        var attempt =
            SnapshotPipeline.testRuns(of: snapshot, in: world).filter {
                $0.metadata.labels[Keys.scenario] == scenario.metadata.name
            }
            .count
        while true {
            let name = Naming.generatedName(
                prefix: "\(scenario.metadata.name)-",
                seed: "\(namespace)/\(snapshot.metadata.name)/\(scenario.metadata.name)/\(attempt)")
            if world.pipelineRun(namespace: namespace, name: name) == nil { return name }
            attempt += 1
        }
    }

    /// The complete test PipelineRun document (§3.2), named `name`.
    /// `specJSON` gives the Snapshot's spec as compact JSON (`specJSON(of:)`), which a caller
    /// starting several runs of one Snapshot makes once.
    static func pipelineRun(
        named name: String, snapshot: Snapshot, snapshotNode: YAMLNode, scenario: IntegrationTestScenario,
        settings: RuleSettings, specJSON: () -> String
    ) -> YAMLNode {
        let namespace = snapshot.metadata.namespace
        var metadata = ObjectMeta(name: name, namespace: namespace)
        metadata.labels = labels(snapshot: snapshot, scenario: scenario)
        metadata.annotations = annotations(snapshot: snapshot, scenario: scenario)
        metadata.annotations[Keys.logURL] = logURL(settings.consoleURL, namespace: namespace, run: name)
        let ref = scenario.resolverRef ?? ResolverRef(resolver: "", params: [])
        if ref.resourceKind.lowercased() == "pipelinerun" {
            // A `pipelinerun` scenario needs a Tekton ResolutionRequest (§3.3), which pure rules
            // cannot make: the run is recorded with the resolver reference and this marker, for
            // the executor to resolve and apply §3.3 on top, rather than silently dropped.
            metadata.annotations[resolveAsAnnotation] = "pipelinerun"
        }
        metadata.ownerReferences = [
            OwnerReference(
                apiVersion: SnapshotPipeline.konfluxV1alpha1, kind: "Snapshot", name: snapshot.metadata.name,
                uid: SnapshotPipeline.uid(of: snapshotNode), controller: true, blockOwnerDeletion: true)
        ]
        metadata.finalizers = [Keys.pipelineRunFinalizer]

        let resolverParams = rewrittenResolverParams(ref, snapshot: snapshot)
        var spec: [(String, YAMLNode)] = [
            (
                "pipelineRef",
                .mapping([
                    ("resolver", .string(ref.resolver)),
                    (
                        "params",
                        .sequence(
                            resolverParams.map { .mapping([("name", .string($0.name)), ("value", .string($0.value))]) })
                    ),
                ])
            ),
            (
                "params",
                .sequence(
                    [snapshotParam(snapshot, scenario: scenario, specJSON: specJSON)] + scenario.params.map(param))
            ),
            ("taskRunTemplate", .mapping([("serviceAccountName", .string(serviceAccount))])),
        ]
        let timeouts = self.timeouts(scenario: scenario, settings: settings)
        if !timeouts.isEmpty {
            spec.append(("timeouts", .mapping(timeouts.map { ($0.key, .string(formatGoDuration($0.value))) })))
        }
        return .mapping([
            ("apiVersion", .string(KnownKind.pipelineRun.preferredAPIVersion)), ("kind", .string("PipelineRun")),
            ("metadata", metadata.node), ("spec", .mapping(spec)),
        ])
    }

    /// §3.2 labels: copied snapshot labels, then the service's own (which win).
    static func labels(snapshot: Snapshot, scenario: IntegrationTestScenario) -> StringMap {
        var labels = copied(snapshot.metadata.labels)
        labels[Keys.snapshotLabel] = snapshot.metadata.name
        if let component = snapshot.metadata.labels[Keys.component] { labels[Keys.component] = component }
        labels[Keys.pipelineType] = "test"
        labels[Keys.scenario] = scenario.metadata.name
        if let optional = scenario.metadata.labels[Keys.optional] { labels[Keys.optional] = optional }
        labels[Keys.application] = snapshot.application
        return labels
    }

    /// §3.2 annotations: copied snapshot annotations (the status annotation included, §10.8),
    /// the span context, and every scenario annotation whose key contains `appstudio.openshift.io/`.
    static func annotations(snapshot: Snapshot, scenario: IntegrationTestScenario) -> StringMap {
        var annotations = copied(snapshot.metadata.annotations)
        if let span = snapshot.metadata.annotations[Keys.spanContext] { annotations[Keys.spanContext] = span }
        for (key, value) in scenario.metadata.annotations where key.contains("appstudio.openshift.io/") {
            annotations[key] = value
        }
        return annotations
    }

    private static func copied(_ map: StringMap) -> StringMap {
        map.filter { entry in copiedPrefixes.contains { entry.key.hasPrefix($0) } }
    }

    /// `SNAPSHOT`: the compact JSON of the Snapshot's spec in Go field order, or its name when
    /// the scenario asks for it (`snapshot-param-as-name: "true"`).
    static func snapshotParam(_ snapshot: Snapshot, scenario: IntegrationTestScenario) -> YAMLNode {
        snapshotParam(snapshot, scenario: scenario) { specJSON(of: snapshot) }
    }

    /// `snapshotParam(_:scenario:)` with the spec's JSON from `specJSON`.
    static func snapshotParam(
        _ snapshot: Snapshot, scenario: IntegrationTestScenario, specJSON: () -> String
    ) -> YAMLNode {
        let asName = scenario.metadata.annotations[Keys.snapshotParamAsName] == "true"
        let value = asName ? snapshot.metadata.name : specJSON()
        return .mapping([("name", .string("SNAPSHOT")), ("value", .string(value))])
    }

    /// The compact JSON of the Snapshot's spec in Go field order.
    static func specJSON(of snapshot: Snapshot) -> String { snapshot.specNode.jsonValue.compactText }

    /// A scenario parameter as a Tekton v1 Param: `value` → string, `values` → array. With
    /// neither, upstream makes an object-typed value with no content; it is written as `{}`
    /// (Go would marshal the nil map as `null`, which says the same less clearly).
    static func param(_ param: PipelineParameter) -> YAMLNode {
        let value: YAMLNode
        if let text = param.value {
            value = .string(text)
        } else if let values = param.values {
            value = .sequence(values.map { .string($0) })
        } else {
            value = .mapping([])
        }
        return .mapping([("name", .string(param.name)), ("value", value)])
    }

    /// §3.2 timeouts, in milliseconds by key (`pipeline`, `tasks`, `finally` in that order): the
    /// scenario annotation when present (ignored when unparsable), else the setting; when all
    /// three are set and tasks + finally exceed pipeline, pipeline becomes their sum.
    static func timeouts(
        scenario: IntegrationTestScenario, settings: RuleSettings
    ) -> [(key: String, value: Int64)] {
        func timeout(_ annotation: String, _ setting: String?) -> Int64? {
            if let text = scenario.metadata.annotations[annotation] { return parseGoDuration(text) }
            return setting.flatMap(parseGoDuration)
        }
        var pipeline = timeout(Keys.pipelineTimeout, settings.pipelineTimeout)
        let tasks = timeout(Keys.tasksTimeout, settings.tasksTimeout)
        let finally = timeout(Keys.finallyTimeout, settings.finallyTimeout)
        if let p = pipeline, let t = tasks, let f = finally, t + f > p { pipeline = t + f }
        var out: [(key: String, value: Int64)] = []
        if let pipeline { out.append((key: "pipeline", value: pipeline)) }
        if let tasks { out.append((key: "tasks", value: tasks)) }
        if let finally { out.append((key: "finally", value: finally)) }
        return out
    }

    /// §3.4: for pull-request Snapshots and git scenarios whose `revision` is the PR's target
    /// branch and whose `url` is the PR's repository, the test definition comes from the PR's
    /// source repository at the PR's commit.
    static func rewrittenResolverParams(_ ref: ResolverRef, snapshot: Snapshot) -> [ResolverParameter] {
        let annotations = snapshot.metadata.annotations
        guard ref.resolver == "git", !Classification.isPushSnapshot(snapshot),
            let branch = annotations[Keys.snapshotBranch], let repoURL = annotations[Keys.snapshotRepoURL],
            let sourceURL = annotations[Keys.snapshotSourceRepoURL], let sha = annotations[Keys.snapshotSHA],
            let revision = ref.param("revision"), let url = ref.param("url"),
            revision == branch, normalizedGitURL(url) == normalizedGitURL(repoURL)
        else { return ref.params }
        return ref.params.map { param in
            switch param.name {
            case "url": return ResolverParameter(name: "url", value: normalizedGitURL(sourceURL))
            case "revision": return ResolverParameter(name: "revision", value: sha)
            default: return param
            }
        }
    }

    /// One trailing `/` removed, then `.git` appended unless present.
    static func normalizedGitURL(_ url: String) -> String {
        let trimmed = url.hasSuffix("/") ? String(url.dropLast()) : url
        return trimmed.hasSuffix(".git") ? trimmed : trimmed + ".git"
    }

    /// The `CONSOLE_URL` template with the namespace and run name substituted.
    static func logURL(_ template: String?, namespace: String, run: String) -> String {
        guard let template, !template.isEmpty else { return consoleURLNotAvailable }
        var url = template
        for token in ["{{NAMESPACE}}", "{{ .Namespace }}", "{{.Namespace}}"] {
            url = url.replacing(token, with: namespace)
        }
        for token in ["{{PIPELINE_RUN_NAME}}", "{{ .PipelineRunName }}", "{{.PipelineRunName}}"] {
            url = url.replacing(token, with: run)
        }
        return url
    }
}
