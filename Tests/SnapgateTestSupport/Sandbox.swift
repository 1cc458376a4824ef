public import Foundation
public import SnapgateGit

/// A failure of the test scaffolding itself (a `git` command that did not succeed).
public struct ScaffoldError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
}

/// A temporary directory for one test, with helpers that drive the real `git` command line.
/// Removed when the sandbox goes away.
public final class Sandbox: Sendable {
    /// Absolute path of the directory.
    public let root: String

    /// Creates an empty temporary directory.
    public init() throws {
        let base = FileManager.default.temporaryDirectory.path
        root = "\(base)/snapgate-git-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// `root/relative`.
    public func path(_ relative: String) -> String { "\(root)/\(relative)" }

    /// The environment every `git` command runs with: fixed identities and dates, no system or
    /// user configuration from the machine.
    public var gitEnvironment: [String: String] {
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
    public func git(_ args: [String], in directory: String, input: [UInt8]? = nil) throws -> String {
        try run("/usr/bin/git", args, in: directory, input: input)
    }

    /// Runs a program and returns its standard output; throws when it exits non-zero.
    @discardableResult
    public func run(
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
    public struct Started {
        public var process: Process
        public var standardOutputPipe: Pipe
        public var errorPath: String
    }

    /// Starts a program without waiting for it.
    public func start(
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
    public func makeWorkTree(_ name: String = "work") throws -> String {
        let directory = path(name)
        try git(["-c", "init.defaultBranch=main", "init", "-q", directory], in: root)
        return directory
    }

    /// `git init --bare` at `root/name` on branch `main`; returns its path.
    public func makeBare(_ name: String = "bare.git") throws -> String {
        let directory = path(name)
        try git(["-c", "init.defaultBranch=main", "init", "-q", "--bare", directory], in: root)
        return directory
    }

    /// Writes `bytes` to `repository/relative`, creating folders.
    public func write(_ bytes: [UInt8], to relative: String, in repository: String, executable: Bool = false) throws {
        let file = "\(repository)/\(relative)"
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file)
        }
    }

    /// Writes a text file.
    public func write(_ text: String, to relative: String, in repository: String, executable: Bool = false) throws {
        try write(Array(text.utf8), to: relative, in: repository, executable: executable)
    }

    /// `git add -A && git commit`; returns the new commit id.
    @discardableResult
    public func commitAll(_ message: String, in repository: String) throws -> GitObjectID {
        try git(["add", "-A"], in: repository)
        try git(["commit", "-q", "--allow-empty", "-m", message], in: repository)
        return try revParse("HEAD", in: repository)
    }

    /// `git rev-parse --verify <revision>` as an object id.
    public func revParse(_ revision: String, in repository: String) throws -> GitObjectID {
        let hex = try git(["rev-parse", "--verify", revision], in: repository)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let id = GitObjectID(hex: hex) else { throw ScaffoldError(description: "bad id '\(hex)'") }
        return id
    }

    /// `git ls-tree -r <tree>` as (mode, id, path) triples, in git's order.
    public func lsTree(_ tree: String, in repository: String) throws -> [(mode: String, id: String, path: String)] {
        let output = try git(["ls-tree", "-r", "-z", tree], in: repository)
        return output.split(separator: "\0").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            let fields = parts[0].split(separator: " ")
            return (String(fields[0]), String(fields[2]), String(parts[1]))
        }
    }

    /// A work tree at `root/name` holding `files` (path → text), committed on `main`; with
    /// `bare`, a bare clone of it at `root/name.git` instead. Returns the repository's path.
    public func makeRepository(_ files: [String: String], named name: String = "repo", bare: Bool = false) throws
        -> String
    {
        let work = try makeWorkTree(name)
        for (relative, text) in files {
            try write(text, to: relative, in: work)
        }
        try commitAll("manifests", in: work)
        guard bare else { return work }
        let bareCopy = path("\(name).git")
        try git(["clone", "-q", "--bare", work, bareCopy], in: root)
        return bareCopy
    }

    /// A work tree at `root/name` holding a copy of the directory `source`, committed on `main`.
    public func makeRepository(copying source: URL, named name: String = "repo") throws -> String {
        let work = path(name)
        try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: work))
        try git(["-c", "init.defaultBranch=main", "init", "-q", work], in: root)
        try commitAll("manifests", in: work)
        return work
    }

    /// Runs a program to completion and returns its exit status and output, whatever the status.
    public func execute(
        _ executable: String, _ args: [String], in directory: String? = nil, environment extra: [String: String] = [:]
    ) throws -> ProgramResult {
        let started = try start(executable, args, in: directory ?? root, environment: extra)
        let output = started.standardOutputPipe.fileHandleForReading.readDataToEndOfFile()
        started.process.waitUntilExit()
        let errors = (try? String(contentsOfFile: started.errorPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: started.errorPath)
        return ProgramResult(
            status: started.process.terminationStatus, stdout: String(decoding: output, as: UTF8.self), stderr: errors)
    }
}

/// What a program did: its exit status and everything it printed.
public struct ProgramResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}
