import Foundation

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The `snapgate` executable that `swift build` put beside the test bundle.
let snapgateExecutable: URL = {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("snapgate")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/snapgate")
}()

struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs `snapgate` with `arguments`.
func snapgate(_ arguments: [String]) throws -> CommandResult {
    try execute(snapgateExecutable, arguments, environment: ["NO_COLOR": "1"])
}

/// Runs a program, returning its status and output.
func execute(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:])
    throws -> CommandResult
{
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    env["GIT_AUTHOR_NAME"] = "Test"
    env["GIT_AUTHOR_EMAIL"] = "test@example.invalid"
    env["GIT_COMMITTER_NAME"] = "Test"
    env["GIT_COMMITTER_EMAIL"] = "test@example.invalid"
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes concurrently so a full stderr pipe cannot block the child.
    nonisolated(unsafe) var errors = Data()
    let reader = Thread { errors = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    return CommandResult(
        status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
        stderr: String(decoding: errors, as: UTF8.self))
}

func git(_ arguments: [String], in directory: URL) throws {
    let result = try execute(URL(fileURLWithPath: "/usr/bin/git"), arguments, in: directory)
    guard result.status == 0 else {
        throw NSError(domain: "git", code: Int(result.status), userInfo: [NSLocalizedDescriptionKey: result.stderr])
    }
}

/// A temporary work-tree repository holding `files`, committed on `main`.
func makeRepository(_ files: [String: String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snapgate-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (path, text) in files {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return try commitAll(directory)
}

/// A temporary repository holding a copy of `source`.
func makeRepository(copying source: URL) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snapgate-cli-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: source, to: directory)
    return try commitAll(directory)
}

private func commitAll(_ directory: URL) throws -> URL {
    try git(["init", "-q", "-b", "main"], in: directory)
    try git(["add", "-A"], in: directory)
    try git(["commit", "-q", "--allow-empty", "-m", "manifests"], in: directory)
    return directory
}

let validApplication = """
    apiVersion: appstudio.redhat.com/v1alpha1
    kind: Application
    metadata:
      name: app
    spec:
      displayName: App
    """
