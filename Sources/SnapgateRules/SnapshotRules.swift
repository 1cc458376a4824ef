import SnapgateModel
import SnapgateNode

/// SPEC.md §8 "Snapshot pre-checks": the owning Application must exist, and becomes the
/// Snapshot's controller owner.
enum SnapshotRules {
    /// The message of a Snapshot whose Application is missing.
    static func missingApplicationMessage(_ application: String) -> String {
        "The application \(application) owning this snapshot doesn't exist, try again after creating application"
    }

    /// Marks Snapshots of a missing Application invalid (they are processed no further: the
    /// other rules skip them) and sets the Application as controller owner where none is set.
    static func precheck(_ reconciliation: inout Reconciliation) {
        let world = reconciliation.world
        for object in world.all(.snapshot) {
            guard let snapshot = object.snapshot, !SnapshotPipeline.isVeleroObject(snapshot.metadata),
                !snapshot.application.isEmpty
            else { continue }
            let namespace = snapshot.metadata.namespace
            guard let application = world.object(.application, namespace: namespace, name: snapshot.application)
            else {
                let now = reconciliation.now
                reconciliation.update(object.key) {
                    $0.settingCondition(
                        type: Conditions.integrationStatus, status: "False", reason: "Invalid",
                        message: missingApplicationMessage(snapshot.application), now: now)
                }
                continue
            }
            // ownerReferences of a person's override Snapshot are not a field snapgate manages
            // (GITOPS.md: only status, labels and annotations are written for person objects).
            guard !SnapshotPipeline.isPersonAuthored(snapshot),
                !snapshot.metadata.ownerReferences.contains(where: { $0.controller == true })
            else { continue }
            let owner = OwnerReference(
                apiVersion: SnapshotPipeline.konfluxV1alpha1, kind: "Application", name: snapshot.application,
                uid: SnapshotPipeline.uid(of: application.node), controller: true, blockOwnerDeletion: true)
            reconciliation.update(object.key) { node in
                let current = node.mapping("metadata")?.items("ownerReferences") ?? []
                return node.setting(path: ["metadata", "ownerReferences"], to: .sequence(current + [owner.node]))
            }
        }
    }
}
