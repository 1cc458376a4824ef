import Foundation
public import SnapgateGit
public import SnapgateModel
import SnapgateYAML
import Synchronization

/// Parsed blobs by blob id: a blob's parse never changes, so a new commit costs only the
/// blobs it changed.
public final class ParseCache: Sendable {
    private let blobs = Mutex<[GitObjectID: ParsedBlob]>([:])
    private let analyses = Mutex<[AnalysisKey: FileAnalysis]>([:])

    /// Whether anything is kept: a process that loads once (a command) has no use for a cache,
    /// and filling one costs time and memory.
    public let isEnabled: Bool

    /// Creates an empty cache; a disabled one keeps nothing.
    public init(enabled: Bool = true) { isEnabled = enabled }

    func blob(for id: GitObjectID) -> ParsedBlob? { isEnabled ? blobs.withLock { $0[id] } : nil }

    func store(_ blob: ParsedBlob, for id: GitObjectID) {
        if isEnabled { blobs.withLock { $0[id] = blob } }
    }

    func analysis(for key: AnalysisKey) -> FileAnalysis? { isEnabled ? analyses.withLock { $0[key] } : nil }

    func store(_ analysis: FileAnalysis, for key: AnalysisKey) {
        if isEnabled { analyses.withLock { $0[key] = analysis } }
    }

    /// How many blobs are cached.
    public var count: Int { blobs.withLock { $0.count } }
}

/// What a file's analysis depends on: its bytes, its path (diagnostics name it; owned or not) and
/// the namespace of documents that name none.
struct AnalysisKey: Hashable, Sendable {
    var blob: GitObjectID
    var path: String
    var defaultNamespace: String
}

/// Reads the manifests of a commit from a repository: tree walk, blobs, YAML, objects.
public struct RepositoryLoader: Sendable {
    public let repository: GitRepository
    public let cache: ParseCache
    /// Handles on `repository` for every core.
    let pool: ReaderPool

    /// Creates a loader over `repository`, sharing `cache` between loads.
    public init(repository: GitRepository, cache: ParseCache = ParseCache()) {
        self.repository = repository
        self.cache = cache
        self.pool = ReaderPool(repository: repository)
    }

    /// Loads every manifest of `commit`.
    public func load(commit: GitObjectID) async throws(GitError) -> LoadedManifests {
        let listing = try await list(commit: commit)
        return try await load(listing.manifests, listing: listing, withNamespaces: false).manifests
    }

    /// The tree of `commit`: every file, the configuration in force and which files it makes
    /// manifests. Reads only `.snapgate.yaml`.
    public func list(commit: GitObjectID) async throws(GitError) -> TreeListing {
        let tree = try await repository.commitInfo(commit).tree
        let entries = try await PhaseTrace.measure("list tree") { () async throws(GitError) in
            try await repository.listTree(tree)
        }
        return try await listing(tree: tree, entries: entries)
    }

    /// The configuration of `tree` (whose files are `entries`, possibly a subset that holds the
    /// configuration file when the tree does) and the manifests among `entries`.
    public func listing(tree: GitObjectID, entries: [GitTreeEntry]) async throws(GitError) -> TreeListing {
        var config = SnapgateConfig.default
        var configDiagnostics: [Diagnostic] = []
        let configEntry = entries.first(where: { $0.path == SnapgateConfig.fileName })
        if let configEntry {
            let bytes = try await repository.readBlob(configEntry.id)
            (config, configDiagnostics) = SnapgateConfig.parse(bytes)
        }
        let manifests = entries.filter { config.isManifestEntry($0) }
        return TreeListing(
            tree: tree, config: config, configBlob: configEntry?.id, configDiagnostics: configDiagnostics,
            manifests: manifests)
    }

    /// Loads the manifests `entries` (a subset of `listing`'s, or all of them) under the
    /// listing's configuration, and (unless `withNamespaces` is false: then none are listed) says
    /// which namespaces each file's documents name.
    public func load(
        _ entries: [GitTreeEntry], listing: TreeListing, withNamespaces: Bool = true
    ) async throws(GitError) -> LoadedFiles {
        let files = try await PhaseTrace.measure("read and parse") { () async throws(GitError) in
            try await parse(entries, analyzingWith: listing.config, findingNamespaces: withNamespaces)
        }
        // The parsed files (every manifest's bytes and tree) are freed off this path, or not at all
        // by a command that exits next: freeing them piece by piece takes as long as assembling.
        defer { BackgroundRelease.drop(files) }
        let config = listing.config
        let patchFiles = ManifestAssembler.patchFiles(in: files)
        // The map of every file's namespaces (a path hashed per file: ~5 ms in a cold pass of the
        // benchmark) is built on another core while this one assembles, which leaves it idle.
        let mapping = Task.detached { () -> [String: Set<String>] in
            guard withNamespaces else { return [:] }
            return Self.namespaces(of: files, patchFiles: patchFiles, defaultNamespace: config.defaultNamespace)
        }
        let manifests = PhaseTrace.measure("assemble") {
            ManifestAssembler.assemble(
                files, config: config, extraDiagnostics: listing.configDiagnostics, cache: cache, patches: patchFiles)
        }
        return LoadedFiles(manifests: manifests, namespaces: await mapping.value, patchFiles: patchFiles)
    }

    /// Each file's namespaces by path (the first of a repeated path wins).
    private static func namespaces(
        of files: [ParsedFile], patchFiles: Set<String>, defaultNamespace: String
    ) -> [String: Set<String>] {
        var namespaces: [String: Set<String>] = [:]
        namespaces.reserveCapacity(files.count)
        for file in files where namespaces[file.path] == nil {
            // Patch files hold no objects: a change to one concerns no namespace.
            namespaces[file.path] =
                patchFiles.contains(file.path)
                ? [] : file.namespaces ?? FileNamespaces.of(file, defaultNamespace: defaultNamespace)
        }
        return namespaces
    }

    /// The namespaces the documents of each of `entries` name (parsed through the cache).
    public func namespaces(
        of entries: [GitTreeEntry], config: SnapgateConfig
    ) async throws(GitError) -> [String: Set<String>] {
        let files = try await parse(entries)
        var result: [String: Set<String>] = [:]
        for file in files { result[file.path] = FileNamespaces.of(file, defaultNamespace: config.defaultNamespace) }
        return result
    }

    /// Parses the given tree entries, reusing cached parses and parsing the rest on every core
    /// (analysing each under `config` too, when given, and finding its namespaces if asked).
    private func parse(
        _ entries: [GitTreeEntry], analyzingWith config: SnapgateConfig? = nil, findingNamespaces: Bool = false
    ) async throws(GitError) -> [ParsedFile] {
        if !cache.isEnabled {
            // Nothing to look up or store: the workers' results are the answer, in order.
            return try await PhaseTrace.measure("read blobs and parse") { () async throws(GitError) in
                try await readAndParse(entries, analyzingWith: config, findingNamespaces: findingNamespaces)
            }
        }
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
            let parsed = try await PhaseTrace.measure("read blobs and parse") { () async throws(GitError) in
                try await readAndParse(
                    missing.map { entries[$0] }, analyzingWith: config, findingNamespaces: findingNamespaces)
            }
            for (index, file) in zip(missing, parsed) {
                cache.store(file.blob, for: entries[index].id)
                results[index] = file
            }
        }
        return results.compactMap { $0 }
    }

    /// From this many files on, a load reads blobs through snapgate's pack reader.
    static let packReaderThreshold = 256

    /// Reads and parses `entries` on every core, in input order. Each worker reads through its own
    /// pack cursor (large loads) and its own handle on the repository (`ReaderPool`), so inflating
    /// blobs overlaps with parsing them instead of preceding it.
    /// With `config`, each file is also analysed (decoded and schema-checked) right after it is
    /// parsed, by the same worker: one pass over the files instead of two; with
    /// `findingNamespaces` too, the namespaces its documents name are found there as well.
    private func readAndParse(
        _ entries: [GitTreeEntry], analyzingWith config: SnapgateConfig?, findingNamespaces: Bool
    ) async throws(GitError) -> [ParsedFile] {
        let readers = pool.readers(for: entries.count, minimumShare: 256)
        // Opening the packs (mapping them, ordering their entries) costs a few milliseconds: worth
        // it for a full load, not for the few files of an incremental pass.
        let packs = entries.count >= Self.packReaderThreshold ? await pool.packReader() : nil
        let batch = 64
        let batches = (entries.count + batch - 1) / batch
        // Batches are claimed one at a time, not dealt in advance (see `Claims`).
        let claims = Claims(count: batches)
        // Each file is parsed straight into its slot (slots are disjoint between workers), so
        // no file is copied on its way to the result.
        let output = ResultSlots<ParsedFile>(count: entries.count)
        let failure = await withTaskGroup(of: GitError?.self) { group in
            for reader in readers {
                group.addTask {
                    // Blobs come from the packs through this worker's own cursor; libgit2 reads
                    // what the packs do not hold (loose objects) and reports what is wrong.
                    let cursor = packs?.cursor()
                    while true {
                        guard let claimed = claims.next() else { return nil }
                        let slots = (claimed * batch)..<min((claimed + 1) * batch, entries.count)
                        var blobs = slots.map { cursor?.readBlob(entries[$0].id) }
                        let missing = blobs.indices.filter { blobs[$0] == nil }
                        do throws(GitError) {
                            if !missing.isEmpty {
                                let read = try await reader.readBlobs(missing.map { entries[slots.lowerBound + $0].id })
                                for (position, bytes) in zip(missing, read) { blobs[position] = bytes }
                            }
                        } catch {
                            // The other workers stop at their next claim.
                            claims.stop()
                            return error
                        }
                        for (slot, bytes) in zip(slots, blobs) {
                            var file = ParsedFile(path: entries[slot].path, bytes: bytes ?? [])
                            file.blobID = entries[slot].id
                            if let config {
                                file.analysis = ManifestAssembler.analyze(file, config: config)
                                if findingNamespaces {
                                    file.namespaces = FileNamespaces.of(file, defaultNamespace: config.defaultNamespace)
                                }
                            }
                            output.store(file, at: slot)
                        }
                    }
                }
            }
            var failure: GitError?
            for await error in group { failure = failure ?? error }
            return failure
        }
        // The pack pages read count as this process's memory until given back (~3 MB in a cold
        // pass of the benchmark, whose peak comes later).
        packs?.releasePages()
        if let failure { throw failure }
        return output.take()
    }
}

/// A commit's tree as the loader sees it before reading any manifest.
public struct TreeListing: Sendable {
    /// Creates a listing.
    public init(
        tree: GitObjectID, config: SnapgateConfig, configBlob: GitObjectID?, configDiagnostics: [Diagnostic],
        manifests: [GitTreeEntry]
    ) {
        self.tree = tree
        self.config = config
        self.configBlob = configBlob
        self.configDiagnostics = configDiagnostics
        self.manifests = manifests
    }

    /// The tree.
    public var tree: GitObjectID
    /// The configuration in force (the tree's `.snapgate.yaml`, or the defaults).
    public var config: SnapgateConfig
    /// The blob of `.snapgate.yaml`; nil when the tree has none.
    public var configBlob: GitObjectID?
    /// What is wrong with `.snapgate.yaml`.
    public var configDiagnostics: [Diagnostic]
    /// The files that are manifests under `config`, sorted by path.
    public var manifests: [GitTreeEntry]
}

/// Manifests loaded from some or all files of a tree, with what the incremental passes need.
public struct LoadedFiles: Sendable {
    /// The objects and diagnostics.
    public var manifests: LoadedManifests
    /// For each file read, the namespaces its documents name (a document without one names the
    /// default namespace; a patch file names none): a change to the file can concern only those
    /// namespaces.
    public var namespaces: [String: Set<String>]
    /// The files that kustomizations among the files read name as patches (not objects).
    public var patchFiles: Set<String>
}

/// The namespaces a file's documents name.
public enum FileNamespaces {
    /// Every `metadata.namespace` of `file`'s documents that are mappings, the default namespace
    /// for those that name none. Documents of any kind count: an over-approximation is safe (a
    /// namespace decided again decides the same), an under-approximation would miss a change.
    public static func of(_ file: ParsedFile, defaultNamespace: String) -> Set<String> {
        var namespaces: Set<String> = []
        for document in file.stream.documents {
            guard let root = document.root, case .mapping = root.content else { continue }
            let namespace = root["metadata"]?["namespace"]?.string ?? ""
            namespaces.insert(namespace.isEmpty ? defaultNamespace : namespace)
        }
        return namespaces
    }
}
