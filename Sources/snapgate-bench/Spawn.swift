import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one child process did: its exit status, wall-clock time, peak memory and output.
struct ChildRun: Sendable {
    /// The exit status, or 128 + the signal number when a signal ended it.
    var status: Int32
    /// Wall-clock seconds from spawn to reaping, measured with `ContinuousClock`.
    var seconds: Double
    /// The child's peak resident set size in bytes (`ru_maxrss` from `wait4`).
    var peakBytes: Int64
    /// Everything the child wrote to stdout.
    var stdout: String
    /// Everything the child wrote to stderr.
    var stderr: String
    /// Seconds from fork to reaping as the meter measured them (no meter start-up), when metered.
    var meteredSeconds: Double?

    /// The first non-empty line of stderr (or stdout), for one-line error messages.
    var firstErrorLine: String {
        let lines = (stderr + "\n" + stdout).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.first { !$0.isEmpty } ?? "exit status \(status)"
    }
}

/// Why a child process could not be started.
struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// Runs programs as children with `posix_spawnp` and reaps them with `wait4`, so their peak
/// memory is known. Output goes through files in a scratch directory, never pipes, so a chatty
/// child cannot block.
struct Spawner: Sendable {
    /// Where the children's stdin and output files live.
    let scratch: URL
    /// The helper that measures a program's own peak memory; without it, `measure` reports the
    /// child's `ru_maxrss`, which Linux charges with the bench's own memory.
    var meter: Meter?

    /// Runs `program` through the meter (when there is one) for its time and peak memory.
    func measure(_ program: String, _ arguments: [String]) throws -> ChildRun {
        guard let meter else { return try run(program, arguments) }
        let report = scratch.appendingPathComponent("\(UUID().uuidString).meter").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        var result = try run(meter.executable.path, [report, program] + arguments)
        guard let reading = Meter.reading(at: report) else {
            throw SpawnError(description: "the meter could not run \(program): \(result.firstErrorLine)")
        }
        result.status = reading.status
        result.peakBytes = reading.peakBytes
        result.meteredSeconds = reading.seconds
        return result
    }

    /// Runs `program` (looked up on `PATH` when it has no slash) with `arguments`, stdin from
    /// `input` (or `/dev/null`), and waits for it.
    func run(_ program: String, _ arguments: [String], input: [UInt8]? = nil) throws -> ChildRun {
        let id = UUID().uuidString
        let outPath = scratch.appendingPathComponent("\(id).out").path
        let errPath = scratch.appendingPathComponent("\(id).err").path
        var inPath = "/dev/null"
        if let input {
            inPath = scratch.appendingPathComponent("\(id).in").path
            guard FileManager.default.createFile(atPath: inPath, contents: Data(input)) else {
                throw SpawnError(description: "cannot write \(inPath)")
            }
        }
        defer {
            for path in [outPath, errPath] { try? FileManager.default.removeItem(atPath: path) }
            if input != nil { try? FileManager.default.removeItem(atPath: inPath) }
        }

        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
        #else
            var actions: posix_spawn_file_actions_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = ([program] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        let cArguments = argv + [nil]

        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, program, &actions, nil, cArguments, environ)
        guard spawned == 0 else {
            throw SpawnError(description: "cannot run \(program): \(String(cString: strerror(spawned)))")
        }
        var rawStatus: Int32 = 0
        var usage = rusage()
        while wait4(pid, &rawStatus, 0, &usage) < 0 {
            guard errno == EINTR else { throw SpawnError(description: "wait4 failed for \(program)") }
        }
        let elapsed = clock.now - start

        let signal = rawStatus & 0x7f
        let status = signal == 0 ? (rawStatus >> 8) & 0xff : 128 + signal
        return ChildRun(
            status: status, seconds: elapsed.seconds, peakBytes: maxRSSBytes(usage),
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// Runs `program` and returns its stdout; throws with its first error line when it fails.
    @discardableResult
    func check(_ program: String, _ arguments: [String], input: [UInt8]? = nil) throws -> String {
        let result = try run(program, arguments, input: input)
        guard result.status == 0 else {
            throw SpawnError(description: "\(program) \(arguments.first ?? "") failed: \(result.firstErrorLine)")
        }
        return result.stdout
    }
}

/// `ru_maxrss` in bytes: kilobytes on Linux, bytes on Darwin.
func maxRSSBytes(_ usage: rusage) -> Int64 {
    #if canImport(Darwin)
        return Int64(usage.ru_maxrss)
    #else
        return Int64(usage.ru_maxrss) * 1024
    #endif
}

/// The bench process's own peak resident set size so far, in bytes.
func selfPeakBytes() -> Int64 {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    return maxRSSBytes(usage)
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
