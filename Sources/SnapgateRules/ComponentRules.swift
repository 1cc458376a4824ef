import SnapgateModel
import SnapgateNode

/// Component deletion (SPEC.md §6.4). In git a deletion is the absence of the person's manifest:
/// snapgate's status document of the Component stays behind as an orphan carrying the finalizer,
/// and that is the deletion event.
enum ComponentRules {
    /// §6.4 "Finalizer is added on Component create": every Component with `spec.application`
    /// gets the finalizer `test.appstudio.openshift.io/component`, and the label
    /// `appstudio.openshift.io/application` so that the status document left behind by a deletion
    /// still names the Application (a status document has no `spec`).
    static func ensureFinalizers(_ reconciliation: inout Reconciliation) {
        // Application names by namespace: every Component asks, every round.
        var applications: [String: Set<String>] = [:]
        for object in reconciliation.world.all(.component) {
            // Read in place: this runs for every Component on every round, and is nearly always
            // done already (every round after the first, every pass after the first).
            let facts = object.readingComponent { component -> (application: String, isDone: Bool)? in
                guard !component.application.isEmpty, component.metadata.deletionTimestamp == nil else {
                    return nil
                }
                let isDone =
                    component.metadata.finalizers.contains(Keys.componentFinalizer)
                    && component.metadata.labels[Keys.application] == component.application
                return (component.application, isDone)
            }
            guard let (application, isDone) = facts ?? nil else { continue }
            if !isDone {
                var metadata = object.metadata
                if !metadata.finalizers.contains(Keys.componentFinalizer) {
                    metadata.finalizers.append(Keys.componentFinalizer)
                }
                metadata.labels[Keys.application] = application
                // The typed metadata is what reading the edited document gives: the finalizer
                // appended, the label set (`ObjectMeta` reads string items and string entries, as
                // the edit writes them).
                reconciliation.updateMetadata(object.key, to: metadata) { node in
                    settingFinalizerAndLabel(node, application: application)
                }
            }
            let namespace = object.key.namespace
            if applications[namespace] == nil {
                applications[namespace] = Set(
                    reconciliation.world.all(.application, namespace: namespace).map(\.key.name))
            }
            // Not upstream (the API server would accept it silently): a Component of an Application
            // that does not exist is never part of a Snapshot, which a person wants to know.
            if applications[namespace]?.contains(application) != true {
                reconciliation.report(
                    .warning, about: object, at: object.node["spec"]?["application"],
                    "spec.application names Application '\(application)', which does not exist in "
                        + "namespace \(object.key.namespace); this Component is in no Snapshot until it does")
            }
        }
    }

    /// `node.addingFinalizer(Keys.componentFinalizer).settingLabel(Keys.application, to:
    /// application)`, edited in place: one copy of the document's entries, of its metadata and
    /// of its labels.
    private static func settingFinalizerAndLabel(_ node: YAMLNode, application: String) -> YAMLNode {
        var edited = node
        let finalizers = node.finalizers
        if !finalizers.contains(Keys.componentFinalizer) {
            edited.set(
                path: ["metadata", "finalizers"],
                to: .sequence((finalizers + [Keys.componentFinalizer]).map { .string($0) }))
        }
        edited.set(path: ["metadata", "labels", Keys.application], to: .string(application))
        return edited
    }

    /// §6.4: for each deleted Component still holding the finalizer, a Snapshot of every other
    /// component of its Application that has a git url and revision (`containerImage` =
    /// `lastPromotedImage`, even if empty — §10.11), named from the current time, with
    /// `spec.application`, the Application as controller owner and only the label
    /// `release.appstudio.openshift.io/auto-release: "false"`; then the finalizer is released
    /// (the status document goes).
    static func handleDeletions(_ reconciliation: inout Reconciliation) {
        let orphans = reconciliation.world.orphanedStatusDocuments.values
            .filter {
                $0.key.groupKind == KnownKind.component.groupKind
                    && $0.node.finalizers.contains(Keys.componentFinalizer)
            }
            .sorted { $0.key < $1.key }
        for orphan in orphans {
            handleDeletion(of: orphan, &reconciliation)
        }
    }

    private static func handleDeletion(of orphan: ManifestObject, _ r: inout Reconciliation) {
        let name = orphan.key.name
        let namespace = orphan.key.namespace
        var summary = "handled the deletion of component \(name)"
        var trailers: [RuleEvent.Trailer] = [.init("Snapgate-Component", name)]
        if let application = application(of: orphan, in: r.world),
            r.world.object(.application, namespace: namespace, name: application) != nil
        {
            let components = r.world.components(namespace: namespace, application: application).compactMap {
                other -> SnapshotComponent? in
                guard other.metadata.name != name, let source = BuildSnapshotParts.copiedSource(of: other) else {
                    return nil
                }
                return SnapshotComponent(
                    name: other.metadata.name, containerImage: other.lastPromotedImage, source: source)
            }
            if !components.isEmpty,
                let snapshotName = BuildSnapshotName.available(
                    application: application, at: r.now, namespace: namespace, seed: "\(namespace)/\(name)/deletion",
                    in: r.world)
            {
                let metadata = ObjectMeta(
                    name: snapshotName, namespace: namespace, labels: [Keys.autoRelease: "false"],
                    ownerReferences: [
                        BuildSnapshotParts.owner(application: application, namespace: namespace, in: r.world)
                    ])
                let snapshot = Snapshot(metadata: metadata, application: application, components: components)
                if r.create(snapshot.node) != nil {
                    summary = "created Snapshot \(snapshotName) after the deletion of component \(name)"
                    trailers.insert(.init("Snapgate-Snapshot", snapshotName), at: 0)
                }
            }
        }
        r.dropOrphanedStatusDocument(orphan.key)
        r.record(RuleEvent(summary, trailers: trailers))
    }

    /// The Application of a deleted Component: the label `ensureFinalizers` put on it, else the
    /// Application of a Snapshot or build of that component.
    private static func application(of orphan: ManifestObject, in world: World) -> String? {
        if let application = orphan.node.label(Keys.application), !application.isEmpty { return application }
        let namespace = orphan.key.namespace
        let name = orphan.key.name
        if let snapshot = world.snapshots(namespace: namespace).first(where: {
            $0.metadata.labels[Keys.component] == name && !$0.application.isEmpty
        }) {
            return snapshot.application
        }
        return world.pipelineRuns(ofType: "build", namespace: namespace).lazy
            .filter { $0.metadata.labels[Keys.component] == name }
            .compactMap { $0.metadata.labels[Keys.application] }.first { !$0.isEmpty }
    }
}
