import SnapgateModel

/// SPEC.md §1.8 `test.appstudio.openshift.io/pr-status: merged` (the build pipeline's "mark
/// merged-PR snapshots" step, §8): a push build that still carries a pull-request label was built
/// from a merged pull request, so that build and every pull-request component Snapshot of the same
/// component and pull request are annotated as merged (snapshot garbage collection reads it).
enum MergedPullRequestRules {
    static let merged = "merged"

    static func markMergedPullRequests(_ reconciliation: inout Reconciliation) {
        for build in BuildRecord.all(in: reconciliation.world) {
            let labels = build.run.metadata.labels
            guard Classification.isPushBuild(build.run), let pullRequest = labels[Keys.pacPullRequest],
                !pullRequest.isEmpty, let component = labels[Keys.component]
            else { continue }
            reconciliation.update(build.key) { $0.settingAnnotation(Keys.prStatus, to: merged) }
            for object in reconciliation.world.all(.snapshot, namespace: build.namespace) {
                guard let snapshot = object.snapshot, !Classification.isPushSnapshot(snapshot),
                    snapshot.metadata.labels[Keys.component] == component,
                    snapshot.metadata.labels[Keys.snapshotPullRequest] == pullRequest
                else { continue }
                reconciliation.update(object.key) { $0.settingAnnotation(Keys.prStatus, to: merged) }
            }
        }
    }
}
