public import SnapgateNode

/// A Kubernetes API group, version and kind.
public struct GroupVersionKind: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The API group (`appstudio.redhat.com`; empty for the core group).
    public var group: String
    /// The version within the group (`v1alpha1`).
    public var version: String
    /// The kind (`Snapshot`).
    public var kind: String

    /// Creates a group/version/kind triple.
    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// Splits an `apiVersion` (`group/version`, or `version` for the core group).
    public init(apiVersion: String, kind: String) {
        // The UTF-8 view's lastIndex: the String one walks grapheme clusters.
        if let slash = apiVersion.utf8.lastIndex(of: UInt8(ascii: "/")) {
            self.init(
                group: String(apiVersion[..<slash]),
                version: String(apiVersion[apiVersion.utf8.index(after: slash)...]),
                kind: kind)
        } else {
            self.init(group: "", version: apiVersion, kind: kind)
        }
    }

    /// The `apiVersion` field value: `group/version`, or `version` for the core group.
    public var apiVersion: String { group.isEmpty ? version : group + "/" + version }

    public var description: String { "\(apiVersion), Kind=\(kind)" }

    public static func < (lhs: GroupVersionKind, rhs: GroupVersionKind) -> Bool {
        (lhs.group, lhs.kind, lhs.version) < (rhs.group, rhs.kind, rhs.version)
    }
}

/// A set of schemas by group, version and kind: what snapgate checks manifests against.
public final class SchemaCatalog: Sendable {
    /// Where a catalog entry's schema comes from.
    public enum Origin: Sendable, Hashable {
        /// An upstream CustomResourceDefinition file (by file name).
        case customResourceDefinition(file: String)
        /// A schema written by hand in snapgate (the Tekton subset).
        case handWritten
    }

    /// One served version of one kind.
    public struct Entry: Sendable {
        /// The kind and served version.
        public var gvk: GroupVersionKind
        /// Whether this version is the storage version of its kind.
        public var isStorageVersion: Bool
        /// The whole-object schema.
        public var schema: StructuralSchema
        /// Where the schema comes from.
        public var origin: Origin
        /// The warning the API server returns for this version when it is deprecated; nil otherwise.
        public var deprecationWarning: String?

        /// Creates an entry.
        public init(
            gvk: GroupVersionKind, isStorageVersion: Bool, schema: StructuralSchema, origin: Origin,
            deprecationWarning: String? = nil
        ) {
            self.gvk = gvk
            self.isStorageVersion = isStorageVersion
            self.schema = schema
            self.origin = origin
            self.deprecationWarning = deprecationWarning
        }
    }

    /// Every entry, ordered by group, kind and version order of declaration.
    public let entries: [Entry]
    private let byGVK: [GroupVersionKind: Int]

    /// Creates a catalog; when two entries share a group/version/kind the first wins.
    public init(entries: [Entry]) {
        self.entries = entries
        var index: [GroupVersionKind: Int] = [:]
        for (i, entry) in entries.enumerated() where index[entry.gvk] == nil {
            index[entry.gvk] = i
        }
        byGVK = index
    }

    /// The Konflux CRDs (every served version, generated from the upstream CRD files) and the hand-written
    /// Tekton subset (`tekton.dev` `v1` and `v1beta1` PipelineRun, TaskRun, Pipeline and Task).
    ///
    /// Built on first use (about a millisecond of JSON decoding); safe to use from any thread.
    public static let konflux = SchemaCatalog(entries: makeKonfluxCRDEntries() + TektonSchemas.entries)

    /// Only the Konflux CRD schemas, without Tekton.
    public static let konfluxCRDs = SchemaCatalog(entries: makeKonfluxCRDEntries())

    private static func makeKonfluxCRDEntries() -> [Entry] {
        var patterns: [String: SchemaPattern] = [:]
        return KonfluxCRDSchemas.entries.map { generated in
            let schema: StructuralSchema
            do {
                schema = try StructuralSchema.decode(json: generated.json, patterns: &patterns)
            } catch {
                // The generated file is checked by tests; a failure here is a build defect, not input.
                fatalError("KonfluxCRDSchemas.generated.swift: \(generated.kind) \(generated.version): \(error)")
            }
            return Entry(
                gvk: GroupVersionKind(group: generated.group, version: generated.version, kind: generated.kind),
                isStorageVersion: generated.storage, schema: schema,
                origin: .customResourceDefinition(file: generated.source),
                deprecationWarning: generated.deprecationWarning)
        }
    }

    /// The schema of a served version of a kind, or nil when the catalog does not know it.
    public func schema(group: String, version: String, kind: String) -> StructuralSchema? {
        entry(GroupVersionKind(group: group, version: version, kind: kind))?.schema
    }

    /// The schema for an object's `apiVersion` and `kind` field values.
    public func schema(apiVersion: String, kind: String) -> StructuralSchema? {
        entry(GroupVersionKind(apiVersion: apiVersion, kind: kind))?.schema
    }

    /// The entry of a group/version/kind.
    public func entry(_ gvk: GroupVersionKind) -> Entry? {
        byGVK[gvk].map { entries[$0] }
    }

    /// The served versions of a kind, in the order the CRD lists them (empty for an unknown kind).
    /// `storageVersion(group:kind:)` tells which one is stored.
    public func versions(group: String, kind: String) -> [String] {
        entries.filter { $0.gvk.group == group && $0.gvk.kind == kind }.map(\.gvk.version)
    }

    /// The storage version of a kind, or nil for an unknown kind.
    public func storageVersion(group: String, kind: String) -> String? {
        entries.first { $0.gvk.group == group && $0.gvk.kind == kind && $0.isStorageVersion }?.gvk.version
    }

    /// Validates an object against the schema its `apiVersion` and `kind` select.
    ///
    /// A deprecated version adds a warning at `apiVersion` with the CRD's deprecation text. Returns
    /// nil when the object does not name a kind this catalog knows (including when `apiVersion` or
    /// `kind` is missing or not a string); the caller decides whether that matters.
    public func validate(_ object: YAMLNode) -> [SchemaViolation]? {
        guard let apiVersionNode = object["apiVersion"], let apiVersion = apiVersionNode.string,
            let kind = object["kind"]?.string, let entry = entry(GroupVersionKind(apiVersion: apiVersion, kind: kind))
        else { return nil }
        var violations = SchemaValidator.validate(object, schema: entry.schema)
        if let warning = entry.deprecationWarning {
            let deprecation = SchemaViolation(
                severity: .warning, field: "apiVersion", mark: apiVersionNode.mark, message: warning)
            let position = violations.firstIndex { $0.mark > apiVersionNode.mark } ?? violations.endIndex
            violations.insert(deprecation, at: position)
        }
        return violations
    }
}
