import SnapgateModel
import SnapgateNode

/// SPEC.md §6.1: override Snapshots (label `test.appstudio.openshift.io/type: override`),
/// written by people: validated once, and put into the Global Candidate List on sight.
enum OverrideRules {
    /// The reason of the snapshot's GCL marker.
    static let addedReason = "The Snapshot's component(s) was/were added to the global candidate list"
    /// The legacy condition that also marks a snapshot as added to the GCL.
    private static let legacyAddedCondition = "AddedToGlobalCandidateList"

    /// Override snapshots the rules process (pre-checks passed, SPEC.md §8).
    static func overrides(_ world: World) -> [(object: ManifestObject, snapshot: Snapshot)] {
        SnapshotPipeline.processableSnapshots(world).filter { $0.snapshot.metadata.labels[Keys.testType] == "override" }
    }

    /// Marks an override Snapshot `Invalid` when a component does not exist, has no digest
    /// reference, or lacks a git url and revision; skipped once it is invalid.
    static func validateOverrides(_ reconciliation: inout Reconciliation) {
        for (object, snapshot) in overrides(reconciliation.world) where snapshot.isValid {
            let errors = validationErrors(snapshot, in: reconciliation.world)
            guard !errors.isEmpty else { continue }
            let now = reconciliation.now
            reconciliation.update(object.key) {
                $0.settingCondition(
                    type: Conditions.integrationStatus, status: "False", reason: "Invalid",
                    message: errors.joined(separator: "\n"), now: now)
            }
        }
    }

    /// The validation errors of an override Snapshot, in component order.
    static func validationErrors(_ snapshot: Snapshot, in world: World) -> [String] {
        let namespace = snapshot.metadata.namespace
        var errors: [String] = []
        for component in snapshot.components {
            if world.component(namespace: namespace, name: component.name) == nil {
                errors.append(
                    "snapshotComponent \(component.name) defined in snapshot \(snapshot.metadata.name) doesn't exist "
                        + "under application \(namespace)/\(snapshot.application)")
            }
            if let problem = imageDigestProblem(component.containerImage) { errors.append(problem) }
            // Deviation from upstream (SPEC §10.7): upstream's Application-model path joins the
            // image error variable here, so a valid digest with a missing git source passes. We
            // flag it, with the message upstream's ComponentGroup path uses (without `/<version>`).
            if !hasGitSource(component) {
                errors.append("snapshotComponent \(component.name) has no git url/revision fields defined")
            }
        }
        return errors
    }

    /// `gitops.HaveGitSource`: a git source with both url and revision.
    static func hasGitSource(_ component: SnapshotComponent) -> Bool {
        guard let git = component.git else { return false }
        return !git.url.isEmpty && !git.revision.isEmpty
    }

    /// go-containerregistry's `name.NewDigest` failure for an image reference, or nil when it is
    /// `<repository>@sha256:<64 lowercase hex>`.
    static func imageDigestProblem(_ image: String) -> String? {
        let parts = image.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else {
            return "a digest must contain exactly one '@' separator (e.g. registry/repository@digest) saw: \(image)"
        }
        let digest = parts[1]
        guard digest.count == 71 else { return "digest must be between 71 and 71 characters in length: \(digest)" }
        guard digest.allSatisfy({ "sh:0123456789abcdef".contains($0) }), digest.hasPrefix("sha256:") else {
            return "digest can only contain the characters `sh:0123456789abcdef`: \(digest)"
        }
        // The repository must be one a build Snapshot would accept too (§1.2), or the GCL would
        // hold an image that later Snapshots silently skip.
        guard ImageReference.isValidDigestReference(image) else {
            return "repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: "
                + "\(parts[0])"
        }
        return nil
    }

    /// Updates the GCL from each override Snapshot not yet marked, then marks it.
    static func updateGlobalCandidateList(_ reconciliation: inout Reconciliation) {
        for (object, snapshot) in overrides(reconciliation.world) where !isMarked(snapshot) {
            let now = reconciliation.now
            let namespace = snapshot.metadata.namespace
            // Per component, regardless of the other components' validation errors (SPEC.md §6.1).
            for component in snapshot.components where imageDigestProblem(component.containerImage) == nil {
                guard let target = reconciliation.world.object(.component, namespace: namespace, name: component.name)
                else { continue }
                let revision = component.git?.revision ?? ""
                reconciliation.update(target.key) { node in
                    var node = node.setting(
                        path: ["status", "lastPromotedImage"], to: .string(component.containerImage))
                    if !revision.isEmpty {
                        node = node.setting(path: ["status", "lastBuiltCommit"], to: .string(revision))
                    }
                    return node.settingAnnotation(Keys.lastBuiltTime, to: String(now.seconds))
                }
            }
            let marker = JSONValue.object([
                (key: "result", value: .bool(true)), (key: "reason", value: .string(addedReason)),
                (key: "lastupdatedtime", value: .string(now.rfc3339)),
            ])
            reconciliation.update(object.key) {
                $0.settingAnnotation(Keys.addedToGlobalCandidateList, to: marker.compactText)
            }
            reconciliation.record(
                RuleEvent(
                    "added the components of override Snapshot \(snapshot.metadata.name) to the global candidate list",
                    trailers: [RuleEvent.Trailer("Snapgate-Snapshot", snapshot.metadata.name)]))
        }
    }

    /// Already in the GCL: the marker annotation's `result` is true, or the legacy condition is True.
    static func isMarked(_ snapshot: Snapshot) -> Bool {
        if let text = snapshot.metadata.annotations[Keys.addedToGlobalCandidateList],
            let value = try? JSONValue.parse(text), case .bool(true)? = value["result"]
        {
            return true
        }
        return snapshot.conditions.condition(legacyAddedCondition)?.status == "True"
    }
}
