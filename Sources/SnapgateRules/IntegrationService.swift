public import SnapgateModel

/// The integration service: the ordered reconcile steps of SPEC.md §8, run over the whole world
/// round after round until a round changes nothing (the fixpoint GITOPS.md asks for).
public enum IntegrationService {
    /// One step: a rule applied to every object it concerns.
    public struct Step: Sendable {
        public var name: String
        public var run: @Sendable (inout Reconciliation) -> Void

        /// Creates a step.
        public init(_ name: String, _ run: @escaping @Sendable (inout Reconciliation) -> Void) {
            self.name = name
            self.run = run
        }
    }

    /// The steps in SPEC.md §8's order: build PipelineRun pipeline, Snapshot pipeline, integration
    /// PipelineRun pipeline, status report; component handling first.
    public static let steps: [Step] = [
        Step("component finalizers (§6.4)", ComponentRules.ensureFinalizers),
        Step("component deletion (§6.4)", ComponentRules.handleDeletions),
        Step("merged pull requests (§1.8)", MergedPullRequestRules.markMergedPullRequests),
        Step("global candidate list from builds (§1.7)", BuildRules.updateGlobalCandidateList),
        Step("snapshots from builds (§1.1–§1.5, §1.8)", BuildRules.createSnapshots),
        Step("superseded pull-request snapshots (§6.3)", SupersessionRules.cancelSupersededByBuilds),
        Step("scenario validation (§2.4)", ScenarioRules.validateScenarios),
        Step("snapshot pre-checks (§8)", SnapshotRules.precheck),
        Step("override validation (§6.1)", OverrideRules.validateOverrides),
        Step("auto-release (§5)", ReleaseRules.ensureReleases),
        Step("global candidate list from overrides (§6.1)", OverrideRules.updateGlobalCandidateList),
        Step("re-run label (§3.5)", RerunRules.handleRerunLabels),
        Step("test PipelineRuns (§3.1–§3.4, §6.3)", TestRunRules.createTestPipelineRuns),
        Step("results of test PipelineRuns (§4.2, §4.3)", ResultRules.updateStatusFromPipelineRuns),
        Step("verdict (§4.4)", VerdictRules.ensureVerdicts),
    ]

    /// Runs the steps over `world` until a round changes nothing, at most `maxRounds` rounds (a
    /// rule that keeps changing its mind is a bug; it is reported, not looped on forever).
    public static func reconcile(_ world: World, context: RuleContext, maxRounds: Int = 32) -> Reconciliation {
        var reconciliation = Reconciliation(world: world, context: context)
        run(&reconciliation, maxRounds: maxRounds)
        return reconciliation
    }

    /// Continues a pass to its fixpoint: after an executor has filled in the status of test runs,
    /// the rules run again on the same `Reconciliation`, so every change stays relative to the
    /// world the pass started from.
    ///
    /// A step whose last run left the world as it is now is not run again: it would see exactly
    /// what it saw then, and a step run on its own result changes nothing (the rules are
    /// idempotent, which the fixpoint needs anyway). So the round that only confirms the fixpoint
    /// runs just the steps that something changed for since — for most namespaces of a pass,
    /// none (issue 5: it was about a third of deciding).
    public static func run(_ reconciliation: inout Reconciliation, maxRounds: Int = 32) {
        // The revision each step's last run ended at (none yet: every step runs in the first round).
        var settled = [Int?](repeating: nil, count: steps.count)
        for _ in 0..<maxRounds {
            let before = reconciliation.revision
            for (index, step) in steps.enumerated() where settled[index] != reconciliation.revision {
                step.run(&reconciliation)
                settled[index] = reconciliation.revision
            }
            if reconciliation.revision == before { return }
        }
        reconciliation.reportUnconverged(rounds: maxRounds)
    }
}

extension Reconciliation {
    mutating func reportUnconverged(rounds: Int) {
        record(RuleEvent("the rules did not settle after \(rounds) rounds; stopped"))
        // A rule that keeps changing its mind is a bug people must see, not only an audit line.
        addDiagnostic(
            Diagnostic(
                .warning, path: "",
                message: "the integration service's rules did not settle after \(rounds) rounds; the pass "
                    + "stopped there (please report this with the repository)"))
    }
}
