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
        "\(outputDirectory)/\(key.namespace)/\(plural(kind))/\(key.name).yaml"
    }
}
