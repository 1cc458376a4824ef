import Foundation
import SnapgateLoader
import SnapgateModel
import SnapgateTestSupport

/// Assembles in-memory files (path → text) under `config`.
func assemble(_ files: [String: String], config: SnapgateConfig = .default) -> LoadedManifests {
    let parsed = files.sorted { $0.key < $1.key }.map { ParsedFile(path: $0.key, bytes: Array($0.value.utf8)) }
    return ManifestAssembler.assemble(parsed, config: config)
}

/// `../shared` beside the package.
let sharedDirectory = PackagePaths.shared

let application = """
    apiVersion: appstudio.redhat.com/v1alpha1
    kind: Application
    metadata:
      name: app
    spec:
      displayName: App
    """

func component(_ name: String, application: String = "app") -> String {
    """
    apiVersion: appstudio.redhat.com/v1alpha1
    kind: Component
    metadata:
      name: \(name)
    spec:
      application: \(application)
      componentName: \(name)
      source:
        git:
          url: https://github.com/org/\(name)
          revision: main
    """
}
