public import SnapgateModel

/// Where snapgate keeps each object in the directory it owns:
/// `<outputDirectory>/<namespace>/<kind plural>/<name>.yaml`, one object per file.
public enum OwnedPaths {
    /// The lowercase plural Kubernetes uses for a kind's resource name.
    public static func plural(_ kind: KnownKind) -> String {
        switch kind {
        case .application: "applications"
        case .component: "components"
        case .integrationTestScenario: "integrationtestscenarios"
        case .releasePlan: "releaseplans"
        case .releasePlanAdmission: "releaseplanadmissions"
        case .snapshot: "snapshots"
        case .release: "releases"
        case .pipelineRun: "pipelineruns"
        case .taskRun: "taskruns"
        case .pipeline: "pipelines"
        case .task: "tasks"
        }
    }

    /// The path of `key`'s file below `outputDirectory`.
    public static func path(for key: ObjectKey, kind: KnownKind, outputDirectory: String) -> String {
        // Bytes into one buffer of the right size: string interpolation appended seven times,
        // growing the string as it went (10,400 paths in a cold reconcile of the benchmark).
        let parts = [outputDirectory, "/", key.namespace, "/", plural(kind), "/", key.name, ".yaml"]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        for part in parts { bytes.append(contentsOf: part.utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
