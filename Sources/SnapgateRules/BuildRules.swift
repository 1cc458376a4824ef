import SnapgateModel
import SnapgateNode

/// The build PipelineRun pipeline of SPEC.md §1: the Global Candidate List update (§1.7) and
/// Snapshot creation (§1.1–§1.5, §1.8). Builds are finished records in git, so the finalizer of
/// §1.8 is neither added nor removed; running and failed builds are left alone.
enum BuildRules {
    /// §1.7: every signed, successful push build that is not yet marked and not older than the
    /// Component's last GCL update writes its image and commit into the Component's status and
    /// marks itself with `added-to-global-candidate-list`.
    static func updateGlobalCandidateList(_ reconciliation: inout Reconciliation) {
        for build in BuildRecord.all(in: reconciliation.world) {
            updateGlobalCandidateList(for: build, &reconciliation)
        }
    }

    /// §1.1–§1.5: every signed, successful build without a Snapshot gets one, or a recorded
    /// reason why not (`create-snapshot-status`); one build's failure never stops the others.
    static func createSnapshots(_ reconciliation: inout Reconciliation) {
        for build in BuildRecord.all(in: reconciliation.world) {
            createSnapshot(for: build, &reconciliation)
        }
    }

    // MARK: - Global Candidate List

    private static func updateGlobalCandidateList(for build: BuildRecord, _ r: inout Reconciliation) {
        guard build.hasSucceeded, build.isSigned, Classification.isPushBuild(build.run) else { return }
        // Upstream stops before this step when the component or its Application is missing;
        // createSnapshots records why.
        guard let componentName = build.componentName,
            let componentObject = r.world.object(.component, namespace: build.namespace, name: componentName),
            let component = componentObject.component,
            r.world.object(.application, namespace: build.namespace, name: component.application) != nil
        else { return }
        let marker = BuildAnnotations.parseGlobalCandidateList(build.annotations[Keys.addedToGlobalCandidateList])
        if marker?.result == true { return }
        // §1.7: an older build than the last GCL update changes nothing.
        let buildTime = build.effectiveStartTime(now: r.now).seconds
        if let last = component.metadata.annotations[Keys.lastBuiltTime].flatMap({ Int64($0) }), buildTime < last {
            return
        }
        var failure: BuildFailure?
        var promoted = false
        // Missing results: nothing to promote, but the build is still marked done (§1.7 quirk).
        if case .success(let image) = build.containerImage {
            if ImageReference.isValidDigestReference(image) {
                promoted = true
                let commit = build.run.status.result("CHAINS-GIT_COMMIT") ?? ""
                r.update(componentObject.key) { node in
                    var node = node.setting(path: ["status", "lastPromotedImage"], to: .string(image))
                    if !commit.isEmpty {
                        node = node.setting(path: ["status", "lastBuiltCommit"], to: .string(commit))
                    }
                    return node.settingAnnotation(Keys.lastBuiltTime, to: String(buildTime))
                }
            } else {
                failure = .invalidImage(image, component: componentName)
            }
        }
        let reason =
            failure.map {
                "Failed to set Global Candidate List for component \(componentName) due to error \($0.message)"
            }
            ?? "Success"
        // A failure already recorded with the same reason is not rewritten with a later time.
        if let marker, !marker.result, marker.reason == reason { return }
        let value = BuildAnnotations.globalCandidateList(result: failure == nil, reason: reason, at: r.now)
        r.update(build.key) { $0.settingAnnotation(Keys.addedToGlobalCandidateList, to: value) }
        if promoted {
            r.record(
                RuleEvent(
                    "updated the global candidate list of component \(componentName) from build \(build.name)",
                    trailers: [.init("Snapgate-Component", componentName), .init("Snapgate-Build", build.name)]))
        }
    }

    // MARK: - Snapshots

    private static func createSnapshot(for build: BuildRecord, _ r: inout Reconciliation) {
        guard build.hasSucceeded else { return }
        // §1.1.3 and §8: the snapshot annotation marks a build as done, whatever happened to its
        // Component since; a recorded failure is final too (upstream removes the finalizer and
        // stops), except the Chains timeout, which a signature arriving later lifts.
        if build.annotations[Keys.snapshotAnnotation] != nil { return }
        if let status = build.annotations[Keys.createSnapshotStatus], status.contains("\"status\":\"failed\""),
            !(status.contains("not yet signed with Chains") && build.isSigned)
        {
            return
        }
        guard let componentName = build.componentName else {
            return fail(
                build, BuildFailure("component label does not exist on pipelineRun \(build.namespace)/\(build.name)"),
                &r)
        }
        guard let component = r.world.component(namespace: build.namespace, name: componentName) else {
            return fail(build, .notFound("components", componentName), &r)
        }
        let application = component.application
        guard r.world.object(.application, namespace: build.namespace, name: application) != nil else {
            return fail(build, .notFound("applications", application), &r)
        }
        guard build.isSigned else {
            if build.hasChainsWindowExpired(now: r.now) {
                fail(
                    build,
                    BuildFailure("not processing the pipelineRun because it's not yet signed with Chains after 5m0s"),
                    &r)
            } else if let closes = build.chainsWindowEnd {
                r.wakeUp(at: closes)
            }
            return
        }
        // §1.1.4: a build with a Snapshot is done.
        let existing = r.world.snapshots(namespace: build.namespace).filter {
            $0.metadata.labels[Keys.buildPipelineRun] == build.name
        }
        if existing.count == 1 { return annotateCreated(build, snapshot: existing[0].metadata.name, &r) }
        if existing.count > 1 {
            r.report(.warning, about: build.object, "several Snapshots name this build; none was created")
            return
        }
        switch BuildSnapshotPlan.make(
            build: build, component: component, application: application, world: r.world, now: r.now)
        {
        case .failure(let failure):
            fail(build, failure, &r)
        case .success(var plan):
            let startTime = build.effectiveStartTime(now: r.now)
            guard
                let name = BuildSnapshotName.available(
                    application: application, at: startTime, namespace: build.namespace,
                    seed: "\(build.namespace)/\(build.name)", in: r.world)
            else {
                r.report(
                    .error, about: build.object, "every candidate Snapshot name is taken; retrying on the next pass")
                return
            }
            plan.snapshot.metadata.name = name
            guard r.create(plan.snapshot.node) != nil else { return }
            annotateCreated(build, snapshot: name, &r)
            r.record(
                RuleEvent(
                    "created Snapshot \(name) from build \(build.name)",
                    trailers: [.init("Snapgate-Snapshot", name), .init("Snapgate-Build", build.name)]))
        }
    }

    /// §1.8: the build names its Snapshot and says it succeeded.
    private static func annotateCreated(_ build: BuildRecord, snapshot name: String, _ r: inout Reconciliation) {
        var names = (build.annotations[Keys.snapshotsAnnotation] ?? "").split(separator: ",").map(String.init)
        if !names.contains(name) { names.append(name) }
        r.update(build.key) { node in
            node.settingAnnotation(Keys.snapshotAnnotation, to: name)
                .settingAnnotation(Keys.snapshotsAnnotation, to: names.joined(separator: ","))
                .settingAnnotation(Keys.createSnapshotStatus, to: BuildAnnotations.createSnapshotStatus(failure: nil))
        }
    }

    /// §1.8: a non-retryable failure is recorded on the build (once; the same text is not rewritten).
    private static func fail(_ build: BuildRecord, _ failure: BuildFailure, _ r: inout Reconciliation) {
        let value = BuildAnnotations.createSnapshotStatus(failure: failure)
        guard build.annotations[Keys.createSnapshotStatus] != value else { return }
        r.update(build.key) { $0.settingAnnotation(Keys.createSnapshotStatus, to: value) }
        r.report(.warning, about: build.object, "no Snapshot: \(failure.message)")
    }
}
