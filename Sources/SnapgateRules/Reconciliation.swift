public import SnapgateModel
public import SnapgateNode

/// What a pass did to an object, relative to the world it started from.
public enum ChangeKind: String, Sendable, Hashable {
    case create
    case update
    case delete
}

/// A line for the audit log: what happened, and the commit trailers that record it.
public struct RuleEvent: Sendable, Hashable {
    /// One short sentence (`created Snapshot shop-20251109-130405-123 for build frontend-on-push-x2b4`).
    public var summary: String
    /// `Snapgate-Snapshot: <name>` and the like, in order.
    public var trailers: [Trailer]

    /// A `key: value` commit trailer.
    public struct Trailer: Sendable, Hashable {
        public var key: String
        public var value: String

        /// Creates a trailer.
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Creates an event.
    public init(_ summary: String, trailers: [Trailer] = []) {
        self.summary = summary
        self.trailers = trailers
    }
}

/// The state of one reconcile pass: the world as the rules have changed it so far, what changed,
/// and what they found. Rules read `world` and call the mutating methods; every change is visible
/// to the rules that run after it (as writes to an API server are).
public struct Reconciliation: Sendable {
    /// The world as it is now, with every change of this pass applied.
    public private(set) var world: World
    /// The clock and settings.
    public let context: RuleContext
    /// Objects created, updated or deleted, relative to the starting world.
    public private(set) var changes: [ObjectKey: ChangeKind] = [:]
    /// Problems the rules found (invalid scenarios, unreadable results, …), positioned at the
    /// object they concern.
    public private(set) var diagnostics: [Diagnostic] = []
    /// What happened, in order.
    public private(set) var events: [RuleEvent] = []
    /// Bumped by every effective change, so a fixpoint loop can tell whether a round did anything.
    public private(set) var revision = 0
    /// The earliest later time at which a time-based rule could decide differently on the same
    /// world (a build's Chains window closing, say); nil when none would. A pass over an unchanged
    /// branch before this time has nothing to do.
    public private(set) var wakeUp: Timestamp?
    /// Whether some rule's outcome depends on the clock in ways a deadline cannot capture (an
    /// auto-release expression reading `now`): then no pass can be skipped.
    public private(set) var dependsOnClock = false

    private let initialKeys: Set<ObjectKey>

    /// Starts a pass over `world`.
    public init(world: World, context: RuleContext) {
        self.world = world
        self.context = context
        self.initialKeys = Set(world.objects.keys)
    }

    /// The time of this pass.
    public var now: Timestamp { context.now }

    /// Creates an object from its complete document, stamping `metadata.creationTimestamp` with
    /// the pass's clock when absent; returns its key, or nil (with a diagnostic) when an object
    /// with that key exists already or the document is not a readable object.
    @discardableResult
    public mutating func create(_ node: YAMLNode) -> ObjectKey? {
        // The API server stamps creationTimestamp on create; rules (§6.3 ordering, CEL
        // expressions on `snapshot.metadata.creationTimestamp`) read it, so snapgate stamps it too.
        var created = node
        if node.mapping("metadata")?["creationTimestamp"] == nil {
            created = node.setting(path: ["metadata", "creationTimestamp"], to: .string(now.rfc3339))
        }
        guard let decoded = world.decode(created) else {
            diagnostics.append(Diagnostic(.error, path: "", message: "internal: the rules built an unreadable object"))
            return nil
        }
        guard world.object(decoded.key) == nil else {
            diagnostics.append(
                Diagnostic(.error, path: "", message: "\(decoded.key) already exists; it was not created again"))
            return nil
        }
        world.insert(decoded)
        changes[decoded.key] = initialKeys.contains(decoded.key) ? .update : .create
        revision += 1
        return decoded.key
    }

    /// Applies `edit` to the document of `key`; nothing happens when the object is absent or the
    /// edit changes nothing.
    public mutating func update(_ key: ObjectKey, _ edit: (YAMLNode) -> YAMLNode) {
        guard let current = world.object(key) else { return }
        let edited = edit(current.node)
        guard edited != current.node else { return }
        world.replace(current, with: edited)
        if changes[key] != .create { changes[key] = .update }
        revision += 1
    }

    /// `update` for an edit of the metadata alone whose outcome the rule knows as typed metadata
    /// too (`metadata`: what reading the edited document's metadata gives), so nothing is read
    /// again.
    mutating func updateMetadata(_ key: ObjectKey, to metadata: ObjectMeta, _ edit: (YAMLNode) -> YAMLNode) {
        guard let current = world.object(key) else { return }
        let edited = edit(current.node)
        guard edited != current.node else { return }
        world.replace(current, with: edited, metadata: metadata)
        if changes[key] != .create { changes[key] = .update }
        revision += 1
    }

    /// Deletes an object.
    public mutating func delete(_ key: ObjectKey) {
        guard world.object(key) != nil else { return }
        world.remove(key)
        changes[key] = initialKeys.contains(key) ? .delete : nil
        revision += 1
    }

    /// Forgets an orphaned status document once its deletion has been handled (its file goes).
    public mutating func dropOrphanedStatusDocument(_ key: ObjectKey) {
        guard world.orphanedStatusDocuments[key] != nil else { return }
        world.removeOrphan(key)
        changes[key] = .delete
        revision += 1
    }

    /// Reports a problem with `object`, positioned at its document (or at `node` inside it).
    public mutating func report(
        _ severity: Severity, about object: ManifestObject, at node: YAMLNode? = nil, _ message: String
    ) {
        let mark = node.map { $0.mark.line > 0 ? $0.mark : object.source.mark } ?? object.source.mark
        let diagnostic = Diagnostic(
            severity, path: object.source.path, line: mark.line, column: mark.column,
            message: "\(object.key): \(message)")
        // Rules run once per round until the fixpoint: a finding is reported once.
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }

    /// Adds a finding that concerns no object (once).
    mutating func addDiagnostic(_ diagnostic: Diagnostic) {
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }

    /// Notes that a rule would decide differently from `time` on (only later times count).
    public mutating func wakeUp(at time: Timestamp) {
        guard time > now else { return }
        if wakeUp.map({ time < $0 }) ?? true { wakeUp = time }
    }

    /// Notes that a rule's outcome follows the clock continuously.
    public mutating func markClockDependent() { dependsOnClock = true }

    /// Records an event for the audit log (once: rules run every round).
    public mutating func record(_ event: RuleEvent) {
        if !events.contains(event) { events.append(event) }
    }
}
