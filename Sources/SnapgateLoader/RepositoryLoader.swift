import Foundation
public import SnapgateGit
import SnapgateModel
import SnapgateYAML
import Synchronization

/// Parsed blobs by blob id: a blob's parse never changes, so a new commit costs only the
/// blobs it changed.
public final class ParseCache: Sendable {
    private let blobs = Mutex<[GitObjectID: ParsedBlob]>([:])
    private let analyses = Mutex<[String: FileAnalysis]>([:])

    /// Creates an empty cache.
    public init() {}

    func blob(for id: GitObjectID) -> ParsedBlob? { blobs.withLock { $0[id] } }

    func store(_ blob: ParsedBlob, for id: GitObjectID) { blobs.withLock { $0[id] = blob } }

    func analysis(for key: String) -> FileAnalysis? { analyses.withLock { $0[key] } }

    func store(_ analysis: FileAnalysis, for key: String) { analyses.withLock { $0[key] = analysis } }

    /// How many blobs are cached.
    public var count: Int { blobs.withLock { $0.count } }
}

/// Reads the manifests of a commit from a repository: tree walk, blobs, YAML, objects.
public struct RepositoryLoader: Sendable {
    public let repository: GitRepository
    public let cache: ParseCache

    /// Creates a loader over `repository`, sharing `cache` between loads.
    public init(repository: GitRepository, cache: ParseCache = ParseCache()) {
        self.repository = repository
        self.cache = cache
    }

    /// Loads every manifest of `commit`.
    public func load(commit: GitObjectID) async throws(GitError) -> LoadedManifests {
        let tree = try await repository.commitInfo(commit).tree
        let entries = try await PhaseTrace.measure("list tree") { () async throws(GitError) in
            try await repository.listTree(tree)
        }

        var config = SnapgateConfig.default
        var configDiagnostics: [Diagnostic] = []
        if let entry = entries.first(where: { $0.path == SnapgateConfig.fileName }) {
            let bytes = try await repository.readBlob(entry.id)
            (config, configDiagnostics) = SnapgateConfig.parse(bytes)
        }

        let manifests = entries.filter { entry in
            (entry.mode == .blob || entry.mode == .executable) && entry.path != SnapgateConfig.fileName
                && config.isManifest(entry.path)
        }
        let files = try await PhaseTrace.measure("read and parse") { () async throws(GitError) in
            try await parse(manifests)
        }
        return PhaseTrace.measure("assemble") {
            ManifestAssembler.assemble(files, config: config, extraDiagnostics: configDiagnostics, cache: cache)
        }
    }

    /// Parses the given tree entries, reusing cached parses and parsing the rest on every core.
    private func parse(_ entries: [GitTreeEntry]) async throws(GitError) -> [ParsedFile] {
        var results = [ParsedFile?](repeating: nil, count: entries.count)
        var missing: [Int] = []
        for (index, entry) in entries.enumerated() {
            if let blob = cache.blob(for: entry.id) {
                results[index] = ParsedFile(path: entry.path, blob: blob, blobID: entry.id)
            } else {
                missing.append(index)
            }
        }
        if !missing.isEmpty {
            let blobs = try await PhaseTrace.measure("read blobs") { () async throws(GitError) in
                try await repository.readBlobs(missing.map { entries[$0].id })
            }
            let pending = missing
            let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, missing.count / 64 + 1))
            let parsed = await withTaskGroup(of: [(Int, ParsedFile)].self) { group in
                for worker in 0..<workers {
                    group.addTask {
                        stride(from: worker, to: pending.count, by: workers).map { slot in
                            (pending[slot], ParsedFile(path: entries[pending[slot]].path, bytes: blobs[slot]))
                        }
                    }
                }
                var all: [(Int, ParsedFile)] = []
                for await chunk in group { all += chunk }
                return all
            }
            for (index, file) in parsed {
                cache.store(file.blob, for: entries[index].id)
                results[index] = ParsedFile(path: file.path, blob: file.blob, blobID: entries[index].id)
            }
        }
        return results.compactMap { $0 }
    }
}
