import SnapgateModel
import SnapgateNode

/// SPEC.md §6.3: pull-request Snapshots superseded by newer ones, or by a new build of the same
/// component and PR.
enum SupersessionRules {
    static let supersededBySnapshotMessage = "Snapshot canceled/superseded"
    static let supersededByBuildMessage = "Canceled - Superseded by new build"
    /// Tekton's graceful cancellation (finally tasks still run).
    static let cancelledRunFinally = "CancelledRunFinally"

    // MARK: PR sets

    /// The PR set of a Snapshot, newest first: component snapshots share the PR and component
    /// labels; group snapshots share the application label and `pr-group-sha`. Empty when the
    /// Snapshot carries none of those labels.
    static func pullRequestSet(of snapshot: Snapshot, in world: World) -> [Snapshot] {
        let labels = snapshot.metadata.labels
        let candidates = world.snapshots(namespace: snapshot.metadata.namespace).filter {
            !SnapshotPipeline.isVeleroObject($0.metadata)
        }
        let members: [Snapshot]
        if labels[Keys.testType] == "group" {
            guard let sha = labels[prGroupSHA], let owner = labels[Keys.application] else { return [] }
            members = candidates.filter {
                $0.metadata.labels[Keys.testType] == "group" && $0.metadata.labels[Keys.application] == owner
                    && $0.metadata.labels[prGroupSHA] == sha
            }
        } else {
            guard let pr = labels[Keys.snapshotPullRequest], let component = labels[Keys.component] else { return [] }
            members = candidates.filter {
                $0.metadata.labels[Keys.snapshotPullRequest] == pr && $0.metadata.labels[Keys.component] == component
            }
        }
        return members.sorted(by: isNewer)
    }

    private static let prGroupSHA = "test.appstudio.openshift.io/pr-group-sha"

    /// Newest first: by `pipelinerunstarttime` when both have it, else by creationTimestamp; the
    /// name (which embeds the creation time of build snapshots) settles what is left.
    static func isNewer(_ a: Snapshot, _ b: Snapshot) -> Bool {
        if let x = SnapshotPipeline.milliseconds(a.metadata.annotations[Keys.pipelineRunStartTime]),
            let y = SnapshotPipeline.milliseconds(b.metadata.annotations[Keys.pipelineRunStartTime]), x != y
        {
            return x > y
        }
        let x = a.metadata.creationTimestamp.flatMap(Timestamp.init(rfc3339:))
        let y = b.metadata.creationTimestamp.flatMap(Timestamp.init(rfc3339:))
        if let x, let y, x != y { return x > y }
        return a.metadata.name > b.metadata.name
    }

    /// Whether a Snapshot is the newest of its PR set (a Snapshot with no set is).
    static func isNewestOfPullRequestSet(_ snapshot: Snapshot, in world: World) -> Bool {
        guard let newest = pullRequestSet(of: snapshot, in: world).first else { return true }
        return newest.metadata.name == snapshot.metadata.name
    }

    /// After test creation for the newest Snapshot of a PR set: every other member not yet
    /// canceled is canceled, with its test runs.
    static func cancelOlderSnapshots(than snapshot: Snapshot, in r: inout Reconciliation) {
        let set = pullRequestSet(of: snapshot, in: r.world)
        guard set.first?.metadata.name == snapshot.metadata.name else { return }
        for older in set.dropFirst() where !older.isCanceled {
            cancel(older, message: supersededBySnapshotMessage, cancelRuns: true, &r)
        }
    }

    // MARK: New builds

    /// A pull-request build that is running (no `Succeeded` condition, or `Unknown`) cancels the
    /// older snapshots of the same component and PR marked `integration-workflow: pull-request`,
    /// even finished ones; their runs only when they had not finished testing and do not carry
    /// `ignore-supersession: "true"`.
    ///
    /// Upstream reacts to the build's creation event; a build record in git stays "running" until
    /// its status is committed, so only Snapshots older than the build (by start time) are
    /// canceled, never the one the build itself produced. Without known times nothing happens.
    static func cancelSupersededByBuilds(_ reconciliation: inout Reconciliation) {
        let world = reconciliation.world
        for build in world.pipelineRuns(ofType: "build") {
            let labels = build.metadata.labels
            guard !SnapshotPipeline.isVeleroObject(build.metadata), !Classification.isPushBuild(build),
                SnapshotPipeline.isUnfinished(build), let pr = labels[Keys.pacPullRequest],
                let component = labels[Keys.component], let built = startTime(of: build)
            else { continue }
            for snapshot in world.snapshots(namespace: build.metadata.namespace) {
                let meta = snapshot.metadata
                guard !SnapshotPipeline.isVeleroObject(meta), !snapshot.isCanceled,
                    meta.labels[Keys.snapshotPullRequest] == pr, meta.labels[Keys.component] == component,
                    meta.annotations[Keys.integrationWorkflow] == "pull-request",
                    meta.labels[Keys.buildPipelineRun] != build.metadata.name,
                    let started = startTime(of: snapshot), started < built
                else { continue }
                let ignores = meta.annotations[Keys.ignoreSupersession].flatMap(ReleaseSupersession.parseGoBool) == true
                let cancelRuns = !snapshot.hasFinishedTesting && !ignores
                cancel(snapshot, message: supersededByBuildMessage, cancelRuns: cancelRuns, &reconciliation)
            }
        }
    }

    /// When a build started: `status.startTime`, else its creation time.
    static func startTime(of build: PipelineRun) -> Timestamp? {
        (build.status.startTime ?? build.metadata.creationTimestamp).flatMap(Timestamp.init(rfc3339:))
    }

    /// When the build of a Snapshot started (`pipelinerunstarttime`), else the Snapshot's creation time.
    static func startTime(of snapshot: Snapshot) -> Timestamp? {
        if let ms = SnapshotPipeline.milliseconds(snapshot.metadata.annotations[Keys.pipelineRunStartTime]) {
            return Timestamp(milliseconds: ms)
        }
        return snapshot.metadata.creationTimestamp.flatMap(Timestamp.init(rfc3339:))
    }

    // MARK: Cancelling

    /// Marks a Snapshot `AppStudioIntegrationStatus=True/Canceled` and, when asked, cancels its
    /// unfinished test runs (`spec.status: CancelledRunFinally`, annotation `cancelled: "true"`)
    /// and releases the finalizer of all of them.
    static func cancel(_ snapshot: Snapshot, message: String, cancelRuns: Bool, _ r: inout Reconciliation) {
        let key = ObjectKey(
            KnownKind.snapshot.groupKind, namespace: snapshot.metadata.namespace, name: snapshot.metadata.name)
        let now = r.now
        r.update(key) {
            $0.settingCondition(
                type: Conditions.integrationStatus, status: "True", reason: "Canceled", message: message, now: now)
        }
        r.record(
            RuleEvent(
                "canceled Snapshot \(snapshot.metadata.name): \(message)",
                trailers: [RuleEvent.Trailer("Snapgate-Snapshot", snapshot.metadata.name)]))
        guard cancelRuns else { return }
        for run in SnapshotPipeline.testRuns(of: snapshot, in: r.world) {
            let runKey = ObjectKey(
                KnownKind.pipelineRun.groupKind, namespace: run.metadata.namespace, name: run.metadata.name)
            let unfinished = SnapshotPipeline.isUnfinished(run)
            r.update(runKey) { node in
                var node = node.removingFinalizer(Keys.pipelineRunFinalizer)
                if unfinished {
                    node = node.setting(path: ["spec", "status"], to: .string(cancelledRunFinally))
                        .settingAnnotation(Keys.cancelled, to: "true")
                }
                return node
            }
        }
    }
}
