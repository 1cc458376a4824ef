import SnapgateGit
import SnapgateLoader
import SnapgateModel
import SnapgateReconciler

/// The read–compute–publish loop of commands that commit one change on a person's request
/// (`record-build`, `rerun`): when the branch moves under them, they read it again and recompute.
enum CommitLoop {
    /// What a round computed: the files to change, and the commit message for them.
    struct Plan {
        var changes: [FileChange]
        var message: String
        /// What to tell the person afterwards.
        var summary: String
    }

    /// What was committed, and the plan's summary.
    struct Outcome {
        var published: Publisher.Result
        var summary: String
    }

    /// Runs `compute` on the branch tip's manifests and publishes its plan, retrying on a moved
    /// branch. Returns the publish result (its commit is nil when the plan changed nothing).
    static func run(
        repository: GitRepository, branch: String, now: Timestamp,
        _ compute: (LoadedManifests) throws(CommandFailure) -> Plan
    ) async throws(CommandFailure) -> Outcome {
        let loader = RepositoryLoader(repository: repository)
        for _ in 0..<8 {
            do {
                guard let tip = try await repository.branchTip(branch) else {
                    throw CommandFailure("branch '\(branch)' has no commits")
                }
                let plan = try compute(try await loader.load(commit: tip))
                do {
                    let published = try await Publisher(repository: repository).publish(
                        plan.changes, onto: tip, branch: branch, now: now, message: { _ in plan.message })
                    return Outcome(published: published, summary: plan.summary)
                } catch {
                    guard error.code == .conflict else { throw error }
                }
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure("could not commit to '\(branch)': \(error)")
            }
        }
        throw CommandFailure("'\(branch)' kept moving while snapgate tried to commit; try again")
    }
}
