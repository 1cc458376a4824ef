import ArgumentParser
import Foundation

/// `snapgate-bench`: snapgate against the physical floor on generated repositories (issue 5).
@main
struct SnapgateBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapgate-bench",
        abstract: "Measure snapgate against the physical floor on generated repositories.",
        discussion: """
            For each size, genrepo.py (in the shared folder) makes a repository of that many \
            applications × --components components × --scenarios scenarios with --builds finished \
            build PipelineRuns; floor.c (built once with cc and pkg-config's libgit2 and yaml-0.1) \
            reads and parses every YAML blob of it, max(3, --repeat) times and once more before \
            each repetition of validate and of the cold reconcile (so that a shared machine's drift \
            reaches both sides of a ratio); the best of those runs is the floor. Then, each the best \
            of --repeat wall-clock times (ContinuousClock), on a fresh copy of the repository each \
            time (copies are not timed, and are written out with sync before the measurement, so \
            that the measured pass's fsyncs do not wait for them):

              validate           `snapgate validate`, a new process
              cold reconcile     `snapgate reconcile --now <fixed>`, a new process
              incremental fresh  a new build committed to the reconciled branch,
                                 then `snapgate reconcile`, a new process
              no-op fresh        one more `snapgate reconcile` (nothing changed)
              incremental warm   in this process: a Reconciler with a ParseCache
                                 primes on the branch, a new build is committed,
                                 the second pass is timed
              no-op warm         the third pass of that Reconciler

            Times are shown in seconds and as a ratio to the floor at the same size; peak memory is \
            the child's ru_maxrss (wait4, in a small C helper built with cc: Linux charges a child with \
            the memory of the process that spawned it), or for warm cases this process's own peak so \
            far (marked *). \
            Targets (issue 5, on 1,000 apps): cold ≤ 1.5× floor, validate ≤ 1.2× floor, incremental \
            warm ≤ 50 ms and fresh ≤ 0.2× cold, no-op warm ≤ 10 ms and fresh ≤ 100 ms, peak ≤ 150 MB, \
            warm incremental and no-op < 2× slower from the smallest to the largest size.

            Exit status: 0 when the benchmark ran (missed targets are reported, not errors); 1 when \
            a case could not be measured (snapgate failed: see the notes); 2 when it could not run \
            at all (python3, git, cc, pkg-config or the libgit2/libyaml headers missing), with one line.
            """)

    @Option(help: ArgumentHelp("Repository sizes in applications, comma-separated.", valueName: "n,n,…"))
    var sizes = "10,100,1000"

    @Option(name: .customLong("repeat"), help: "Repetitions of each case; the best is reported.")
    var repetitions = 3

    @Option(
        help: ArgumentHelp(
            "The shared folder with bench/genrepo.py and bench/floor.c "
                + "(default: ../shared from the package root, or from the current directory).",
            valueName: "dir"))
    var shared: String?

    @Option(
        help: ArgumentHelp("The snapgate executable to measure (default: beside snapgate-bench).", valueName: "path"))
    var snapgate: String?

    @Option(
        help: ArgumentHelp(
            "Where to write the JSON results "
                + "(default: bench-results/bench-<timestamp>.json under the package root, or the current directory).",
            valueName: "path"))
    var json: String?

    @Option(help: "Components per application.")
    var components = 10

    @Option(help: "IntegrationTestScenarios per application.")
    var scenarios = 3

    @Option(help: "Finished build PipelineRuns in the generated repositories.")
    var builds = 100

    @Option(help: ArgumentHelp("The fixed time of every reconcile, RFC 3339.", valueName: "time"))
    var now = "2026-12-01T00:00:00Z"

    @Flag(help: "Keep the generated repositories (their folder is printed).")
    var keep = false

    mutating func validate() throws {
        guard !parsedSizes.isEmpty, parsedSizes.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--sizes must be positive numbers separated by commas, not '\(sizes)'")
        }
        guard repetitions > 0 else { throw ValidationError("--repeat must be at least 1") }
        guard builds > 0 else { throw ValidationError("--builds must be at least 1 (the new build copies one)") }
    }

    private var parsedSizes: [Int] {
        sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    func run() async throws {
        do {
            try await benchmark()
        } catch let error as SetupError {
            FileHandle.standardError.write(Data("snapgate-bench: \(error)\n".utf8))
            throw ExitCode(2)
        } catch let error as SpawnError {
            FileHandle.standardError.write(Data("snapgate-bench: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func benchmark() async throws {
        let started = Date()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("snapgate-bench-\(UUID().uuidString)")
        let scratch = work.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer {
            if keep {
                log("kept the repositories in \(work.path)")
            } else {
                try? FileManager.default.removeItem(at: work)
            }
        }
        var spawner = Spawner(scratch: scratch)
        try checkPrerequisites(spawner)
        let locations = try Locations.find(shared: shared, snapgate: snapgate)
        let floor = try Floor.build(source: locations.floorSource, into: work, spawner: spawner)
        spawner.meter = try Meter.build(into: work, spawner: spawner)
        let shape = RepositoryShape(components: components, scenarios: scenarios, builds: builds)
        let generator = Generator(genrepo: locations.genrepo, workDirectory: work, spawner: spawner)

        var results: [SizeResult] = []
        for apps in parsedSizes {
            log("\(apps) apps: generating")
            let repository = try generator.generate(apps: apps, shape: shape)
            let bench = SizeBench(
                repository: repository, generator: generator, floor: floor, snapgate: locations.snapgate,
                spawner: spawner, repetitions: repetitions, now: now, progress: { log("\(apps) apps: \($0)") })
            results.append(try await bench.run())
            generator.remove(repository.pristine)
        }

        let rows = results.flatMap(Report.rows)
        let growth = Report.growth(results)
        print(Report.table(rows, growth: growth), terminator: "")
        let verdicts = rows.compactMap(\.met) + growth.compactMap(\.met)
        let document = Results(
            date: ISO8601DateFormatter().string(from: started), machine: Machine.current(spawner),
            snapgate: SnapgateBuild.describe(path: locations.snapgate, root: locations.packageRoot, spawner: spawner),
            options: RunOptions(sizes: parsedSizes, repetitions: repetitions, now: now, shape: shape), rows: rows,
            growth: growth, sizes: results, targetsMet: !verdicts.contains(false))
        let jsonPath = jsonDestination(root: locations.packageRoot, started: started)
        try document.write(to: jsonPath)
        print("results: \(jsonPath.path)")
        let failed = rows.filter { $0.seconds == nil }.count
        if failed > 0 {
            FileHandle.standardError.write(Data("snapgate-bench: \(failed) case(s) could not be measured\n".utf8))
            throw ExitCode(1)
        }
    }

    private func jsonDestination(root: URL?, started: Date) -> URL {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let json { return URL(fileURLWithPath: json, relativeTo: current).standardizedFileURL }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return (root ?? current).appendingPathComponent("bench-results/bench-\(formatter.string(from: started)).json")
    }
}

/// Progress, on stderr.
func log(_ message: String) {
    FileHandle.standardError.write(Data("snapgate-bench: \(message)\n".utf8))
}
