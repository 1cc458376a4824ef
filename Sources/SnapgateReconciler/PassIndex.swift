public import SnapgateGit
public import SnapgateLoader
public import SnapgateModel
import Synchronization

/// What the last pass over a branch knew about the branch's tree: which namespaces each manifest
/// names, the findings of each file and each namespace, and when each namespace must be decided
/// again although nothing changed. With it, the next pass reads only the files a tree diff shows
/// changed plus the other files of the namespaces those name, and decides only those namespaces
/// (issue 5: an incremental pass costs what changed, not the size of the repository).
///
/// Sound because every rule relates objects of one namespace (see `NamespacePass`): a namespace
/// whose files did not change, whose time-based deadlines have not come and whose outcome does not
/// follow the clock would decide exactly what it decided last time, which was nothing more to do.
public struct PassIndex: Sendable {
    /// What a namespace's last decision leaves for later.
    public struct NamespaceState: Sendable, Hashable {
        /// When a time-based rule would decide differently (nil: never).
        public var wakeUp: Timestamp?
        /// Whether the outcome follows the clock continuously: decided in every pass.
        public var alwaysDecide: Bool
        /// The rules' findings, reported again while the namespace is not decided again.
        public var diagnostics: [Diagnostic]

        /// Creates a namespace state.
        public init(wakeUp: Timestamp?, alwaysDecide: Bool, diagnostics: [Diagnostic]) {
            self.wakeUp = wakeUp
            self.alwaysDecide = alwaysDecide
            self.diagnostics = diagnostics
        }
    }

    /// The commit the index describes.
    public var commit: GitObjectID
    /// Its tree.
    public var tree: GitObjectID
    /// The snapgate build, settings and executor the decisions were made with.
    public var fingerprint: String
    /// The configuration in force, and the blob it was read from (nil: the defaults).
    public var config: SnapgateConfig
    public var configBlob: GitObjectID?
    /// Every manifest file, with the namespaces its documents name (empty for a file without
    /// objects, such as one that does not parse).
    public private(set) var fileMap: FileNamespaceMap
    /// `fileMap` as one dictionary, built when asked (passes do not need it: they look up the few
    /// files that changed and `closure` scans the map's groups).
    public var files: [String: Set<String>] { fileMap.dictionary }
    /// The files of each namespace: the reverse of `files`, derived when asked.
    public var namespaceFiles: [String: Set<String>] { Self.reverse(of: files) }
    /// Files kustomizations name as patches (never objects).
    public var patchFiles: Set<String>
    /// The loader's findings, by file (the configuration's under its own path).
    public var fileDiagnostics: [String: [Diagnostic]] = [:]
    /// Each namespace's last decision.
    public private(set) var namespaces: [String: NamespaceState] = [:]
    /// The namespaces with a deadline, that are always decided, or with findings: the few a pass
    /// that changes nothing looks at, so it does not visit every namespace of a large repository.
    private var notable: Set<String> = []

    /// Creates an index from a full load of `commit`.
    public init(
        commit: GitObjectID, tree: GitObjectID, fingerprint: String, config: SnapgateConfig,
        configBlob: GitObjectID?, patchFiles: Set<String>, files: [String: Set<String>] = [:]
    ) {
        self.init(
            commit: commit, tree: tree, fingerprint: fingerprint, config: config, configBlob: configBlob,
            patchFiles: patchFiles, fileMap: FileNamespaceMap(files))
    }

    /// Creates an index whose files are `fileMap` (an index file's, as read).
    init(
        commit: GitObjectID, tree: GitObjectID, fingerprint: String, config: SnapgateConfig,
        configBlob: GitObjectID?, patchFiles: Set<String>, fileMap: FileNamespaceMap
    ) {
        self.commit = commit
        self.tree = tree
        self.fingerprint = fingerprint
        self.config = config
        self.configBlob = configBlob
        self.patchFiles = patchFiles
        self.fileMap = fileMap
    }

    /// Matches namespace names against a set: by comparison when the set is small (no hashing of
    /// each candidate), by lookup otherwise.
    private struct NamespaceMatcher {
        let few: [String]?
        let all: Set<String>

        init(_ names: Set<String>) {
            all = names
            few = names.count <= 8 ? Array(names) : nil
        }

        func matches(_ name: String) -> Bool {
            if let few { return few.contains(name) }
            return all.contains(name)
        }
    }

    private static func reverse(of files: [String: Set<String>]) -> [String: Set<String>] {
        var reverse: [String: Set<String>] = [:]
        for (path, namespaces) in files {
            for namespace in namespaces { reverse[namespace, default: []].insert(path) }
        }
        return reverse
    }

    /// Sets the namespaces of `path` (nil: the file is gone).
    public mutating func setFile(_ path: String, namespaces: Set<String>?) {
        fileMap.set(path, namespaces: namespaces)
    }

    /// The namespaces `path` names; nil when it is no manifest of the index.
    public mutating func namespaces(ofFile path: String) -> Set<String>? { fileMap.namespaces(of: path) }

    /// Replaces the loader findings of `paths` with `diagnostics` (grouped by their paths).
    public mutating func replaceFileDiagnostics(of paths: some Sequence<String>, with diagnostics: [Diagnostic]) {
        for path in paths { fileDiagnostics[path] = nil }
        for diagnostic in diagnostics { fileDiagnostics[diagnostic.path, default: []].append(diagnostic) }
    }

    /// Sets (nil: forgets) the last decision of `namespace`.
    public mutating func setNamespace(_ namespace: String, _ state: NamespaceState?) {
        namespaces[namespace] = state
        if let state, state.wakeUp != nil || state.alwaysDecide || !state.diagnostics.isEmpty {
            notable.insert(namespace)
        } else {
            notable.remove(namespace)
        }
    }

    /// The namespaces to decide at `now` although none of their files changed.
    public func dueNamespaces(at now: Timestamp) -> Set<String> {
        notable.filter { name in
            guard let state = namespaces[name] else { return false }
            return state.alwaysDecide || state.wakeUp.map { $0 <= now } == true
        }
    }

    /// The files to read so that every namespace in `namespaces` is seen whole: `changed` (files
    /// already recorded with `setFile`), the files of those namespaces, and, because a file read
    /// is read whole, the files of every namespace those name too, until nothing is added.
    /// Returns the files (sorted by path) and the namespaces (grown).
    ///
    /// The files of a namespace are found by scanning the file map once per round of growth
    /// rather than through a reverse map: a change concerns one or two namespaces, and comparing
    /// each group's namespaces with those costs a fraction of what hashing every path into a
    /// reverse map costs (the map made a fresh process's incremental pass pay for the whole
    /// repository).
    public func closure(
        of namespaces: Set<String>, including changed: Set<String>
    ) -> (files: [String], namespaces: Set<String>) {
        var files = changed
        var decided: Set<String> = []
        var frontier = namespaces
        // The changed files are set already (`setFile`): found by path, not by a scan.
        for path in changed { frontier.formUnion(fileMap.lookUp(path) ?? []) }
        while !frontier.isEmpty {
            decided.formUnion(frontier)
            let wanted = NamespaceMatcher(frontier)
            var next: Set<String> = []
            fileMap.forEach(
                group: { named, paths in
                    guard named.contains(where: wanted.matches) else { return }
                    var added = false
                    for path in paths where files.insert(path).inserted { added = true }
                    guard added else { return }
                    for other in named where !decided.contains(other) { next.insert(other) }
                },
                file: { named, path in
                    guard named.contains(where: wanted.matches), files.insert(path).inserted else { return }
                    for other in named where !decided.contains(other) { next.insert(other) }
                })
            frontier = next
        }
        return (files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, decided)
    }

    /// Every finding the index holds: the loader's and the rules', sorted.
    public var diagnostics: [Diagnostic] {
        (fileDiagnostics.values.flatMap { $0 } + notable.flatMap { namespaces[$0]?.diagnostics ?? [] }).sorted()
    }

    /// The earliest deadline of any namespace.
    public var wakeUp: Timestamp? { notable.compactMap { namespaces[$0]?.wakeUp }.min() }

    /// Whether some namespace is decided in every pass.
    public var hasAlwaysDecided: Bool { notable.contains { namespaces[$0]?.alwaysDecide == true } }

    /// Records the decisions of `passes`.
    public mutating func record(_ passes: [NamespacePass]) {
        for pass in passes {
            let reconciliation = pass.reconciliation
            let state = NamespaceState(
                wakeUp: reconciliation.wakeUp, alwaysDecide: reconciliation.dependsOnClock,
                diagnostics: reconciliation.diagnostics)
            setNamespace(pass.namespace, state)
        }
    }

    /// Records the files a commit wrote: each holds one object of its key's namespace. (After a
    /// full pass the files are then grouped by namespaces, for the next pass's closure.)
    public mutating func record(_ changes: [FileChange]) {
        fileMap.reserveCapacity(forChanges: changes.count)
        // Changes come in key order, a namespace's of one kind together: one set for each run.
        var last: (namespace: String, set: Set<String>)?
        for change in changes {
            guard change.contents != nil else {
                setFile(change.path, namespaces: nil)
                fileDiagnostics[change.path] = nil
                continue
            }
            let namespace = change.key.namespace
            if last?.namespace != namespace { last = (namespace, [namespace]) }
            setFile(change.path, namespaces: last?.set)
        }
        fileMap.compactIfLarge()
    }
}

/// The indexes of a reconciler's branches, kept between its passes.
public final class PassIndexStore: Sendable {
    private let indexes = Mutex<[String: PassIndex]>([:])

    /// Creates an empty store.
    public init() {}

    /// The index of `branch`.
    public func index(of branch: String) -> PassIndex? { indexes.withLock { $0[branch] } }

    /// Removes and returns the index of `branch`, so the caller holds the only reference and can
    /// change it in place (a copy of a large index per pass would cost what the index saves).
    public func take(_ branch: String) -> PassIndex? { indexes.withLock { $0.removeValue(forKey: branch) } }

    /// Replaces the index of `branch` (nil forgets it).
    public func store(_ index: PassIndex?, for branch: String) { indexes.withLock { $0[branch] = index } }
}
