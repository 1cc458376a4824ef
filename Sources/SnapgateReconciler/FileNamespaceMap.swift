/// Which namespaces each manifest file names: the bulk of a `PassIndex` (a line per manifest).
///
/// Kept in two parts, so that a fresh process's incremental pass pays for what changed, not for
/// the size of the repository (issue 5):
/// - `groups`, the files as the index file lists them: runs of paths sharing one namespace list.
///   Read without hashing a single path, written back without grouping them again, and scanned
///   group by group (a namespace's files are found by comparing lists, not every file's).
/// - `changes`, every file set since (by `set`, or all of them for an index built from a full
///   load), by path: they override the groups.
///
/// Reading a large index into one dictionary and grouping it again to write it were most of a
/// fresh incremental pass (~20 ms of ~45 in the benchmark's 1,000-application repository).
public struct FileNamespaceMap: Sendable, Equatable {
    /// Paths that name the same namespaces, in the order they were read.
    struct Group: Sendable {
        var namespaces: Set<String>
        var paths: [String]
    }

    private(set) var groups: [Group] = []
    /// Files set since the groups were read; nil: the file is gone.
    private(set) var changes: [String: Set<String>?] = [:]
    /// Groups holding a path that `changes` overrides: only their paths are checked against it.
    private var touchedGroups: Set<Int> = []
    /// Where each grouped path is, once many grouped paths have been changed (until then each
    /// is found by a scan: a pass usually changes a handful).
    private var positions: [String: Int]?
    private var scans = 0
    private static let scansBeforeIndexing = 32

    /// An empty map.
    public init() {}

    /// A map of `files` (path → namespaces), as a full load finds them.
    public init(_ files: [String: Set<String>]) {
        changes.reserveCapacity(files.count)
        for (path, namespaces) in files { changes[path] = .some(namespaces) }
    }

    /// Appends a file read from an index file; consecutive files with an equal list share a
    /// group (`startsGroup` false), which the reader knows from the list's bytes.
    mutating func appendRead(_ path: String, namespaces: Set<String>, startsGroup: Bool) {
        if startsGroup || groups.isEmpty {
            groups.append(Group(namespaces: namespaces, paths: [path]))
        } else {
            groups[groups.count - 1].paths.append(path)
        }
    }

    /// The namespaces of `path`; nil when it is no manifest of the index.
    public func namespaces(of path: String) -> Set<String>? {
        if let changed = changes[path] { return changed }
        guard let group = group(of: path) else { return nil }
        return groups[group].namespaces
    }

    /// Sets the namespaces of `path` (nil: the file is gone).
    public mutating func set(_ path: String, namespaces: Set<String>?) {
        if changes[path] == nil, !groups.isEmpty, let group = indexedGroup(of: path) {
            touchedGroups.insert(group)
        }
        changes[path] = .some(namespaces)
    }

    /// The group holding `path` (the last, as a dictionary of the lines would keep the last).
    private func group(of path: String) -> Int? {
        if let positions { return positions[path] }
        let length = path.utf8.count
        for group in groups.indices.reversed() {
            for candidate in groups[group].paths.reversed()
            where candidate.utf8.count == length && candidate == path {
                return group
            }
        }
        return nil
    }

    /// `group(of:)`, indexing every grouped path once scans would cost more than the index.
    private mutating func indexedGroup(of path: String) -> Int? {
        if positions == nil {
            scans += 1
            if scans > Self.scansBeforeIndexing {
                var positions: [String: Int] = [:]
                for (group, members) in groups.enumerated() {
                    for member in members.paths { positions[member] = group }
                }
                self.positions = positions
            }
        }
        return group(of: path)
    }

    /// Every file with its namespaces, grouped: `body` runs for runs of paths that share their
    /// namespaces: the unchanged grouped files, group by group, then the changed ones — one
    /// path at a time, or (`groupingChanges`) gathered by their namespaces, for a writer whose
    /// reader decodes each list once per run. Files that are gone are not visited.
    func forEachGroup(groupingChanges: Bool = false, _ body: (Set<String>, _ paths: [String]) -> Void) {
        for (index, group) in groups.enumerated() {
            if touchedGroups.contains(index) {
                let kept = group.paths.filter { changes[$0] == nil }
                if !kept.isEmpty { body(group.namespaces, kept) }
            } else {
                body(group.namespaces, group.paths)
            }
        }
        guard groupingChanges else {
            for (path, namespaces) in changes {
                if let namespaces { body(namespaces, [path]) }
            }
            return
        }
        // Files naming one namespace (nearly all) are gathered by that string: hashing and
        // comparing sets as keys cost half as much again.
        var single: [String: [String]] = [:]
        var other: [Set<String>: [String]] = [:]
        for (path, namespaces) in changes {
            guard let namespaces else { continue }
            if namespaces.count == 1, let namespace = namespaces.first {
                single[namespace, default: []].append(path)
            } else {
                other[namespaces, default: []].append(path)
            }
        }
        for (namespace, paths) in single { body([namespace], paths) }
        for (namespaces, paths) in other { body(namespaces, paths) }
    }

    /// How many files the map holds (at most: a path listed twice in a hand-edited index file
    /// counts twice).
    var approximateCount: Int { groups.reduce(changes.count) { $0 + $1.paths.count } }

    /// Every file with its namespaces.
    public var dictionary: [String: Set<String>] {
        var all: [String: Set<String>] = [:]
        for group in groups {
            for path in group.paths { all[path] = group.namespaces }
        }
        for (path, namespaces) in changes { all[path] = namespaces }
        return all
    }

    public static func == (lhs: FileNamespaceMap, rhs: FileNamespaceMap) -> Bool {
        lhs.dictionary == rhs.dictionary
    }
}
