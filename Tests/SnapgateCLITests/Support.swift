import Foundation
import SnapgateTestSupport

/// The `snapgate` executable that `swift build` put beside the test bundle.
let snapgateExecutable: String = {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("snapgate")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
        directory = directory.deletingLastPathComponent()
    }
    return PackagePaths.root.appendingPathComponent(".build/debug/snapgate").path
}()

extension Sandbox {
    /// Runs `snapgate` with `arguments`, colours off.
    func snapgate(_ arguments: [String]) throws -> ProgramResult {
        try execute(snapgateExecutable, arguments, environment: ["NO_COLOR": "1"])
    }
}

let validApplication = """
    apiVersion: appstudio.redhat.com/v1alpha1
    kind: Application
    metadata:
      name: app
    spec:
      displayName: App
    """
