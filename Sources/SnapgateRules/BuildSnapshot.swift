import SnapgateModel
import SnapgateNode

/// Snapshot names (SPEC.md §1.4): `<app cut to 43>-<YYYYMMDD>-<HHMMSS>-<mmm>` in UTC, or with a
/// collision suffix `<app cut to 40>-…-<mmm>-<xx>`. Upstream draws `xx` at random; snapgate
/// derives it from a seed so the same inputs give the same name (GITOPS.md).
enum BuildSnapshotName {
    static let suffixAlphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
    /// Upstream tries 5 names in all: the plain one and 4 with a suffix.
    static let suffixAttempts = 1...4

    /// The name for `application` at `time`, with an optional collision suffix.
    static func name(application: String, at time: Timestamp, suffix: String? = nil) -> String {
        let c = time.components
        let stamp =
            pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + "-" + pad(c.hour, 2) + pad(c.minute, 2)
            + pad(c.second, 2) + "-" + pad(c.millisecond, 3)
        guard let suffix else { return "\(application.prefix(43))-\(stamp)" }
        return "\(application.prefix(40))-\(stamp)-\(suffix)"
    }

    /// The first name no Snapshot of `namespace` has: the plain name, then suffixes derived from
    /// `"<seed>/<attempt>"`; nil when all are taken.
    static func available(
        application: String, at time: Timestamp, namespace: String, seed: String, in world: World
    ) -> String? {
        let plain = name(application: application, at: time)
        if world.object(.snapshot, namespace: namespace, name: plain) == nil { return plain }
        for attempt in suffixAttempts {
            let suffix = Naming.suffix(seed: "\(seed)/\(attempt)", count: 2, alphabet: suffixAlphabet)
            let candidate = name(application: application, at: time, suffix: suffix)
            if world.object(.snapshot, namespace: namespace, name: candidate) == nil { return candidate }
        }
        return nil
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// Parts of a Snapshot that the build and component-deletion rules share (§1.3, §6.4).
enum BuildSnapshotParts {
    /// The controller owner reference to the Application; its uid comes from the manifest
    /// (exported objects carry one), else "".
    static func owner(application: String, namespace: String, in world: World) -> OwnerReference {
        let uid = world.object(.application, namespace: namespace, name: application)?.node["metadata"]?["uid"]?.string
        return OwnerReference(
            apiVersion: KnownKind.application.preferredAPIVersion, kind: "Application", name: application,
            uid: uid ?? "", controller: true, blockOwnerDeletion: true)
    }

    /// §1.3: a copy of the whole `spec.source` of a component that was not built, with
    /// `git.revision` replaced by `status.lastBuiltCommit` when set; nil without a git url and
    /// revision.
    static func copiedSource(of component: Component) -> YAMLNode? {
        guard let source = component.source, let git = source.git, !git.url.isEmpty, !git.revision.isEmpty else {
            return nil
        }
        guard !component.lastBuiltCommit.isEmpty else { return source.node }
        return source.node.setting(path: ["git", "revision"], to: .string(component.lastBuiltCommit))
    }

    /// §1.2: the context of the built component: the build's `appstudio.openshift.io/context`
    /// annotation, else the context of the Component's `versions[]` entry named by the build's
    /// `appstudio.openshift.io/version` annotation, else the Component's git context.
    static func builtContext(build: BuildRecord, component: Component) -> String {
        if let context = build.annotations[Keys.buildContext], !context.isEmpty { return context }
        if let version = build.annotations[Keys.buildVersion], !version.isEmpty,
            let entry = component.source?.versions.first(where: { $0.name == version }), !entry.context.isEmpty
        {
            return entry.context
        }
        return component.source?.git?.context ?? ""
    }

    /// `Component(s) '<a, b>' is(are) not included in snapshot due to missing valid containerImage or git source`.
    static func skippedMessage(_ names: [String]) -> String {
        "Component(s) '\(names.joined(separator: ", "))' is(are) not included in snapshot due to missing valid "
            + "containerImage or git source"
    }
}

/// The Snapshot a successful build yields (SPEC.md §1.2–§1.5).
struct BuildSnapshotPlan {
    var snapshot: Snapshot

    /// Builds the Snapshot of `build` for `component` of `application`, named `name` later;
    /// fails with upstream's error when a result is missing, the image is invalid, or no
    /// component is left.
    static func make(
        build: BuildRecord, component: Component, application: String, world: World, now: Timestamp
    ) -> Result<BuildSnapshotPlan, BuildFailure> {
        let image: String
        let gitURL: String
        let gitCommit: String
        switch (build.containerImage, build.requiredResult("CHAINS-GIT_URL"), build.requiredResult("CHAINS-GIT_COMMIT"))
        {
        case (.failure(let failure), _, _), (_, .failure(let failure), _), (_, _, .failure(let failure)):
            return .failure(failure)
        case (.success(let i), .success(let u), .success(let c)):
            (image, gitURL, gitCommit) = (i, u, c)
        }
        let name = component.metadata.name
        guard ImageReference.isValidDigestReference(image) else {
            return .failure(.invalidImage(image, component: name))
        }
        let builtSource = GitSource(
            url: gitURL, revision: gitCommit,
            context: BuildSnapshotParts.builtContext(build: build, component: component))
        var components: [SnapshotComponent] = []
        var skipped: [String] = []
        for other in world.components(namespace: build.namespace, application: application) {
            if other.metadata.name == name {
                components.append(
                    SnapshotComponent(
                        name: name, containerImage: image, source: .mapping([("git", builtSource.node)])))
                continue
            }
            guard let source = BuildSnapshotParts.copiedSource(of: other),
                ImageReference.isValidDigestReference(other.lastPromotedImage)
            else {
                skipped.append(other.metadata.name)
                continue
            }
            components.append(
                SnapshotComponent(name: other.metadata.name, containerImage: other.lastPromotedImage, source: source))
        }
        guard !components.isEmpty else {
            return .failure(
                BuildFailure("The only one component \(name) is invalid, valid .Spec.ContainerImage is missing"))
        }
        let started = build.effectiveStartTime(now: now)
        var metadata = BuildSnapshotMetadata(build: build, component: name, application: application, now: now)
        metadata.annotations[Keys.sourceRepoURL] = gitURL
        metadata.annotations[Keys.pipelineRunStartTime] = String(started.milliseconds)
        if !skipped.isEmpty {
            metadata.annotations[Keys.createSnapshotStatus] = BuildSnapshotParts.skippedMessage(skipped)
        }
        let meta = ObjectMeta(
            name: "", namespace: build.namespace, labels: metadata.labels, annotations: metadata.annotations,
            ownerReferences: [BuildSnapshotParts.owner(application: application, namespace: build.namespace, in: world)]
        )
        return .success(
            BuildSnapshotPlan(snapshot: Snapshot(metadata: meta, application: application, components: components)))
    }
}

/// Labels and annotations of a component Snapshot (SPEC.md §1.5, §1.6).
struct BuildSnapshotMetadata {
    /// Keys copied unchanged from the build's labels and annotations (plain string prefixes).
    static let copiedPrefixes = [
        "build.appstudio", "test.appstudio.openshift.io", "custom.appstudio.openshift.io",
        "release.appstudio.openshift.io",
    ]

    var labels = StringMap()
    var annotations = StringMap()

    init(build: BuildRecord, component: String, application: String, now: Timestamp) {
        labels[Keys.testType] = "component"
        labels[Keys.component] = component
        labels[Keys.application] = application
        let meta = build.run.metadata
        copy(meta.labels, into: &labels)
        copy(meta.annotations, into: &annotations)
        labels[Keys.buildPipelineRun] = build.name
        labels[Keys.pipelineRunFinishTime] = String((build.completionTime ?? now).seconds)
        annotations[Keys.integrationWorkflow] = Classification.isPushBuild(build.run) ? "push" : "pull-request"
        for result in build.run.status.results {
            guard let value = result.stringValue, !value.isEmpty else { continue }
            annotations[BuildSnapshotMetadata.resultKey(result.name)] = value
        }
        if let span = meta.annotations[Keys.spanContext] { annotations[Keys.spanContext] = span }
        if Classification.isMergeQueueBuild(build.run), let number = mergeQueuePullRequest(build) {
            labels[Keys.snapshotPullRequest] = number
            annotations[Keys.snapshotPullRequest] = number
        }
    }

    /// `test.appstudio.openshift.io/result-<name lower-cased, _ → ->`.
    static func resultKey(_ name: String) -> String {
        "test.appstudio.openshift.io/result-" + name.lowercased().replacing("_", with: "-")
    }

    /// PaC keys with their prefix replaced, then the other copied prefixes, values overwriting.
    private func copy(_ source: StringMap, into target: inout StringMap) {
        for (key, value) in source.sorted(by: { $0.key < $1.key }) where key.hasPrefix(Keys.pacPrefix) {
            target[Keys.pacTestPrefix + key.dropFirst(Keys.pacPrefix.count)] = value
        }
        for prefix in BuildSnapshotMetadata.copiedPrefixes {
            for (key, value) in source where key.hasPrefix(prefix) { target[key] = value }
        }
    }

    /// §1.5: the PR number of a merge-queue build: its pull-request label or annotation, else
    /// `N` of a last branch segment `pr-<N>-<sha>`.
    private func mergeQueuePullRequest(_ build: BuildRecord) -> String? {
        let meta = build.run.metadata
        if let number = meta.labels[Keys.pacPullRequest] ?? meta.annotations[Keys.pacPullRequest], !number.isEmpty {
            return number
        }
        guard let branch = meta.annotations[Keys.pacSourceBranch],
            let segment = branch.split(separator: "/").last, segment.hasPrefix("pr-")
        else { return nil }
        let number = segment.dropFirst(3).prefix { $0 != "-" }
        return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber) ? String(number) : nil
    }
}
