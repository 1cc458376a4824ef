/// Which namespaces each manifest file names: the bulk of a `PassIndex` (a line per manifest).
///
/// Kept in two parts, so that a fresh process's incremental pass pays for what changed, not for
/// the size of the repository (issue 5):
/// - `groups`, the files as the index file lists them: runs of paths sharing one namespace list.
///   Read without hashing a single path, written back without grouping them again, and scanned
///   group by group (a namespace's files are found by comparing lists, not every file's).
/// - `changes`, every file set since (by `set`, or all of them for an index built from a full
///   load), by path, and `removed`, the grouped files gone since: they override the groups.
///
/// Reading a large index into one dictionary and grouping it again to write it were most of a
/// fresh incremental pass (~20 ms of ~45 in the benchmark's 1,000-application repository).
///
/// A path that an index file lists twice (edited by hand; snapgate writes each once) answers
/// look-ups with its last list, as a dictionary of the lines would, but is visited under both
/// lists until it is set: a namespace's closure then reads more files, never fewer.
public struct FileNamespaceMap: Sendable, Equatable {
    /// Paths that name the same namespaces, in the order they were read.
    struct Group: Sendable {
        var namespaces: Set<String>
        var paths: [String]
    }

    private(set) var groups: [Group] = []
    /// Files set since the groups were read (present ones).
    private(set) var changes: [String: Set<String>] = [:]
    /// Files of the groups that are gone since.
    private var removed: Set<String> = []
    /// Groups holding a path that `changes` overrides: only their paths are checked against it.
    private var touchedGroups: Set<Int> = []
    /// The groups holding each grouped path, once many grouped paths have been looked up (until
    /// then each is found by a scan: a pass usually changes a handful).
    private var positions: [String: [Int]]?
    private var scans = 0
    private static let scansBeforeIndexing = 32

    /// An empty map.
    public init() {}

    /// A map of `files` (path → namespaces), as a full load finds them.
    public init(_ files: [String: Set<String>]) {
        changes = files
    }

    /// Appends a file read from an index file; consecutive files with an equal list share a
    /// group (`startsGroup` false), which the reader knows from the list's bytes. Only while
    /// reading, before any change.
    mutating func appendRead(_ path: String, namespaces: Set<String>, startsGroup: Bool) {
        assert(changes.isEmpty && removed.isEmpty && positions == nil, "appendRead after a change")
        if startsGroup || groups.isEmpty {
            groups.append(Group(namespaces: namespaces, paths: [path]))
        } else {
            groups[groups.count - 1].paths.append(path)
        }
    }

    /// The namespaces of `path`; nil when it is no manifest of the index. (Mutating: after many
    /// look-ups the grouped paths are indexed, so a large diff does not scan them all each time.)
    public mutating func namespaces(of path: String) -> Set<String>? {
        if changes[path] == nil, !removed.contains(path) { indexIfScannedOften() }
        return lookUp(path)
    }

    /// `namespaces(of:)` without indexing: for the few paths already set, found by path.
    func lookUp(_ path: String) -> Set<String>? {
        if let changed = changes[path] { return changed }
        guard !removed.contains(path), let group = groups(holding: path).last else { return nil }
        return groups[group].namespaces
    }

    /// Room for `count` more files set by path (a full pass's writes: grown once, not rehashed
    /// as it fills).
    mutating func reserveCapacity(forChanges count: Int) {
        changes.reserveCapacity(changes.count + count)
    }

    /// Sets the namespaces of `path` (nil: the file is gone).
    public mutating func set(_ path: String, namespaces: Set<String>?) {
        if !groups.isEmpty {
            // The first change to a grouped file marks its groups (later ones find them marked).
            // Every group: a path listed twice (an index file edited by hand) must leave both.
            if changes[path] == nil, !removed.contains(path) {
                indexIfScannedOften()
                touchedGroups.formUnion(groups(holding: path))
            }
            if namespaces == nil { removed.insert(path) } else { removed.remove(path) }
        }
        changes[path] = namespaces
    }

    /// Counts a look-up of a grouped path and, once scans would cost more than an index of every
    /// grouped path, builds that index.
    private mutating func indexIfScannedOften() {
        guard positions == nil, !groups.isEmpty else { return }
        scans += 1
        guard scans > Self.scansBeforeIndexing else { return }
        var positions: [String: [Int]] = [:]
        for (group, members) in groups.enumerated() {
            for member in members.paths { positions[member, default: []].append(group) }
        }
        self.positions = positions
    }

    /// The groups holding `path`, ascending (a path is in one, unless an index file read listed
    /// it twice; a dictionary of the lines would keep the last).
    private func groups(holding path: String) -> [Int] {
        if let positions { return positions[path] ?? [] }
        let length = path.utf8.count
        return groups.indices.filter { group in
            groups[group].paths.contains { $0.utf8.count == length && $0 == path }
        }
    }

    /// Every file with its namespaces: `group` runs for the unchanged grouped files, group by
    /// group (paths that share their namespaces), then `file` for each changed file. Files that
    /// are gone are not visited.
    func forEach(group: (Set<String>, _ paths: [String]) -> Void, file: (Set<String>, _ path: String) -> Void) {
        for (index, members) in groups.enumerated() {
            if touchedGroups.contains(index) {
                let kept = members.paths.filter { changes[$0] == nil && !removed.contains($0) }
                if !kept.isEmpty { group(members.namespaces, kept) }
            } else {
                group(members.namespaces, members.paths)
            }
        }
        for (path, namespaces) in changes { file(namespaces, path) }
    }

    /// Every file with its namespaces in runs of paths that share them — the unchanged grouped
    /// files as they are, the changed ones gathered — for a writer whose reader decodes each
    /// list once per run.
    func forEachGroup(_ body: (Set<String>, _ paths: [String]) -> Void) {
        // Files naming one namespace (nearly all) are gathered by that string: hashing and
        // comparing sets as keys cost half as much again.
        var single: [String: [String]] = [:]
        var other: [Set<String>: [String]] = [:]
        forEach(group: body) { namespaces, path in
            if namespaces.count == 1, let namespace = namespaces.first {
                single[namespace, default: []].append(path)
            } else {
                other[namespaces, default: []].append(path)
            }
        }
        for (namespace, paths) in single { body([namespace], paths) }
        for (namespaces, paths) in other { body(namespaces, paths) }
    }

    /// Moves every file into groups (by their namespaces), as an index file read back would hold
    /// them, once many files are set by path: a namespace's files are then found by comparing
    /// each group's namespaces, not each of thousands of files' (~7 ms a round for a full load
    /// of the benchmark's 16,000 files, a pass's closure takes two or three rounds). The index
    /// does this beside the commit being written, after a full pass.
    mutating func compactIfLarge() {
        guard changes.count >= Self.compactionMinimum else { return }
        var compacted: [Group] = []
        forEachGroup { namespaces, paths in compacted.append(Group(namespaces: namespaces, paths: paths)) }
        self = FileNamespaceMap()
        groups = compacted
    }

    private static let compactionMinimum = 1024

    /// How many files the map holds (at most: a path listed twice in a hand-edited index file
    /// counts twice).
    var approximateCount: Int { groups.reduce(changes.count) { $0 + $1.paths.count } }

    /// Every file with its namespaces.
    public var dictionary: [String: Set<String>] {
        var all: [String: Set<String>] = [:]
        for group in groups {
            for path in group.paths where !removed.contains(path) { all[path] = group.namespaces }
        }
        for (path, namespaces) in changes { all[path] = namespaces }
        return all
    }

    public static func == (lhs: FileNamespaceMap, rhs: FileNamespaceMap) -> Bool {
        lhs.dictionary == rhs.dictionary
    }
}
