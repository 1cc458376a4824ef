import SnapgateModel
import SnapgateNode

/// What the build rules read from one build PipelineRun record (SPEC.md §1.1, §1.2, §1.7).
struct BuildRecord {
    /// `snapgate record-build` marks its records with this annotation; no Chains runs on that
    /// path, so the signature wait of §1.1 does not apply (GITOPS.md).
    static let recordedByKey = "snapgate.dev/recorded-by"
    static let recordedByValue = "record-build"
    /// §1.1: how long to wait for the Chains signature after completion.
    static let chainsWindowMilliseconds: Int64 = 5 * 60 * 1000

    let object: ManifestObject
    let run: PipelineRun

    init?(_ object: ManifestObject) {
        guard let run = object.pipelineRun else { return nil }
        self.object = object
        self.run = run
    }

    /// Every build PipelineRun of the world, by namespace and name.
    static func all(in world: World) -> [BuildRecord] {
        world.all(.pipelineRun).compactMap(BuildRecord.init).filter { $0.run.pipelineType == "build" }
    }

    var key: ObjectKey { object.key }
    var name: String { run.metadata.name }
    var namespace: String { run.metadata.namespace }
    var annotations: StringMap { run.metadata.annotations }

    /// `Succeeded=True`. Missing or `Unknown` means still running; `False` means failed.
    var hasSucceeded: Bool { run.status.succeeded?.status == "True" }

    /// Label `appstudio.openshift.io/component`, when present and non-empty.
    var componentName: String? {
        guard let name = run.metadata.labels[Keys.component], !name.isEmpty else { return nil }
        return name
    }

    /// §1.1.2: signed by Chains (any value), or recorded by `snapgate record-build`.
    var isSigned: Bool {
        annotations[Keys.chainsSigned] != nil || annotations[BuildRecord.recordedByKey] == BuildRecord.recordedByValue
    }

    /// §1.1.2: more than 5 minutes since completion (or creation) and still unsigned. A record
    /// with neither time has waited since the zero time, as in Go.
    func hasChainsWindowExpired(now: Timestamp) -> Bool {
        let reference = (run.status.completionTime ?? run.metadata.creationTimestamp).flatMap(Timestamp.init(rfc3339:))
        guard let reference else { return true }
        return now.milliseconds - reference.milliseconds > BuildRecord.chainsWindowMilliseconds
    }

    /// The first moment the Chains window counts as expired, when the build has a reference time.
    var chainsWindowEnd: Timestamp? {
        (run.status.completionTime ?? run.metadata.creationTimestamp).flatMap(Timestamp.init(rfc3339:))
            .map { $0.adding(milliseconds: BuildRecord.chainsWindowMilliseconds + 1) }
    }

    /// `status.startTime`, when readable.
    var startTime: Timestamp? { run.status.startTime.flatMap(Timestamp.init(rfc3339:)) }

    /// The start of the build for names and times (§1.4, §1.7): `status.startTime`, else the
    /// build's other timestamps; `now` only when it has none (GITOPS.md prefers the build's own).
    func effectiveStartTime(now: Timestamp) -> Timestamp {
        startTime ?? completionTime ?? run.metadata.creationTimestamp.flatMap(Timestamp.init(rfc3339:)) ?? now
    }

    /// `status.completionTime`, when readable.
    var completionTime: Timestamp? { run.status.completionTime.flatMap(Timestamp.init(rfc3339:)) }

    /// A result that must be present (§1.2): its string value, or upstream's error text.
    func requiredResult(_ name: String) -> Result<String, BuildFailure> {
        guard let value = run.status.result(name) else {
            return .failure(BuildFailure("Missing info \(name) from pipelinerun \(self.name)"))
        }
        return .success(value)
    }

    /// The composed image reference (§1.2), or the first missing result.
    var containerImage: Result<String, BuildFailure> {
        requiredResult("IMAGE_URL").flatMap { url in
            requiredResult("IMAGE_DIGEST").map { ImageReference.compose(imageURL: url, digest: $0) }
        }
    }
}

/// A non-retryable reason why a build gives no Snapshot or GCL update; `message` is upstream's
/// error text.
struct BuildFailure: Error, Equatable {
    let message: String

    init(_ message: String) { self.message = message }

    /// `InvalidImageDigestError`.
    static func invalidImage(_ image: String, component: String) -> BuildFailure {
        BuildFailure("\(image) is invalid container image digest from component \(component)")
    }

    /// A Kubernetes NotFound error, as the API server words it.
    static func notFound(_ resource: String, _ name: String) -> BuildFailure {
        BuildFailure("\(resource).appstudio.redhat.com \"\(name)\" not found")
    }
}

/// The JSON values the build rules write into annotations (SPEC.md §1.7, §1.8).
enum BuildAnnotations {
    /// The success text of `create-snapshot-status`, typo preserved (§10.13).
    static let createdMessage = "Sucessfully created snapshot. See annotation appstudio.openshift.io/snapshot for name"

    /// `create-snapshot-status`: `{"message":…,"status":…}` (Go marshals a map: keys sorted).
    static func createSnapshotStatus(failure: BuildFailure?) -> String {
        let message = failure.map { "Failed to create snapshot. Error: \($0.message)" } ?? createdMessage
        return JSONValue.object([
            (key: "message", value: .string(message)),
            (key: "status", value: .string(failure == nil ? "success" : "failed")),
        ]).compactText
    }

    /// `added-to-global-candidate-list`: `{"result":…,"reason":…,"lastupdatedtime":…}`.
    static func globalCandidateList(result: Bool, reason: String, at time: Timestamp) -> String {
        JSONValue.object([
            (key: "result", value: .bool(result)), (key: "reason", value: .string(reason)),
            (key: "lastupdatedtime", value: .string(time.rfc3339)),
        ]).compactText
    }

    /// The parsed `added-to-global-candidate-list` marker: its `result` and `reason`.
    static func parseGlobalCandidateList(_ text: String?) -> (result: Bool, reason: String)? {
        guard let text, let value = try? JSONValue.parse(text), case .bool(let result)? = value["result"] else {
            return nil
        }
        return (result, value["reason"]?.string ?? "")
    }
}
