import Foundation
import SnapgateGit

/// A failure of the test scaffolding itself (a `git` command that did not succeed).
struct ScaffoldError: Error, CustomStringConvertible {
    var description: String
}

/// A temporary directory for one test, with helpers that drive the real `git` command line.
/// Removed when the sandbox goes away.
final class Sandbox: Sendable {
    /// Absolute path of the directory.
    let root: String

    /// Creates an empty temporary directory.
    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        root = "\(base)/snapgate-git-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// `root/relative`.
    func path(_ relative: String) -> String { "\(root)/\(relative)" }

    /// The environment every `git` command runs with: fixed identities and dates, no system or
    /// user configuration from the machine.
    var gitEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Test Author"
        environment["GIT_AUTHOR_EMAIL"] = "author@example.com"
        environment["GIT_AUTHOR_DATE"] = "1700000000 +0000"
        environment["GIT_COMMITTER_NAME"] = "Test Committer"
        environment["GIT_COMMITTER_EMAIL"] = "committer@example.com"
        environment["GIT_COMMITTER_DATE"] = "1700000000 +0000"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = root
        return environment
    }

    /// Runs `git args` in `directory` and returns its standard output; throws when it fails.
    @discardableResult
    func git(_ args: [String], in directory: String, input: [UInt8]? = nil) throws -> String {
        try run("/usr/bin/git", args, in: directory, input: input)
    }

    /// Runs a program and returns its standard output; throws when it exits non-zero.
    @discardableResult
    func run(
        _ executable: String, _ args: [String], in directory: String, input: [UInt8]? = nil,
        environment extra: [String: String] = [:]
    ) throws -> String {
        let process = try start(executable, args, in: directory, input: input, environment: extra)
        let output = process.standardOutputPipe.fileHandleForReading.readDataToEndOfFile()
        process.process.waitUntilExit()
        guard process.process.terminationStatus == 0 else {
            let errors = (try? String(contentsOfFile: process.errorPath, encoding: .utf8)) ?? ""
            throw ScaffoldError(
                description: "\(executable) \(args.joined(separator: " ")) exited "
                    + "\(process.process.terminationStatus): \(errors)")
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A started process, its output pipe and the file its standard error goes to.
    struct Started {
        var process: Process
        var standardOutputPipe: Pipe
        var errorPath: String
    }

    /// Starts a program without waiting for it.
    func start(
        _ executable: String, _ args: [String], in directory: String, input: [UInt8]? = nil,
        environment extra: [String: String] = [:]
    ) throws -> Started {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = gitEnvironment.merging(extra) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        let errorPath = path("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input))
            try inputPipe.fileHandleForWriting.close()
        }
        return Started(process: process, standardOutputPipe: output, errorPath: errorPath)
    }

    /// `git init` of a work tree at `root/name` on branch `main`; returns its path.
    func makeWorkTree(_ name: String = "work") throws -> String {
        let directory = path(name)
        try git(["-c", "init.defaultBranch=main", "init", "-q", directory], in: root)
        return directory
    }

    /// `git init --bare` at `root/name` on branch `main`; returns its path.
    func makeBare(_ name: String = "bare.git") throws -> String {
        let directory = path(name)
        try git(["-c", "init.defaultBranch=main", "init", "-q", "--bare", directory], in: root)
        return directory
    }

    /// Writes `bytes` to `repository/relative`, creating folders.
    func write(_ bytes: [UInt8], to relative: String, in repository: String, executable: Bool = false) throws {
        let file = "\(repository)/\(relative)"
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file)
        }
    }

    /// Writes a text file.
    func write(_ text: String, to relative: String, in repository: String, executable: Bool = false) throws {
        try write(Array(text.utf8), to: relative, in: repository, executable: executable)
    }

    /// `git add -A && git commit`; returns the new commit id.
    @discardableResult
    func commitAll(_ message: String, in repository: String) throws -> GitObjectID {
        try git(["add", "-A"], in: repository)
        try git(["commit", "-q", "--allow-empty", "-m", message], in: repository)
        return try revParse("HEAD", in: repository)
    }

    /// `git rev-parse --verify <revision>` as an object id.
    func revParse(_ revision: String, in repository: String) throws -> GitObjectID {
        let hex = try git(["rev-parse", "--verify", revision], in: repository)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let id = GitObjectID(hex: hex) else { throw ScaffoldError(description: "bad id '\(hex)'") }
        return id
    }

    /// `git ls-tree -r <tree>` as (mode, id, path) triples, in git's order.
    func lsTree(_ tree: String, in repository: String) throws -> [(mode: String, id: String, path: String)] {
        let output = try git(["ls-tree", "-r", "-z", tree], in: repository)
        return output.split(separator: "\0").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            let fields = parts[0].split(separator: " ")
            return (String(fields[0]), String(fields[2]), String(parts[1]))
        }
    }
}

/// Runs `body` and returns the `GitError` it throws, or `nil` when it does not throw one.
func gitError(_ body: () async throws -> Void) async -> GitError? {
    do {
        try await body()
        return nil
    } catch let error as GitError {
        return error
    } catch {
        return nil
    }
}

extension GitSignature {
    /// A signature for tests.
    static func test(_ name: String = "Snap Gate", time: Int64 = 1_700_000_100, offset: Int = 0) -> GitSignature {
        GitSignature(
            name: name, email: "\(name.lowercased().replacingOccurrences(of: " ", with: "."))@example.com",
            time: time, offsetMinutes: offset)
    }
}
