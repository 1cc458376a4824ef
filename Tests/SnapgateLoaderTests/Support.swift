import Foundation
import SnapgateLoader
import SnapgateModel

/// Assembles in-memory files (path → text) under `config`.
func assemble(_ files: [String: String], config: SnapgateConfig = .default) -> LoadedManifests {
    let parsed = files.sorted { $0.key < $1.key }.map { ParsedFile(path: $0.key, bytes: Array($0.value.utf8)) }
    return ManifestAssembler.assemble(parsed, config: config)
}

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `../shared` beside the package (present in development and in CI).
let sharedDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

/// Runs a command and returns its standard output; fails with its standard error.
@discardableResult
func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    env["GIT_AUTHOR_NAME"] = "Test"
    env["GIT_AUTHOR_EMAIL"] = "test@example.invalid"
    env["GIT_COMMITTER_NAME"] = "Test"
    env["GIT_COMMITTER_EMAIL"] = "test@example.invalid"
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["HOME"] = FileManager.default.temporaryDirectory.path
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CommandError(
            arguments: arguments, status: process.terminationStatus, stderr: String(decoding: errors, as: UTF8.self))
    }
    return String(decoding: output, as: UTF8.self)
}

struct CommandError: Error, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let stderr: String
    var description: String { "\(arguments.joined(separator: " ")) exited \(status): \(stderr)" }
}

/// A temporary git repository holding `files`, committed on `main`; removed by the caller.
func makeRepository(_ files: [String: String], bare: Bool = false) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snapgate-test-\(UUID().uuidString)")
    let work = bare ? directory.appendingPathComponent("work") : directory
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    try run(["git", "init", "-q", "-b", "main"], in: work)
    for (path, text) in files {
        let url = work.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    try run(["git", "add", "-A"], in: work)
    try run(["git", "commit", "-q", "--allow-empty", "-m", "manifests"], in: work)
    if bare {
        let bareURL = directory.appendingPathComponent("repo.git")
        try run(["git", "clone", "-q", "--bare", work.path, bareURL.path])
        return bareURL
    }
    return work
}

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
