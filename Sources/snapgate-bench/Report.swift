import Foundation

/// One line of the results table, also written to the JSON file.
struct ReportRow: Codable, Sendable {
    /// Applications.
    var apps: Int
    /// The case (`floor` for the floor itself).
    var benchCase: String
    /// `warm`, `fresh` or `floor`.
    var mode: String
    /// Best wall-clock seconds; nil when the case failed.
    var seconds: Double?
    /// `seconds` divided by the floor's seconds at the same size.
    var ratioToFloor: Double?
    /// Peak resident memory, megabytes (10^6 bytes).
    var peakMB: Double?
    /// Whether `peakMB` is the bench process's peak so far (warm cases).
    var peakIsBenchProcess: Bool
    /// The target, as people read it.
    var target: String
    /// Whether every target was met; nil when there is none or the case failed.
    var met: Bool?
    /// Which targets were missed: `time`, `memory`.
    var missed: [String]
    /// Errors and anomalies.
    var notes: [String]
}

/// Growth of one case from the smallest to the largest size.
struct GrowthRow: Codable, Sendable {
    var benchCase: String
    var fromApps: Int
    var toApps: Int
    /// Seconds at the largest size divided by seconds at the smallest.
    var timeRatio: Double?
    /// The same for the floor, for reference.
    var floorRatio: Double
    /// The same for peak memory.
    var peakRatio: Double?
    /// `< 2×` for the warm incremental and no-op cases, else empty.
    var target: String
    var met: Bool?
}

/// Turns measurements into the table and the growth rows.
enum Report {
    /// The rows of `result`: the floor, then every case.
    static func rows(_ result: SizeResult) -> [ReportRow] {
        let floor = result.floor.seconds
        let peakFloor = result.floor.runs.map(\.peakBytes).max()
        var rows = [
            ReportRow(
                apps: result.apps, benchCase: "floor", mode: "floor", seconds: floor, ratioToFloor: 1,
                peakMB: peakFloor.map(megabytes), peakIsBenchProcess: false, target: "", met: nil,
                missed: [], notes: ["\(result.floor.files) files, \(result.floor.bytes) bytes"])
        ]
        let cold = result.measurement(.cold)?.seconds
        for measurement in result.measurements {
            let time = Targets.timeMet(measurement, floor: floor, cold: cold)
            let memory = Targets.memoryMet(measurement)
            var notes: [String] = []
            if let error = measurement.error { notes.append("error: \(error)") }
            notes += Targets.anomalies(measurement)
            let missed = (time == false ? ["time"] : []) + (memory == false ? ["memory"] : [])
            let met: Bool? = measurement.error != nil || time == nil ? nil : (time! && memory != false)
            rows.append(
                ReportRow(
                    apps: result.apps, benchCase: measurement.benchCase.rawValue, mode: measurement.mode,
                    seconds: measurement.seconds, ratioToFloor: measurement.seconds.map { $0 / floor },
                    peakMB: measurement.peakBytes.map(megabytes), peakIsBenchProcess: measurement.peakIsBenchProcess,
                    target: Targets.describe(measurement.benchCase), met: met, missed: missed, notes: notes))
        }
        return rows
    }

    /// Growth of every case from the smallest to the largest size (none with one size).
    static func growth(_ results: [SizeResult]) -> [GrowthRow] {
        guard let small = results.min(by: { $0.apps < $1.apps }), let large = results.max(by: { $0.apps < $1.apps }),
            small.apps != large.apps
        else { return [] }
        return BenchCase.allCases.map { benchCase in
            let from = small.measurement(benchCase)
            let to = large.measurement(benchCase)
            let time = ratio(to?.seconds, from?.seconds)
            let hasTarget = Targets.hasGrowthTarget(benchCase)
            return GrowthRow(
                benchCase: benchCase.rawValue, fromApps: small.apps, toApps: large.apps, timeRatio: time,
                floorRatio: large.floor.seconds / small.floor.seconds,
                peakRatio: ratio(to?.peakBytes.map(Double.init), from?.peakBytes.map(Double.init)),
                target: hasTarget ? "< 2×" : "", met: hasTarget ? time.map { $0 < Targets.growth } : nil)
        }
    }

    /// The table, as printed on the terminal.
    static func table(_ rows: [ReportRow], growth: [GrowthRow]) -> String {
        var lines: [[String]] = [["apps", "case", "seconds", "× floor", "peak MB", "target", "met?"]]
        for row in rows {
            lines.append([
                "\(row.apps)", row.benchCase, row.seconds.map { String(format: "%.4f", $0) } ?? "failed",
                row.ratioToFloor.map { String(format: "%.2f", $0) } ?? "-",
                row.peakMB.map { String(format: "%.1f", $0) + (row.peakIsBenchProcess ? "*" : "") } ?? "-",
                row.target.isEmpty ? "-" : row.target, verdict(row.met, failed: row.seconds == nil, missed: row.missed),
            ])
        }
        var text = aligned(lines)
        text += "* peak of the bench process so far (warm passes run inside it), not of the pass alone\n"
        if !growth.isEmpty {
            var growthLines: [[String]] = [["growth", "apps", "time ×", "floor ×", "peak ×", "target", "met?"]]
            for row in growth {
                growthLines.append([
                    row.benchCase, "\(row.fromApps) → \(row.toApps)",
                    row.timeRatio.map { String(format: "%.2f", $0) } ?? "-",
                    String(format: "%.2f", row.floorRatio), row.peakRatio.map { String(format: "%.2f", $0) } ?? "-",
                    row.target.isEmpty ? "-" : row.target, row.target.isEmpty ? "-" : verdict(row.met, failed: false),
                ])
            }
            text += "\n" + aligned(growthLines)
        }
        let notes = rows.filter { $0.benchCase != "floor" }.flatMap { row in
            row.notes.map { "\(row.apps) apps, \(row.benchCase): \($0)" }
        }
        if !notes.isEmpty { text += "\n" + notes.joined(separator: "\n") + "\n" }
        return text
    }

    private static func verdict(_ met: Bool?, failed: Bool, missed: [String] = []) -> String {
        if failed { return "ERROR" }
        guard let met else { return "-" }
        return met ? "yes" : (["NO"] + missed).joined(separator: " ")
    }

    private static func aligned(_ lines: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: lines[0].count)
        for line in lines { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) } }
        let numeric: Set<Int> = [2, 3, 4]
        return lines.map { line in
            line.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return numeric.contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    private static func ratio(_ numerator: Double?, _ denominator: Double?) -> Double? {
        guard let numerator, let denominator, denominator > 0 else { return nil }
        return numerator / denominator
    }

    private static func megabytes(_ bytes: Int64) -> Double { Double(bytes) / 1_000_000 }
}
