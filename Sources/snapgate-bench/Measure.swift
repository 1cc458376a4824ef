import Foundation

/// What the benchmark measures, in table order.
enum BenchCase: String, CaseIterable, Codable, Sendable {
    case cold = "cold reconcile"
    case incrementalWarm = "incremental warm"
    case incrementalFresh = "incremental fresh"
    case noOpWarm = "no-op warm"
    case noOpFresh = "no-op fresh"
    case validate = "validate"

    /// Whether the case runs inside the bench process (the library) rather than as a new process.
    var isWarm: Bool { self == .incrementalWarm || self == .noOpWarm }
}

/// One repetition of one case.
struct Sample: Codable, Sendable {
    /// Wall-clock seconds.
    var seconds: Double
    /// Peak resident memory in bytes: the child's, or the bench process's so far for warm cases.
    var peakBytes: Int64
    /// Whether the pass made a commit (nil for `validate`).
    var committed: Bool?
    /// The exit status of a fresh process (nil for warm cases).
    var exitStatus: Int32?
    /// A fresh process's seconds from fork to exit, by the meter's clock (`seconds` adds the
    /// meter's own start, about a millisecond).
    var meteredSeconds: Double?
}

/// Every repetition of one case at one size, and the best of them.
struct Measurement: Codable, Sendable {
    /// The case.
    var benchCase: BenchCase
    /// `warm` (in the bench process, second pass of one reconciler) or `fresh` (a new process).
    var mode: String
    /// The best (smallest) wall-clock seconds of the samples; nil when the case failed.
    var seconds: Double?
    /// The largest peak memory of the samples, bytes.
    var peakBytes: Int64?
    /// Whether `peakBytes` is the bench process's own peak so far (warm cases) rather than a child's.
    var peakIsBenchProcess: Bool
    /// Every repetition.
    var samples: [Sample]
    /// Why the case could not be measured.
    var error: String?

    /// Summarises `samples` (or records `error`).
    init(_ benchCase: BenchCase, samples: [Sample], error: String? = nil) {
        self.benchCase = benchCase
        mode = benchCase.isWarm ? "warm" : "fresh"
        self.samples = samples
        self.error = error
        peakIsBenchProcess = benchCase.isWarm
        seconds = error == nil ? samples.map(\.seconds).min() : nil
        peakBytes = samples.map(\.peakBytes).max()
    }
}

/// The floor at one size: the best of its runs.
struct FloorSummary: Codable, Sendable {
    /// The best (smallest) seconds `floor` reported.
    var seconds: Double
    /// YAML files, bytes and libyaml events of the repository.
    var files: Int
    var bytes: Int
    var events: Int
    /// Every run.
    var runs: [FloorRun]
}

/// Everything measured at one size.
struct SizeResult: Codable, Sendable {
    /// Applications.
    var apps: Int
    /// The floor on the repository.
    var floor: FloorSummary
    /// One per case.
    var measurements: [Measurement]

    /// The measurement of `benchCase`.
    func measurement(_ benchCase: BenchCase) -> Measurement? {
        measurements.first { $0.benchCase == benchCase }
    }
}

/// Runs every case at one size, on copies of the pristine repository.
struct SizeBench {
    let repository: GeneratedRepository
    let generator: Generator
    let floor: Floor
    let snapgate: URL
    let spawner: Spawner
    let repetitions: Int
    let now: String
    let progress: (String) -> Void

    /// Measures the floor, then every case; the floor again before each repetition of the
    /// cases it is compared with (validate, cold reconcile), so that a shared machine's drift
    /// during the run reaches both sides of each ratio alike.
    func run() async throws -> SizeResult {
        var floorRuns = try (0..<max(3, repetitions)).map { _ in
            try floor.run(on: repository.pristine, spawner: spawner)
        }
        progress("floor \(format(floorRuns.map(\.seconds).min()))")

        var measurements: [Measurement] = []
        measurements.append(validate(floorRuns: &floorRuns))
        let (cold, reconciled) = coldReconcile(floorRuns: &floorRuns)
        measurements.append(cold)
        let best = floorRuns.min { $0.seconds < $1.seconds }!
        let floorSummary = FloorSummary(
            seconds: best.seconds, files: best.files, bytes: best.bytes, events: best.events, runs: floorRuns)
        progress("floor, best of \(floorRuns.count) \(format(best.seconds)) (\(best.files) files, \(best.bytes) bytes)")
        let fresh = freshIncremental(from: reconciled, coldError: cold.error)
        measurements += fresh
        measurements += await warmIncremental()
        if let reconciled { generator.remove(reconciled) }
        measurements.sort {
            BenchCase.allCases.firstIndex(of: $0.benchCase)! < BenchCase.allCases.firstIndex(of: $1.benchCase)!
        }
        return SizeResult(apps: repository.apps, floor: floorSummary, measurements: measurements)
    }

    /// `snapgate validate` as a fresh process on a fresh copy, each repetition.
    private func validate(floorRuns: inout [FloorRun]) -> Measurement {
        var samples: [Sample] = []
        do {
            for index in 0..<repetitions {
                floorRuns.append(try floor.run(on: repository.pristine, spawner: spawner))
                let copy = try generator.copy(repository.pristine, as: "validate-\(repository.apps)-\(index)")
                defer { generator.remove(copy) }
                let result = try spawner.measure(snapgate.path, ["validate", "--repo", copy.path])
                // 1 means the repository has errors: validate ran. 2 (or a signal) means it could not.
                guard result.status == 0 || result.status == 1 else {
                    return Measurement(.validate, samples: samples, error: result.firstErrorLine)
                }
                samples.append(
                    Sample(
                        seconds: result.seconds, peakBytes: result.peakBytes, exitStatus: result.status,
                        meteredSeconds: result.meteredSeconds))
            }
        } catch {
            return Measurement(.validate, samples: samples, error: "\(error)")
        }
        progress("validate \(format(samples.map(\.seconds).min()))")
        return Measurement(.validate, samples: samples)
    }

    /// A fresh `snapgate reconcile` on a fresh copy of the pristine repository, each repetition;
    /// the first copy, reconciled, is kept as the base of the fresh incremental cases.
    private func coldReconcile(floorRuns: inout [FloorRun]) -> (Measurement, URL?) {
        var samples: [Sample] = []
        var reconciled: URL?
        do {
            for index in 0..<repetitions {
                floorRuns.append(try floor.run(on: repository.pristine, spawner: spawner))
                let copy = try generator.copy(repository.pristine, as: "cold-\(repository.apps)-\(index)")
                let (sample, error) = try reconcileProcess(copy)
                if let error {
                    generator.remove(copy)
                    return (Measurement(.cold, samples: samples, error: error), reconciled)
                }
                samples.append(sample)
                if reconciled == nil { reconciled = copy } else { generator.remove(copy) }
            }
        } catch {
            return (Measurement(.cold, samples: samples, error: "\(error)"), reconciled)
        }
        progress("cold reconcile \(format(samples.map(\.seconds).min()))")
        return (Measurement(.cold, samples: samples), reconciled)
    }

    /// On a copy of the reconciled repository: commit the new build, time a fresh
    /// `snapgate reconcile` (incremental), then another (no-op).
    private func freshIncremental(from reconciled: URL?, coldError: String?) -> [Measurement] {
        guard let reconciled else {
            let error = "no reconciled repository: the cold reconcile failed (\(coldError ?? "?"))"
            return [
                Measurement(.incrementalFresh, samples: [], error: error),
                Measurement(.noOpFresh, samples: [], error: error),
            ]
        }
        var incremental: [Sample] = []
        var noOp: [Sample] = []
        do {
            for index in 0..<repetitions {
                let copy = try generator.copy(reconciled, as: "fresh-\(repository.apps)-\(index)")
                defer { generator.remove(copy) }
                try generator.commitBuild(repository.newBuild, to: copy)
                let (first, firstError) = try reconcileProcess(copy)
                if let firstError {
                    return [
                        Measurement(.incrementalFresh, samples: incremental, error: firstError),
                        Measurement(.noOpFresh, samples: noOp, error: "the incremental reconcile before it failed"),
                    ]
                }
                incremental.append(first)
                let (second, secondError) = try reconcileProcess(copy)
                if let secondError {
                    return [
                        Measurement(.incrementalFresh, samples: incremental),
                        Measurement(.noOpFresh, samples: noOp, error: secondError),
                    ]
                }
                noOp.append(second)
            }
        } catch {
            return [
                Measurement(.incrementalFresh, samples: incremental, error: "\(error)"),
                Measurement(.noOpFresh, samples: noOp, error: "\(error)"),
            ]
        }
        progress(
            "incremental fresh \(format(incremental.map(\.seconds).min())), "
                + "no-op fresh \(format(noOp.map(\.seconds).min()))")
        return [Measurement(.incrementalFresh, samples: incremental), Measurement(.noOpFresh, samples: noOp)]
    }

    /// In this process, with the library: prime a reconciler on a fresh copy, commit the new
    /// build, time a second pass (incremental) and a third (no-op).
    private func warmIncremental() async -> [Measurement] {
        var incremental: [Sample] = []
        var noOp: [Sample] = []
        do {
            for index in 0..<repetitions {
                let copy = try generator.copy(repository.pristine, as: "warm-\(repository.apps)-\(index)")
                defer { generator.remove(copy) }
                let (first, second) = try await WarmReconciler.measure(
                    repository: copy, now: now,
                    between: { try generator.commitBuild(repository.newBuild, to: copy) })
                incremental.append(first)
                noOp.append(second)
            }
        } catch {
            return [
                Measurement(.incrementalWarm, samples: incremental, error: "\(error)"),
                Measurement(.noOpWarm, samples: noOp, error: "\(error)"),
            ]
        }
        progress(
            "incremental warm \(format(incremental.map(\.seconds).min())), "
                + "no-op warm \(format(noOp.map(\.seconds).min()))")
        return [Measurement(.incrementalWarm, samples: incremental), Measurement(.noOpWarm, samples: noOp)]
    }

    /// Times one `snapgate reconcile` process on `repository`; the error is its first line when it failed.
    private func reconcileProcess(_ repository: URL) throws -> (Sample, String?) {
        let before = try branchTip(repository)
        let result = try spawner.measure(snapgate.path, ["reconcile", "--repo", repository.path, "--now", now])
        guard result.status == 0 else {
            return (Sample(seconds: result.seconds, peakBytes: result.peakBytes), "reconcile: \(result.firstErrorLine)")
        }
        let after = try branchTip(repository)
        let sample = Sample(
            seconds: result.seconds, peakBytes: result.peakBytes, committed: before != after,
            exitStatus: result.status, meteredSeconds: result.meteredSeconds)
        return (sample, nil)
    }

    private func branchTip(_ repository: URL) throws -> String {
        try spawner.check("git", ["--git-dir=\(repository.path)", "rev-parse", "refs/heads/\(Generator.branch)"])
    }

    private func format(_ seconds: Double?) -> String {
        seconds.map { String(format: "%.4f s", $0) } ?? "failed"
    }
}
