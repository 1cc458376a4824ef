import Foundation
import SnapgateTestSupport
import Testing

/// The `snapgate-bench` executable that `swift build` put beside the test bundle.
private let benchExecutable: String = {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("snapgate-bench")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
        directory = directory.deletingLastPathComponent()
    }
    return PackagePaths.root.appendingPathComponent(".build/debug/snapgate-bench").path
}()

/// The benchmark material (genrepo.py, floor.c) lives beside the package, not in it.
private let sharedDirectory = PackagePaths.root.appendingPathComponent("../shared").standardizedFileURL
private let hasBenchMaterial = FileManager.default.fileExists(
    atPath: sharedDirectory.appendingPathComponent("bench/genrepo.py").path)

/// A smoke test of the benchmark: it runs end to end on a tiny repository. Times are never
/// checked here (the machines are shared and noisy); the benchmark itself reports them.
@Suite struct BenchTests {
    @Test(.enabled(if: hasBenchMaterial, "needs ../shared/bench (genrepo.py, floor.c)"))
    func runsEveryCaseOnATinyRepository() throws {
        let sandbox = try Sandbox()
        let json = sandbox.path("results/bench.json")
        let result = try sandbox.execute(
            benchExecutable,
            [
                "--sizes", "2", "--repeat", "1", "--json", json, "--shared", sharedDirectory.path,
                "--snapgate", snapgateExecutable,
            ])
        #expect(result.status == 0, "stderr: \(result.stderr)")

        let cases = [
            "cold reconcile", "incremental warm", "incremental fresh", "no-op warm", "no-op fresh", "validate",
        ]
        for name in cases + ["floor"] {
            #expect(result.stdout.contains(name), "the table names \(name)")
        }

        let data = try Data(contentsOf: URL(fileURLWithPath: json))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let machine = try #require(document["machine"] as? [String: Any])
        #expect((machine["cores"] as? Int ?? 0) > 0)
        let sizes = try #require(document["sizes"] as? [[String: Any]])
        #expect(sizes.count == 1)
        let size = try #require(sizes.first)
        let floor = try #require(size["floor"] as? [String: Any])
        #expect((floor["seconds"] as? Double ?? 0) > 0)
        #expect((floor["files"] as? Int ?? 0) > 0)
        let measurements = try #require(size["measurements"] as? [[String: Any]])
        let measured = Set(measurements.compactMap { $0["benchCase"] as? String })
        #expect(measured == Set(cases))
        for measurement in measurements {
            #expect(measurement["error"] == nil, "\(measurement["benchCase"] ?? "?"): \(measurement["error"] ?? "")")
            #expect((measurement["seconds"] as? Double ?? 0) > 0)
            #expect((measurement["peakBytes"] as? Int ?? 0) > 0)
        }
    }

    @Test func helpExplainsTheCasesAndTargets() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.execute(benchExecutable, ["--help"])
        #expect(result.status == 0)
        for text in ["--sizes", "--repeat", "--shared", "--snapgate", "--json", "floor", "incremental warm"] {
            #expect(result.stdout.contains(text), "--help mentions \(text)")
        }
    }
}
