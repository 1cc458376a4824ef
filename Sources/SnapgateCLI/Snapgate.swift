public import ArgumentParser

/// The `snapgate` command: the Konflux integration service as a GitOps reconciler.
public struct Snapgate: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "snapgate",
        abstract: "The Konflux integration service as a GitOps reconciler on a Git repository.",
        discussion: """
            snapgate reads Applications, Components, IntegrationTestScenarios and ReleasePlans from \
            a branch of a git repository and commits Snapshots, test runs, status and Releases back \
            to it as Kubernetes manifests.
            """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, ReconcileCommand.self, RecordBuildCommand.self, RerunCommand.self, StatusCommand.self,
            ValidateCommand.self,
        ]
    )

    public init() {}
}
