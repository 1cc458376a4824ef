public import ArgumentParser

/// The `snapgate` command.
public struct Snapgate: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "snapgate",
        abstract: "The Konflux integration service as a GitOps reconciler on a Git repository."
    )
    public init() {}
}
