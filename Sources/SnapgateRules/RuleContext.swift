public import SnapgateModel

/// What the rules may know besides the world: the clock and the service's settings. Passing them
/// in keeps the rules pure (GITOPS.md: "now" is the wall clock unless `--now` is given).
public struct RuleContext: Sendable {
    /// The time of this pass.
    public var now: Timestamp
    /// Settings that upstream reads from its environment.
    public var settings: RuleSettings

    /// Creates a context.
    public init(now: Timestamp, settings: RuleSettings = RuleSettings()) {
        self.now = now
        self.settings = settings
    }
}

/// The integration service's environment variables (SPEC.md §8), as settings.
public struct RuleSettings: Sendable, Hashable {
    /// `CONSOLE_NAME`: the name in git-provider check names (default `Integration Service`).
    public var consoleName: String
    /// `CONSOLE_URL`: the log URL template of test PipelineRuns (`{{NAMESPACE}}`,
    /// `{{PIPELINE_RUN_NAME}}`); nil → `https://CONSOLE_URL_NOT_AVAILABLE`.
    public var consoleURL: String?
    /// `PIPELINE_TIMEOUT`, `TASKS_TIMEOUT`, `FINALLY_TIMEOUT`: Go durations, or nil.
    public var pipelineTimeout: String?
    public var tasksTimeout: String?
    public var finallyTimeout: String?

    /// Creates settings; every default is upstream's.
    public init(
        consoleName: String = "Integration Service", consoleURL: String? = nil, pipelineTimeout: String? = nil,
        tasksTimeout: String? = nil, finallyTimeout: String? = nil
    ) {
        self.consoleName = consoleName
        self.consoleURL = consoleURL
        self.pipelineTimeout = pipelineTimeout
        self.tasksTimeout = tasksTimeout
        self.finallyTimeout = finallyTimeout
    }
}
