public import SnapgateLoader
public import SnapgateModel
public import SnapgateRules

/// One namespace's share of a pass. Every rule of SPEC.md relates objects of one namespace (a
/// Snapshot, its Components, scenarios, test runs, ReleasePlans and Releases live together), so
/// namespaces are decided independently: on every core in a full pass, and only the namespaces a
/// change touches in an incremental one (issue 5).
public struct NamespacePass: Sendable {
    /// The namespace.
    public var namespace: String
    /// The world the pass started from (the loaded objects of the namespace).
    public var initial: World
    /// What the rules did to it.
    public var reconciliation: Reconciliation
}

/// Deciding, executing and writing a pass namespace by namespace.
public enum NamespacePasses {
    /// Decides every namespace of `loaded` (and each of `extra`, even when it has no objects left:
    /// its orphaned status documents or its deletions still count) to its fixpoint, in parallel;
    /// sorted by namespace.
    public static func decide(
        _ loaded: LoadedManifests, context: RuleContext, namespaces extra: Set<String> = []
    ) -> [NamespacePass] {
        let (namespaces, pass) = passes(of: loaded, context: context, extra: extra)
        return parallelMap(namespaces, pass)
    }

    /// `decide`, then `changes`, each namespace's changes rendered right after it is decided, on
    /// the same core while its objects are in that core's cache, with no wait for the slowest
    /// namespace between the two: for a pass without an executor, whose decisions are final.
    public static func decideWithChanges(
        _ loaded: LoadedManifests, context: RuleContext, namespaces extra: Set<String> = []
    ) -> (passes: [NamespacePass], changes: [FileChange]) {
        let (namespaces, pass) = passes(of: loaded, context: context, extra: extra)
        let results = parallelMap(namespaces) { namespace in
            let decided = pass(namespace)
            return (decided, changeList(of: decided, loaded: loaded))
        }
        return (results.map(\.0), inKeyOrder(results.map(\.1), namespaces: namespaces))
    }

    /// The namespaces to decide, in order, and how to decide one.
    private static func passes(
        of loaded: LoadedManifests, context: RuleContext, extra: Set<String>
    ) -> ([String], @Sendable (String) -> NamespacePass) {
        let objects = groupedByNamespace(loaded.objects)
        let orphans = groupedByNamespace(loaded.orphanedStatusDocuments)
        let namespaces = Set(objects.keys).union(orphans.keys).union(extra).sorted()
        let defaultNamespace = loaded.config.defaultNamespace
        return (
            namespaces,
            { namespace in
                let world = World(
                    objects: objects[namespace] ?? [], orphanedStatusDocuments: orphans[namespace] ?? [],
                    defaultNamespace: defaultNamespace)
                return NamespacePass(
                    namespace: namespace, initial: world,
                    reconciliation: IntegrationService.reconcile(world, context: context))
            }
        )
    }

    /// Decide ⇄ Execute: runs the test runs each namespace's pass created with `executor`, then
    /// that namespace's rules again, until no namespace has runs waiting (boundedly: re-runs can
    /// lead to new runs). Returns the runs executed, by namespace order.
    public static func execute(
        _ passes: inout [NamespacePass], with executor: any RunExecutor
    ) async -> [(namespace: Int, key: ObjectKey)] {
        var executed: [(namespace: Int, key: ObjectKey)] = []
        for _ in 0..<8 {
            var ranAny = false
            for index in passes.indices {
                let pending = passes[index].reconciliation.pendingTestRuns
                guard !pending.isEmpty else { continue }
                ranAny = true
                let world = passes[index].reconciliation.world
                for run in await executor.execute(pending, in: world) {
                    passes[index].reconciliation.apply(run)
                    executed.append((index, run.key))
                }
                IntegrationService.run(&passes[index].reconciliation)
            }
            if !ranAny { break }
        }
        return executed
    }

    /// The file changes of every namespace's pass, relative to `loaded`, in key order; rendered
    /// on every core.
    public static func changes(of passes: [NamespacePass], loaded: LoadedManifests) -> [FileChange] {
        let perNamespace = parallelMap(passes) { changeList(of: $0, loaded: loaded) }
        return inKeyOrder(perNamespace, namespaces: passes.map(\.namespace))
    }

    /// The file changes of one namespace's pass, in key order.
    private static func changeList(of pass: NamespacePass, loaded: LoadedManifests) -> [FileChange] {
        ChangeSet.make(
            changes: pass.reconciliation.changes, after: pass.reconciliation.world,
            before: { pass.initial.object($0) }, orphan: { pass.initial.orphanedStatusDocuments[$0] },
            loaded: loaded)
    }

    /// `objects` by namespace, each list in the order of `objects`. Objects sorted by key come
    /// in runs of one namespace (per kind): one look-up a run, not one an object, on the serial
    /// stretch between loading and deciding (16,000 objects, 6,000 runs on the benchmark).
    static func groupedByNamespace(_ objects: [ManifestObject]) -> [String: [ManifestObject]] {
        var groups: [String: [ManifestObject]] = [:]
        var start = objects.startIndex
        while start < objects.endIndex {
            let namespace = objects[start].key.namespace
            var end = start + 1
            while end < objects.endIndex, objects[end].key.namespace == namespace { end += 1 }
            groups[namespace, default: []].append(contentsOf: objects[start..<end])
            start = end
        }
        return groups
    }

    /// The concatenation of `lists` sorted by key, where list `i` is sorted by key and holds keys
    /// of namespace `namespaces[i]`, the namespaces ascending. A key orders by group and kind
    /// before namespace, so the result is each list's run of the first group-kind, in namespace
    /// order, then of the next: no comparison of two keys (sorting 10,000 changes of a cold pass
    /// took ~10 ms on one core while the other waited). Anything else is sorted.
    static func inKeyOrder(_ lists: [[FileChange]], namespaces: [String]) -> [FileChange] {
        func sortedWhole() -> [FileChange] { lists.flatMap { $0 }.sorted { $0.key < $1.key } }
        let total = lists.reduce(0) { $0 + $1.count }
        var runs: [[(groupKind: GroupKind, range: Range<Int>)]] = []
        runs.reserveCapacity(lists.count)
        var groupKinds = Set<GroupKind>()
        for (list, namespace) in zip(lists, namespaces) {
            var listRuns: [(groupKind: GroupKind, range: Range<Int>)] = []
            var start = 0
            while start < list.count {
                let groupKind = list[start].key.groupKind
                var end = start
                while end < list.count, list[end].key.groupKind == groupKind {
                    guard list[end].key.namespace == namespace,
                        end == start || list[end - 1].key.name < list[end].key.name
                    else {
                        return sortedWhole()
                    }
                    end += 1
                }
                // A group-kind after another one: the list is not sorted by key.
                if let last = listRuns.last, !(last.groupKind < groupKind) {
                    return sortedWhole()
                }
                listRuns.append((groupKind, start..<end))
                groupKinds.insert(groupKind)
                start = end
            }
            runs.append(listRuns)
        }
        guard zip(namespaces, namespaces.dropFirst()).allSatisfy({ $0 < $1 }) else {
            return sortedWhole()
        }
        var result: [FileChange] = []
        result.reserveCapacity(total)
        // Each list's next run, consumed in group-kind order.
        var next = [Int](repeating: 0, count: lists.count)
        for groupKind in groupKinds.sorted() {
            for index in lists.indices {
                guard next[index] < runs[index].count, runs[index][next[index]].groupKind == groupKind else { continue }
                result.append(contentsOf: lists[index][runs[index][next[index]].range])
                next[index] += 1
            }
        }
        return result
    }
}

extension [NamespacePass] {
    /// Every finding of the rules, in namespace order.
    public var diagnostics: [Diagnostic] { flatMap(\.reconciliation.diagnostics) }
    /// Every event, in namespace order.
    public var events: [RuleEvent] { flatMap(\.reconciliation.events) }
    /// Whether a namespace's outcome follows the clock continuously.
    public var dependsOnClock: Bool { contains { $0.reconciliation.dependsOnClock } }
    /// The earliest time a time-based rule of any namespace would decide differently.
    public var wakeUp: Timestamp? { compactMap(\.reconciliation.wakeUp).min() }
}
