import Foundation

/// One run of `floor`: what it read and how long it took by its own clock.
struct FloorRun: Codable, Sendable {
    /// YAML files read.
    var files: Int
    /// Bytes of YAML read.
    var bytes: Int
    /// libyaml events parsed.
    var events: Int
    /// Seconds, as `floor` reports them (from its start to its end, inside the process).
    var seconds: Double
    /// Wall-clock seconds of the whole process, as the bench measures snapgate's.
    var wallSeconds: Double
    /// Peak resident memory of the process, bytes.
    var peakBytes: Int64
}

/// The physical floor of a cold reconcile: `floor.c` built once, run on each repository.
struct Floor: Sendable {
    /// The compiled `floor` program.
    let executable: URL

    /// Builds `source` into `directory` with `cc -O2` and pkg-config's flags for libgit2 and libyaml.
    static func build(source: URL, into directory: URL, spawner: Spawner) throws -> Floor {
        let output = directory.appendingPathComponent("floor")
        let command =
            "cc -O2 -o '\(output.path)' '\(source.path)' $(pkg-config --cflags --libs libgit2 yaml-0.1)"
        let result = try spawner.run("sh", ["-c", command])
        guard result.status == 0 else {
            throw SetupError(description: "cannot build floor.c: \(result.firstErrorLine)")
        }
        return Floor(executable: output)
    }

    /// Runs the floor on `repository` and parses `files bytes events seconds`.
    func run(on repository: URL, spawner: Spawner) throws -> FloorRun {
        let result = try spawner.measure(executable.path, [repository.path])
        let fields = result.stdout.split(whereSeparator: \.isWhitespace)
        guard result.status == 0, fields.count == 4, let files = Int(fields[0]), let bytes = Int(fields[1]),
            let events = Int(fields[2]), let seconds = Double(fields[3])
        else {
            throw SpawnError(description: "floor failed on \(repository.path): \(result.firstErrorLine)")
        }
        return FloorRun(
            files: files, bytes: bytes, events: events, seconds: seconds, wallSeconds: result.seconds,
            peakBytes: result.peakBytes)
    }
}
