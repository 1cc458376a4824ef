import Foundation

/// The machine a run came from.
struct Machine: Codable, Sendable {
    /// `uname -a`.
    var uname: String
    /// The CPU model, from /proc/cpuinfo when there is one.
    var cpu: String?
    /// Active processor cores.
    var cores: Int
    /// Physical memory, bytes.
    var memoryBytes: UInt64

    /// Describes this machine.
    static func current(_ spawner: Spawner) -> Machine {
        let uname = (try? spawner.check("uname", ["-a"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let cpu = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return Machine(
            uname: uname, cpu: cpu, cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryBytes: ProcessInfo.processInfo.physicalMemory)
    }
}

/// The snapgate that was measured.
struct SnapgateBuild: Codable, Sendable {
    /// The executable.
    var path: String
    /// `git rev-parse HEAD` of the package, when it is a git work tree.
    var commit: String?
    /// Whether the work tree had uncommitted changes.
    var dirty: Bool?

    /// Describes the executable at `path`, built from the package at `root`.
    static func describe(path: URL, root: URL?, spawner: Spawner) -> SnapgateBuild {
        guard let root else { return SnapgateBuild(path: path.path) }
        let commit = try? spawner.check("git", ["-C", root.path, "rev-parse", "HEAD"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let status = try? spawner.check("git", ["-C", root.path, "status", "--porcelain", "--untracked-files=no"])
        return SnapgateBuild(path: path.path, commit: commit, dirty: status.map { !$0.isEmpty })
    }
}

/// The options a run used.
struct RunOptions: Codable, Sendable {
    var sizes: [Int]
    var repetitions: Int
    var now: String
    var shape: RepositoryShape
}

/// The JSON file: everything measured, so runs can be compared over time.
struct Results: Codable, Sendable {
    var tool = "snapgate-bench"
    /// When the run started, RFC 3339.
    var date: String
    var machine: Machine
    var snapgate: SnapgateBuild
    var options: RunOptions
    /// The table's rows (every size, every case, with the floor ratio and targets).
    var rows: [ReportRow]
    /// Growth from the smallest to the largest size.
    var growth: [GrowthRow]
    /// Every repetition, the floor's runs included.
    var sizes: [SizeResult]
    /// Whether every target with a verdict was met.
    var targetsMet: Bool

    /// Writes the results as pretty-printed JSON to `path`, creating its folder.
    func write(to path: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileManager.default.createDirectory(
            at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(self).write(to: path)
    }
}
