import Foundation

/// The shape of the generated repositories.
struct RepositoryShape: Codable, Sendable {
    /// Components per application.
    var components: Int
    /// IntegrationTestScenarios per application.
    var scenarios: Int
    /// Build PipelineRuns in the first commit (the cold reconcile turns them into Snapshots).
    var builds: Int
}

/// A generated repository of one size: a pristine bare copy (packed) that every measurement
/// copies first, and the new build record the incremental cases commit.
struct GeneratedRepository: Sendable {
    /// Applications.
    var apps: Int
    /// The pristine bare repository; never written to.
    var pristine: URL
    /// The new build record: its path in the tree and its bytes.
    var newBuild: (path: String, bytes: [UInt8])
}

/// Makes repositories with `genrepo.py`, copies them, and commits new build records.
struct Generator: Sendable {
    /// `genrepo.py`.
    let genrepo: URL
    /// Where repositories are made.
    let workDirectory: URL
    /// Runs the tools.
    let spawner: Spawner

    /// The branch genrepo.py commits to.
    static let branch = "main"

    /// Generates a repository of `apps` applications, packs it into a pristine bare copy and
    /// derives the new build record from its first build.
    func generate(apps: Int, shape: RepositoryShape) throws -> GeneratedRepository {
        let source = workDirectory.appendingPathComponent("gen-\(apps)")
        let pristine = workDirectory.appendingPathComponent("pristine-\(apps).git")
        try spawner.check(
            "python3",
            [
                genrepo.path, source.path, "--apps", "\(apps)", "--components", "\(shape.components)",
                "--scenarios", "\(shape.scenarios)", "--builds", "\(shape.builds)",
            ])
        // --no-local packs the objects, as a real clone has them, and makes copies cheap.
        try spawner.check("git", ["clone", "--quiet", "--bare", "--no-local", source.path, pristine.path])
        try? FileManager.default.removeItem(at: source)
        return GeneratedRepository(apps: apps, pristine: pristine, newBuild: try newBuild(in: pristine))
    }

    /// Copies `repository` (everything in it, caches included) to a new folder named `name`.
    func copy(_ repository: URL, as name: String) throws -> URL {
        let destination = workDirectory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: destination)
        try spawner.check("cp", ["-a", repository.path, destination.path])
        // Written out before the measurement: otherwise the first `fsync` of the pass measured
        // (a commit's objects are flushed before the branch moves) waits for the copy's megabytes
        // to reach the disk, which the copy, not the pass, should pay for.
        try spawner.check("sync", [])
        return destination
    }

    /// Removes a copy made by `copy(_:as:)`.
    func remove(_ repository: URL) {
        try? FileManager.default.removeItem(at: repository)
    }

    /// Commits `build` onto the branch of `repository` (one `git fast-import` process).
    func commitBuild(_ build: (path: String, bytes: [UInt8]), to repository: URL) throws {
        let message = Array("Record a new build (snapgate-bench)\n".utf8)
        var stream = Array(
            """
            commit refs/heads/\(Self.branch)
            committer snapgate-bench <bench@example.com> 1796040000 +0000
            data \(message.count)

            """.utf8)
        stream += message
        stream += Array(
            "from refs/heads/\(Self.branch)^0\nM 100644 inline \(build.path)\ndata \(build.bytes.count)\n".utf8)
        stream += build.bytes
        stream += Array("\n".utf8)
        try spawner.check("git", ["--git-dir=\(repository.path)", "fast-import", "--quiet"], input: stream)
        try spawner.check("sync", [])  // As after a copy: the measured pass pays for its own writes only.
    }

    /// A copy of the repository's first `builds/…` record with a new name, a later start and
    /// completion time, and a new image digest, in the same folder.
    private func newBuild(in repository: URL) throws -> (path: String, bytes: [UInt8]) {
        let gitDir = "--git-dir=\(repository.path)"
        let listing = try spawner.check("git", [gitDir, "ls-tree", "-r", "--name-only", Self.branch, "builds/"])
        guard let path = listing.split(separator: "\n").first.map(String.init) else {
            throw SetupError(description: "the generated repository has no builds/ records (--builds 0?)")
        }
        let original = try spawner.check("git", [gitDir, "cat-file", "blob", "\(Self.branch):\(path)"])
        var renamed = false
        var name = "bench-new-build"
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = String(line)
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let indent = String(text.prefix { $0 == " " })
            if !renamed, text.hasPrefix("  name: ") {
                renamed = true
                name = String(text.dropFirst("  name: ".count)) + "-bench"
                return "  name: \(name)"
            }
            if trimmed.hasPrefix("startTime:") { return indent + "startTime: \"2026-11-30T12:00:00Z\"" }
            if trimmed.hasPrefix("completionTime:") { return indent + "completionTime: \"2026-11-30T12:05:00Z\"" }
            if trimmed.hasPrefix("value: sha256:") {
                let hex = trimmed.dropFirst("value: sha256:".count)
                return indent + "value: sha256:" + String(hex.reversed())
            }
            return text
        }
        let folder = (path as NSString).deletingLastPathComponent
        return (path: "\(folder)/\(name).yaml", bytes: Array(lines.joined(separator: "\n").utf8))
    }
}
