import Foundation
import SnapgateTestSupport
import Testing

/// GITOPS.md / issue 3: a reconcile killed at any point leaves the branch at the old commit or at
/// the new one, never in between; running it again converges (after removing the branch's lock
/// file, when the kill came while it was held, as with git).
@Suite struct InterruptTests {
    @Test func aKilledReconcileLeavesTheBranchWholeAndConverges() throws {
        let sandbox = try Sandbox()
        let original = try sandbox.makeRepository(copying: PackagePaths.sampleRepository, named: "original")
        let recorded = try sandbox.snapgate([
            "record-build", "--repo", original, "--component", "frontend",
            "--image", "quay.io/example-shop/frontend@sha256:" + String(repeating: "d", count: 64),
            "--git-url", "https://github.com/example-shop/frontend.git", "--git-commit",
            String(repeating: "3", count: 40),
            "--start-time", "2025-11-09T13:04:05Z",
        ])
        try #require(recorded.status == 0)
        let old = try sandbox.git(["rev-parse", "main"], in: original).trimmingCharacters(in: .whitespacesAndNewlines)
        let clock = "2025-11-09T13:12:00Z"

        // The commit an uninterrupted pass makes (commits are deterministic for a fixed clock).
        let reference = sandbox.path("reference")
        try sandbox.git(["clone", "-q", "--bare", original, reference], in: sandbox.root)
        #expect(
            try sandbox.snapgate(["reconcile", "--repo", reference, "--branch", "main", "--now", clock]).status == 0)
        let new = try sandbox.git(["rev-parse", "main"], in: reference).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(new != old)

        for (attempt, delay) in [0, 2_000, 10_000, 30_000, 60_000, 120_000].enumerated() {
            let repo = sandbox.path("attempt-\(attempt)")
            try sandbox.git(["clone", "-q", "--bare", original, repo], in: sandbox.root)
            let started = try sandbox.start(
                snapgateExecutable, ["reconcile", "--repo", repo, "--branch", "main", "--now", clock], in: sandbox.root)
            usleep(useconds_t(delay))
            kill(started.process.processIdentifier, SIGKILL)
            started.process.waitUntilExit()
            let tip = try sandbox.git(["rev-parse", "main"], in: repo).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(tip == old || tip == new, "after \(delay) µs the branch is at \(tip)")
            try sandbox.git(["fsck", "--no-dangling"], in: repo)
            // Killed between taking the branch's lock and renaming it into place (a window of a few
            // system calls), the process leaves the lock file, as git would: the next reconcile says
            // so and what to do (it must not take over a lock another process may hold).
            let lock = repo + "/refs/heads/main.lock"
            if FileManager.default.fileExists(atPath: lock) {
                let refused = try sandbox.snapgate(["reconcile", "--repo", repo, "--branch", "main", "--now", clock])
                #expect(refused.status != 0)
                #expect(refused.stderr.contains("remove that file and run again"), "\(refused.stderr)")
                try FileManager.default.removeItem(atPath: lock)
            }
            let rerun = try sandbox.snapgate(["reconcile", "--repo", repo, "--branch", "main", "--now", clock])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            let converged = try sandbox.git(["rev-parse", "main"], in: repo).trimmingCharacters(
                in: .whitespacesAndNewlines)
            #expect(converged == new)
        }
    }
}
