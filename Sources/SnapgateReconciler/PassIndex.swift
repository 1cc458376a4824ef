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
    public private(set) var files: [String: Set<String>] = [:]
    /// The reverse of `files`, made when a pass first needs it (a full pass never does: building
    /// it for every file of a large repository would cost a cold pass what only later ones use),
    /// then kept in step with `files`.
    private var reverse: [String: Set<String>]?
    /// The files of each namespace: the reverse of `files`.
    public var namespaceFiles: [String: Set<String>] { reverse ?? Self.reverse(of: files) }
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
        self.commit = commit
        self.tree = tree
        self.fingerprint = fingerprint
        self.config = config
        self.configBlob = configBlob
        self.patchFiles = patchFiles
        self.files = files
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
        let old: Set<String>
        if let namespaces {
            old = files.updateValue(namespaces, forKey: path) ?? []
        } else {
            old = files.removeValue(forKey: path) ?? []
        }
        guard reverse != nil, old != namespaces ?? [] else { return }
        for namespace in old {
            reverse?[namespace]?.remove(path)
            if reverse?[namespace]?.isEmpty == true { reverse?[namespace] = nil }
        }
        for namespace in namespaces ?? [] { reverse?[namespace, default: []].insert(path) }
    }

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
    public mutating func closure(
        of namespaces: Set<String>, including changed: Set<String>
    ) -> (files: [String], namespaces: Set<String>) {
        if reverse == nil { reverse = Self.reverse(of: self.files) }
        let namespaceFiles = reverse ?? [:]
        var files = changed
        var decided: Set<String> = []
        var pending = namespaces
        for path in changed { pending.formUnion(self.files[path] ?? []) }
        while let namespace = pending.popFirst() {
            guard decided.insert(namespace).inserted else { continue }
            for path in namespaceFiles[namespace] ?? [] where files.insert(path).inserted {
                for other in self.files[path] ?? [] where !decided.contains(other) { pending.insert(other) }
            }
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

    /// Records the files a commit wrote: each holds one object of its key's namespace.
    public mutating func record(_ changes: [FileChange]) {
        for change in changes {
            setFile(change.path, namespaces: change.contents == nil ? nil : [change.key.namespace])
            if change.contents == nil { fileDiagnostics[change.path] = nil }
        }
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
