public import SnapgateNode

/// A reference from an object to the object that owns it.
public struct OwnerReference: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: String
    public var controller: Bool?
    public var blockOwnerDeletion: Bool?

    /// Creates an owner reference.
    public init(
        apiVersion: String, kind: String, name: String, uid: String = "", controller: Bool? = nil,
        blockOwnerDeletion: Bool? = nil
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
    }

    init(node: YAMLNode) {
        self.init(
            apiVersion: node.stringOrEmpty("apiVersion"), kind: node.stringOrEmpty("kind"),
            name: node.stringOrEmpty("name"), uid: node.stringOrEmpty("uid"), controller: node.bool("controller"),
            blockOwnerDeletion: node.bool("blockOwnerDeletion"))
    }

    /// The reference as a node, keys in Kubernetes' field order.
    public var node: YAMLNode {
        var entries: [(String, YAMLNode)] = [
            ("apiVersion", .string(apiVersion)), ("kind", .string(kind)), ("name", .string(name)),
            ("uid", .string(uid)),
        ]
        if let controller { entries.append(("controller", .bool(controller))) }
        if let blockOwnerDeletion { entries.append(("blockOwnerDeletion", .bool(blockOwnerDeletion))) }
        return .mapping(entries)
    }
}

/// The `metadata` of an object: the fields snapgate reads or writes.
///
/// A value with copy-on-write storage: every typed object holds one and the rules copy it
/// constantly (`object.metadata`), and a copy of nine strings, maps and lists was nine reference
/// counts — 460,000 in a cold pass of the benchmark — where a copy of the box is one. A setter
/// copies the box only when another value shares it.
public struct ObjectMeta: Sendable, Hashable {
    /// The fields, compared and hashed as the value is.
    private struct Fields: Sendable, Hashable {
        var name: String
        var generateName: String
        var namespace: String
        var labels: StringMap
        var annotations: StringMap
        var ownerReferences: [OwnerReference]
        var finalizers: [String]
        var creationTimestamp: String?
        var deletionTimestamp: String?
    }

    /// Written only through `unique`, after `isKnownUniquelyReferenced`: a box another value can
    /// see is never changed.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// The fields to change, their box copied first if another value shares it.
    private var unique: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    public var name: String {
        get { storage.fields.name }
        set { unique.name = newValue }
    }

    public var generateName: String {
        get { storage.fields.generateName }
        set { unique.generateName = newValue }
    }

    public var namespace: String {
        get { storage.fields.namespace }
        set { unique.namespace = newValue }
    }

    public var labels: StringMap {
        get { storage.fields.labels }
        _modify { yield &unique.labels }
    }

    public var annotations: StringMap {
        get { storage.fields.annotations }
        _modify { yield &unique.annotations }
    }

    public var ownerReferences: [OwnerReference] {
        get { storage.fields.ownerReferences }
        _modify { yield &unique.ownerReferences }
    }

    public var finalizers: [String] {
        get { storage.fields.finalizers }
        _modify { yield &unique.finalizers }
    }

    /// RFC 3339 creation time, when the manifest carries one (exported from a cluster).
    public var creationTimestamp: String? {
        get { storage.fields.creationTimestamp }
        set { unique.creationTimestamp = newValue }
    }

    /// RFC 3339 deletion time, when the manifest carries one.
    public var deletionTimestamp: String? {
        get { storage.fields.deletionTimestamp }
        set { unique.deletionTimestamp = newValue }
    }

    /// Creates metadata.
    public init(
        name: String, namespace: String, generateName: String = "", labels: StringMap = [:],
        annotations: StringMap = [:], ownerReferences: [OwnerReference] = [], finalizers: [String] = [],
        creationTimestamp: String? = nil, deletionTimestamp: String? = nil
    ) {
        storage = Storage(
            Fields(
                name: name, generateName: generateName, namespace: namespace, labels: labels,
                annotations: annotations, ownerReferences: ownerReferences, finalizers: finalizers,
                creationTimestamp: creationTimestamp, deletionTimestamp: deletionTimestamp))
    }

    public static func == (lhs: ObjectMeta, rhs: ObjectMeta) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    /// Reads metadata from a `metadata` node; `defaultNamespace` fills an absent namespace.
    public init(node: YAMLNode?, defaultNamespace: String) {
        let node = node ?? .mapping([])
        let namespace = node.string("namespace") ?? ""
        self.init(
            name: node.stringOrEmpty("name"),
            namespace: namespace.isEmpty ? defaultNamespace : namespace,
            generateName: node.stringOrEmpty("generateName"),
            labels: node.stringMap("labels"),
            annotations: node.stringMap("annotations"),
            ownerReferences: node.items("ownerReferences").map(OwnerReference.init(node:)),
            finalizers: node.strings("finalizers"),
            creationTimestamp: node.string("creationTimestamp"),
            deletionTimestamp: node.string("deletionTimestamp"))
    }

    /// The metadata as a node: name, namespace, then the non-empty maps and lists.
    public var node: YAMLNode {
        var entries: [(String, YAMLNode)] = []
        if !name.isEmpty { entries.append(("name", .string(name))) }
        if !generateName.isEmpty { entries.append(("generateName", .string(generateName))) }
        entries.append(("namespace", .string(namespace)))
        if !labels.isEmpty { entries.append(("labels", .stringMap(labels))) }
        if !annotations.isEmpty { entries.append(("annotations", .stringMap(annotations))) }
        if !ownerReferences.isEmpty { entries.append(("ownerReferences", .sequence(ownerReferences.map(\.node)))) }
        if !finalizers.isEmpty { entries.append(("finalizers", .sequence(finalizers.map { .string($0) }))) }
        if let creationTimestamp { entries.append(("creationTimestamp", .string(creationTimestamp))) }
        if let deletionTimestamp { entries.append(("deletionTimestamp", .string(deletionTimestamp))) }
        return .mapping(entries)
    }
}

/// A Kubernetes `metav1.Condition`.
public struct Condition: Sendable, Hashable {
    public var type: String
    /// `True`, `False` or `Unknown`.
    public var status: String
    public var reason: String
    public var message: String
    /// RFC 3339.
    public var lastTransitionTime: String

    /// Creates a condition.
    public init(type: String, status: String, reason: String, message: String, lastTransitionTime: String) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
        self.lastTransitionTime = lastTransitionTime
    }

    /// Reads a condition; missing fields read as "".
    public init(node: YAMLNode) {
        self.init(
            type: node.stringOrEmpty("type"), status: node.stringOrEmpty("status"),
            reason: node.stringOrEmpty("reason"), message: node.stringOrEmpty("message"),
            lastTransitionTime: node.stringOrEmpty("lastTransitionTime"))
    }

    /// The condition as a node.
    public var node: YAMLNode {
        .mapping([
            ("lastTransitionTime", .string(lastTransitionTime)), ("message", .string(message)),
            ("reason", .string(reason)), ("status", .string(status)), ("type", .string(type)),
        ])
    }
}

extension Array where Element == Condition {
    /// The condition of the given type, if present.
    public func condition(_ type: String) -> Condition? { first { $0.type == type } }
}
