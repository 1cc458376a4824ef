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
        let objects = Dictionary(grouping: loaded.objects, by: \.key.namespace)
        let orphans = Dictionary(grouping: loaded.orphanedStatusDocuments, by: \.key.namespace)
        let namespaces = Set(objects.keys).union(orphans.keys).union(extra).sorted()
        let defaultNamespace = loaded.config.defaultNamespace
        return parallelMap(namespaces) { namespace in
            let world = World(
                objects: objects[namespace] ?? [], orphanedStatusDocuments: orphans[namespace] ?? [],
                defaultNamespace: defaultNamespace)
            return NamespacePass(
                namespace: namespace, initial: world,
                reconciliation: IntegrationService.reconcile(world, context: context))
        }
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
        let perNamespace = parallelMap(passes) { pass in
            ChangeSet.make(
                changes: pass.reconciliation.changes, after: pass.reconciliation.world,
                before: { pass.initial.object($0) }, orphan: { pass.initial.orphanedStatusDocuments[$0] },
                loaded: loaded)
        }
        return perNamespace.flatMap { $0 }.sorted { $0.key < $1.key }
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
