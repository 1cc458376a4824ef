import Foundation

/// Why the benchmark cannot run at all (a missing tool, header or file): one clear line.
struct SetupError: Error, CustomStringConvertible {
    var description: String
}

/// Where things are: the package, the shared benchmark material, the programs under test.
struct Locations: Sendable {
    /// The snapgate package root (the folder with `Package.swift`), when one is found.
    var packageRoot: URL?
    /// `genrepo.py` in the shared folder.
    var genrepo: URL
    /// `floor.c` in the shared folder.
    var floorSource: URL
    /// The `snapgate` executable that is measured.
    var snapgate: URL

    /// Finds everything, from the options or the defaults: the shared folder is `../shared`
    /// relative to the package root (found above this executable or the current directory), or
    /// to the current directory; `snapgate` is this executable's sibling.
    static func find(shared: String?, snapgate: String?) throws -> Locations {
        let fileManager = FileManager.default
        let current = URL(fileURLWithPath: fileManager.currentDirectoryPath)
        let executable = benchExecutable()
        let root = packageRoot(above: executable.deletingLastPathComponent()) ?? packageRoot(above: current)

        let sharedCandidates: [URL]
        if let shared {
            sharedCandidates = [URL(fileURLWithPath: shared, relativeTo: current).standardizedFileURL]
        } else {
            sharedCandidates = [root, current].compactMap {
                $0?.appendingPathComponent("../shared").standardizedFileURL
            }
        }
        guard
            let sharedDirectory = sharedCandidates.first(where: {
                fileManager.fileExists(atPath: $0.appendingPathComponent("bench/genrepo.py").path)
            })
        else {
            let tried = sharedCandidates.map { $0.appendingPathComponent("bench/genrepo.py").path }
            throw SetupError(
                description: "cannot find genrepo.py (tried \(tried.joined(separator: ", "))); use --shared DIR")
        }
        let bench = sharedDirectory.appendingPathComponent("bench")
        let floorSource = bench.appendingPathComponent("floor.c")
        guard fileManager.fileExists(atPath: floorSource.path) else {
            throw SetupError(description: "cannot find \(floorSource.path)")
        }

        let snapgateURL =
            snapgate.map { URL(fileURLWithPath: $0, relativeTo: current).standardizedFileURL }
            ?? executable.deletingLastPathComponent().appendingPathComponent("snapgate")
        guard fileManager.isExecutableFile(atPath: snapgateURL.path) else {
            throw SetupError(
                description: "no snapgate executable at \(snapgateURL.path); build it or use --snapgate PATH")
        }
        return Locations(
            packageRoot: root, genrepo: bench.appendingPathComponent("genrepo.py"), floorSource: floorSource,
            snapgate: snapgateURL)
    }

    /// This executable's path, symbolic links resolved.
    static func benchExecutable() -> URL {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                return URL(fileURLWithPath: path)
            }
        #endif
        if let path = Bundle.main.executablePath { return URL(fileURLWithPath: path).resolvingSymlinksInPath() }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    }

    /// The nearest folder at or above `start` that holds a `Package.swift`.
    static func packageRoot(above start: URL) -> URL? {
        var directory = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }
}

/// Checks that the tools the benchmark needs are installed, with one clear line when not.
func checkPrerequisites(_ spawner: Spawner) throws {
    for (tool, purpose) in [
        ("python3", "to generate repositories with genrepo.py"), ("git", "genrepo.py and the new build commits"),
        ("cc", "to build floor.c"), ("pkg-config", "to find libgit2 and libyaml for floor.c"),
    ] {
        guard (try? spawner.run("sh", ["-c", "command -v \(tool)"]))?.status == 0 else {
            throw SetupError(description: "\(tool) is not installed (needed \(purpose))")
        }
    }
    let packages = try spawner.run("pkg-config", ["--exists", "libgit2", "yaml-0.1"])
    guard packages.status == 0 else {
        throw SetupError(
            description: "libgit2 or libyaml headers are missing (pkg-config libgit2 yaml-0.1 failed): "
                + "install libgit2-dev and libyaml-dev")
    }
}
