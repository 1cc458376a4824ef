/// The label and annotation keys of SPEC.md, spelled once.
public enum Keys {
    // Snapshot and build metadata (§1.5, §1.8)
    public static let testType = "test.appstudio.openshift.io/type"
    public static let component = "appstudio.openshift.io/component"
    public static let application = "appstudio.openshift.io/application"
    public static let componentGroup = "appstudio.openshift.io/component-group"
    public static let buildPipelineRun = "appstudio.openshift.io/build-pipelinerun"
    public static let pipelineRunFinishTime = "test.appstudio.openshift.io/pipelinerunfinishtime"
    public static let pipelineRunStartTime = "test.appstudio.openshift.io/pipelinerunstarttime"
    public static let sourceRepoURL = "test.appstudio.openshift.io/source-repo-url"
    public static let integrationWorkflow = "test.appstudio.openshift.io/integration-workflow"
    public static let createSnapshotStatus = "test.appstudio.openshift.io/create-snapshot-status"
    public static let snapshotAnnotation = "appstudio.openshift.io/snapshot"
    public static let snapshotsAnnotation = "appstudio.openshift.io/snapshots"
    public static let addedToGlobalCandidateList = "test.appstudio.openshift.io/added-to-global-candidate-list"
    public static let lastBuiltTime = "test.appstudio.openshift.io/lastbuilttime"
    public static let spanContext = "tekton.dev/pipelinerunSpanContext"
    public static let chainsSigned = "chains.tekton.dev/signed"
    public static let pipelineType = "pipelines.appstudio.openshift.io/type"
    public static let buildContext = "appstudio.openshift.io/context"
    public static let buildVersion = "appstudio.openshift.io/version"
    public static let pipelineRunFinalizer = "test.appstudio.openshift.io/pipelinerun"
    public static let componentFinalizer = "test.appstudio.openshift.io/component"
    public static let prStatus = "test.appstudio.openshift.io/pr-status"

    // Pipelines as Code (§1.5, §1.6)
    public static let pacPrefix = "pipelinesascode.tekton.dev"
    public static let pacTestPrefix = "pac.test.appstudio.openshift.io"
    public static let pacEventType = "pipelinesascode.tekton.dev/event-type"
    public static let pacPullRequest = "pipelinesascode.tekton.dev/pull-request"
    public static let pacSourceBranch = "pipelinesascode.tekton.dev/source-branch"
    public static let snapshotEventType = "pac.test.appstudio.openshift.io/event-type"
    public static let snapshotPullRequest = "pac.test.appstudio.openshift.io/pull-request"
    public static let snapshotSourceBranch = "pac.test.appstudio.openshift.io/source-branch"
    public static let snapshotSHA = "pac.test.appstudio.openshift.io/sha"
    public static let snapshotBranch = "pac.test.appstudio.openshift.io/branch"
    public static let snapshotRepoURL = "pac.test.appstudio.openshift.io/repo-url"
    public static let snapshotSourceRepoURL = "pac.test.appstudio.openshift.io/source-repo-url"
    public static let logURL = "pac.test.appstudio.openshift.io/log-url"
    public static let cancelled = "pac.test.appstudio.openshift.io/cancelled"

    // Scenarios and test runs (§2, §3)
    public static let optional = "test.appstudio.openshift.io/optional"
    public static let scenario = "test.appstudio.openshift.io/scenario"
    public static let snapshotLabel = "appstudio.openshift.io/snapshot"
    public static let run = "test.appstudio.openshift.io/run"
    public static let pipelineTimeout = "test.appstudio.openshift.io/pipeline_timeout"
    public static let tasksTimeout = "test.appstudio.openshift.io/tasks_timeout"
    public static let finallyTimeout = "test.appstudio.openshift.io/finally_timeout"
    public static let snapshotParamAsName = "test.appstudio.openshift.io/snapshot-param-as-name"
    public static let testStatus = "test.appstudio.openshift.io/status"
    public static let tektonPipelineRun = "tekton.dev/pipelineRun"
    public static let tektonPipelineTask = "tekton.dev/pipelineTask"

    // Releases (§5)
    public static let autoRelease = "release.appstudio.openshift.io/auto-release"
    public static let automated = "release.appstudio.openshift.io/automated"
    public static let shouldReleaseResult = "test.appstudio.openshift.io/result-should-release"
    public static let ignoreSupersession = "test.appstudio.openshift.io/ignore-supersession"

    // Other
    public static let createGroupSnapshotStatus = "test.appstudio.openshift.io/create-groupsnapshot-status"
    public static let veleroBackup = "velero.io/backup-name"
    public static let veleroRestore = "velero.io/restore-name"
}

/// Snapshot condition types, reasons and messages (SPEC.md §4.5).
public enum Conditions {
    public static let testSucceeded = "AppStudioTestSucceeded"
    public static let integrationStatus = "AppStudioIntegrationStatus"
    public static let autoReleased = "AutoReleased"
    public static let legacyTestSucceeded = "HACBSStudioTestSucceeded"
    public static let legacyIntegrationStatus = "HACBSIntegrationStatus"
}
