import Foundation
import Testing

/// The committed generated file matches what the generator produces from the CRDs.
struct GeneratedFileTests {
    @Test func generatedSchemasAreUpToDate() throws {
        guard let crds = SharedFixtures.crdDirectory else {
            print("skipping: ../shared/konflux/crds not found next to the package; cannot regenerate")
            return
        }
        let root = SharedFixtures.packageRoot
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("KonfluxCRDSchemas-\(UUID().uuidString).swift")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", root.appendingPathComponent("scripts/generate-crd-schemas.py").path,
            "--crds", crds, "--out", output.path,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the generator failed (python3 and PyYAML are needed)")
        let fresh = try String(contentsOf: output, encoding: .utf8)
        let committed = try String(
            contentsOf: root.appendingPathComponent("Sources/SnapgateSchema/KonfluxCRDSchemas.generated.swift"),
            encoding: .utf8)
        #expect(
            fresh == committed,
            "KonfluxCRDSchemas.generated.swift is stale: run python3 scripts/generate-crd-schemas.py")
    }
}
