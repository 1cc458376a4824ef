import Foundation

/// Phase timings on stderr when `SNAPGATE_TRACE=timings` is set: how long loading, deciding,
/// writing and publishing took, and the process's peak memory and CPU time so far after each, for
/// profiling a pass without a profiler. Off by default, and then free (one environment read at
/// start-up).
public enum PhaseTrace {
    /// Whether timings are printed.
    public static let isEnabled: Bool =
        ProcessInfo.processInfo.environment["SNAPGATE_TRACE"]?
        .split(separator: ",").contains("timings") ?? false

    /// Runs `body`, printing how long it took under `label` when tracing is on.
    @inlinable
    public static func measure<T, E: Error>(_ label: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard isEnabled else { return try body() }
        let start = ContinuousClock.now
        let value = try body()
        report(label, since: start)
        return value
    }

    /// Runs the asynchronous `body`, printing how long it took under `label` when tracing is on.
    @inlinable
    public static func measure<T, E: Error>(
        _ label: String, isolation: isolated (any Actor)? = #isolation, _ body: () async throws(E) -> T
    ) async throws(E) -> T {
        guard isEnabled else { return try await body() }
        let start = ContinuousClock.now
        let value = try await body()
        report(label, since: start)
        return value
    }

    /// When the process began tracing (`begin()`, first thing in `main`): lines say when each
    /// phase ended relative to it, so the time between phases shows too.
    nonisolated(unsafe) private static var origin: ContinuousClock.Instant?

    /// Marks the start of the process's work; call once, first thing, before any other thread runs.
    public static func begin() {
        if isEnabled { origin = ContinuousClock.now }
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    private static func cpuMilliseconds(_ time: timeval) -> Double {
        Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000
    }

    /// Prints the time since `start` under `label`.
    public static func report(_ label: String, since start: ContinuousClock.Instant) {
        let now = ContinuousClock.now
        let milliseconds = milliseconds(now - start)
        let at = origin.map { String(format: ", at %.1f ms", Self.milliseconds(now - $0)) } ?? ""
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        // CPU time of every thread so far: with the wall-clock times it shows how busy the cores
        // were between two lines.
        let cpu = cpuMilliseconds(usage.ru_utime) + cpuMilliseconds(usage.ru_stime)
        FileHandle.standardError.write(
            Data(
                ("snapgate: \(label): \(String(format: "%.1f", milliseconds)) ms (peak \(usage.ru_maxrss / 1024) MB\(at), "
                    + "cpu \(String(format: "%.0f", cpu)) ms)\n").utf8))
    }
}
