import SnapgateModel
import SnapgateNode

/// Helpers the snapshot-pipeline rules share (pre-checks, overrides, re-runs, test runs,
/// supersession): which Snapshots a rule may touch, the status annotation, JSON of nodes.
enum SnapshotPipeline {
    /// `appstudio.redhat.com/v1alpha1`: the apiVersion of Applications and Snapshots in owner references.
    static let konfluxV1alpha1 = "appstudio.redhat.com/v1alpha1"

    /// SPEC.md §8: objects carrying a Velero backup or restore label are ignored by every rule.
    static func isVeleroObject(_ metadata: ObjectMeta) -> Bool {
        metadata.labels[Keys.veleroBackup] != nil || metadata.labels[Keys.veleroRestore] != nil
    }

    /// Snapshots the Snapshot pipeline processes, by namespace and name: not Velero objects and,
    /// since the pre-check (SPEC.md §8) stops processing when the owning Application is missing,
    /// owned by an Application that exists. ComponentGroup snapshots (§9) are not handled here.
    static func processableSnapshots(_ world: World) -> [(object: ManifestObject, snapshot: Snapshot)] {
        world.all(.snapshot).compactMap { object in
            guard let snapshot = object.snapshot, !isVeleroObject(snapshot.metadata), !snapshot.application.isEmpty,
                world.application(namespace: snapshot.metadata.namespace, name: snapshot.application) != nil
            else { return nil }
            return (object, snapshot)
        }
    }

    /// Override snapshots are the only Snapshots a person writes (snapgate never creates one), so
    /// they stand for "person-authored" where a rule must not rely on rewriting the file.
    static func isPersonAuthored(_ snapshot: Snapshot) -> Bool {
        snapshot.metadata.labels[Keys.testType] == "override"
    }

    /// The Snapshot's status annotation (§4.1); a diagnostic and nil when it cannot be read, so a
    /// rule never overwrites what it could not parse (one reader for every rule: see ResultRules).
    static func statuses(
        of object: ManifestObject, _ snapshot: Snapshot, _ r: inout Reconciliation
    ) -> SnapshotTestStatuses? {
        ResultRules.testStatuses(of: object, &r)
    }

    /// The node with the status annotation set to `statuses`, unless nothing would change (no
    /// annotation and no entries: upstream never writes an empty one, SPEC.md §10.4).
    static func writing(_ statuses: SnapshotTestStatuses, to node: YAMLNode) -> YAMLNode {
        let current = node.annotation(Keys.testStatus)
        if current == nil && statuses.entries.isEmpty { return node }
        if let current, let parsed = try? SnapshotTestStatuses.parse(current), parsed == statuses { return node }
        return node.settingAnnotation(Keys.testStatus, to: statuses.annotationValue)
    }

    /// `metadata.uid` of a document, or "" (objects written to git rarely carry one).
    static func uid(of node: YAMLNode) -> String { node.mapping("metadata")?.string("uid") ?? "" }

    /// Milliseconds of a time annotation that may hold seconds or milliseconds (values ≤ 1e10
    /// are seconds, as upstream normalises them, SPEC.md §10.14).
    static func milliseconds(_ text: String?) -> Int64? {
        guard let text, let value = Int64(text) else { return nil }
        return value <= 10_000_000_000 ? value * 1000 : value
    }

    /// The test PipelineRuns of a Snapshot (labels `pipelines.appstudio.openshift.io/type: test`
    /// and `appstudio.openshift.io/snapshot: <name>`).
    static func testRuns(of snapshot: Snapshot, in world: World) -> [PipelineRun] {
        world.pipelineRuns(ofType: "test", namespace: snapshot.metadata.namespace).filter {
            $0.metadata.labels[Keys.snapshotLabel] == snapshot.metadata.name
        }
    }

    /// Tekton's view of a run: unfinished while `Succeeded` is absent or `Unknown`.
    static func isUnfinished(_ run: PipelineRun) -> Bool {
        guard let succeeded = run.status.succeeded else { return true }
        return succeeded.status == "Unknown"
    }
}

extension YAMLNode {
    /// The node as JSON, keys in document order: what Go's `json.Marshal` of the same value writes.
    var jsonValue: JSONValue {
        switch content {
        case .scalar(let scalar):
            switch scalar.kind {
            case .string: return .string(scalar.text)
            case .bool: return .bool(YAMLScalarKind.boolValue(scalar.text))
            case .null: return .null
            case .int:
                if let value = Int(String(scalar.text.filter { $0 != "_" })) { return .int(value) }
                return .string(scalar.text)
            case .float:
                if let value = Double(scalar.text) { return .double(value) }
                return .string(scalar.text)
            }
        case .sequence(let items): return .array(items.map(\.jsonValue))
        case .mapping(let pairs):
            return .object(pairs.map { (key: $0.key.scalar?.text ?? "", value: $0.value.jsonValue) })
        }
    }
}
