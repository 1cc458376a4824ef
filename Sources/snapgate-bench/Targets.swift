import Foundation

/// The targets of issue 5 (defined on the 1,000 × 10 × 3 repository), checked at every size.
enum Targets {
    /// Peak resident memory of a fresh process.
    static let peakBytes: Int64 = 150 * 1_000_000
    /// Growth of warm incremental and no-op times from the smallest to the largest size.
    static let growth = 2.0

    /// The time target of `benchCase`, as people read it.
    static func describe(_ benchCase: BenchCase) -> String {
        let time =
            switch benchCase {
            case .cold: "≤ 1.5× floor"
            case .validate: "≤ 1.2× floor"
            case .incrementalWarm: "≤ 50 ms"
            case .incrementalFresh: "≤ 0.2× cold"
            case .noOpWarm: "≤ 10 ms"
            case .noOpFresh: "≤ 100 ms"
            }
        return benchCase.isWarm ? time : "\(time), ≤ 150 MB"
    }

    /// Whether `measurement` meets its time target, given the floor and the cold reconcile at its size.
    static func timeMet(_ measurement: Measurement, floor: Double, cold: Double?) -> Bool? {
        guard let seconds = measurement.seconds else { return nil }
        switch measurement.benchCase {
        case .cold: return seconds <= 1.5 * floor
        case .validate: return seconds <= 1.2 * floor
        case .incrementalWarm: return seconds <= 0.050
        case .incrementalFresh: return cold.map { seconds <= 0.2 * $0 }
        case .noOpWarm: return seconds <= 0.010
        case .noOpFresh: return seconds <= 0.100
        }
    }

    /// Whether `measurement` meets the memory target; nil for warm cases (the bench process's
    /// peak includes everything it did before).
    static func memoryMet(_ measurement: Measurement) -> Bool? {
        guard !measurement.benchCase.isWarm, let peak = measurement.peakBytes else { return nil }
        return peak <= peakBytes
    }

    /// Whether growth of `benchCase` from the smallest to the largest size has a target.
    static func hasGrowthTarget(_ benchCase: BenchCase) -> Bool {
        benchCase == .incrementalWarm || benchCase == .noOpWarm
    }

    /// What is odd about the samples of `measurement`: an incremental pass that made no commit,
    /// a no-op pass that made one.
    static func anomalies(_ measurement: Measurement) -> [String] {
        let commits = measurement.samples.compactMap(\.committed)
        switch measurement.benchCase {
        case .incrementalWarm, .incrementalFresh, .cold:
            return commits.contains(false) ? ["made no commit (the new builds should give Snapshots)"] : []
        case .noOpWarm, .noOpFresh:
            return commits.contains(true) ? ["made a commit (a pass over a reconciled branch should not)"] : []
        case .validate:
            return measurement.samples.contains { $0.exitStatus == 1 } ? ["reported errors (exit status 1)"] : []
        }
    }
}
