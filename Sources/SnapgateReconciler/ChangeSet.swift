public import SnapgateLoader
public import SnapgateModel
public import SnapgateRules
public import SnapgateYAML

/// One file a commit adds, changes or removes, and the object it is about.
public struct FileChange: Sendable, Hashable {
    /// What happened to the object (for a person's object: `update`, its status document changed).
    public var action: ChangeKind
    public var key: ObjectKey
    public var apiVersion: String
    /// The file, relative to the repository root.
    public var path: String
    /// The new contents; nil when the file is removed.
    public var contents: [UInt8]?

    /// Creates a file change.
    public init(action: ChangeKind, key: ObjectKey, apiVersion: String, path: String, contents: [UInt8]?) {
        self.action = action
        self.key = key
        self.apiVersion = apiVersion
        self.path = path
        self.contents = contents
    }
}

/// Turns what the rules changed into files: whole documents for objects snapgate owns, status
/// documents for objects a person wrote, all in canonical YAML under the owned directory. Pure.
public enum ChangeSet {
    /// The file changes that record `result`, relative to the commit `loaded` was read from.
    public static func make(loaded: LoadedManifests, result: Reconciliation) -> [FileChange] {
        var before: [ObjectKey: ManifestObject] = [:]
        for object in loaded.objects { before[object.key] = object }
        var orphans: [ObjectKey: ManifestObject] = [:]
        for orphan in loaded.orphanedStatusDocuments { orphans[orphan.key] = orphan }
        return make(
            changes: result.changes, after: result.world, before: { before[$0] }, orphan: { orphans[$0] },
            loaded: loaded)
    }

    /// The file changes that record `changes` (what the rules did, relative to the objects
    /// `before` finds and the orphaned status documents `orphan` finds), `after` being the world
    /// the rules left; `loaded` gives the configuration, status documents and authored objects.
    /// Sorted by key.
    public static func make(
        changes: [ObjectKey: ChangeKind], after: World, before lookupBefore: (ObjectKey) -> ManifestObject?,
        orphan lookupOrphan: (ObjectKey) -> ManifestObject?, loaded: LoadedManifests
    ) -> [FileChange] {
        let config = loaded.config
        var files: [FileChange] = []
        for (key, action) in changes.sorted(by: { $0.key < $1.key }) {
            guard let kind = KnownKind(key.groupKind) else { continue }
            let before = lookupBefore(key)
            let personAuthored = before.map { !config.isOwned($0.source.path) } ?? false
            switch action {
            case .delete:
                if let orphan = lookupOrphan(key) {
                    files.append(
                        FileChange(
                            action: .delete, key: key, apiVersion: orphan.apiVersion, path: orphan.source.path,
                            contents: nil))
                } else if let before, !personAuthored {
                    files.append(
                        FileChange(
                            action: .delete, key: key, apiVersion: before.apiVersion, path: before.source.path,
                            contents: nil))
                }
            case .create, .update:
                guard let object = after.object(key) else { continue }
                let apiVersion = object.node.string("apiVersion") ?? object.apiVersion
                if personAuthored, let before {
                    let authored = loaded.authored[key]?.node ?? before.node
                    let existing = loaded.statusDocuments[key]?.source.path
                    let path =
                        existing ?? OwnedPaths.path(for: key, kind: kind, outputDirectory: config.outputDirectory)
                    if let document = StatusDocument.make(effective: object.node, authored: authored) {
                        files.append(
                            FileChange(
                                action: .update, key: key, apiVersion: apiVersion, path: path,
                                contents: render(document)))
                    } else if let existing {
                        files.append(
                            FileChange(action: .update, key: key, apiVersion: apiVersion, path: existing, contents: nil)
                        )
                    }
                } else {
                    let path =
                        before.map(\.source.path).flatMap { config.isOwned($0) ? $0 : nil }
                        ?? OwnedPaths.path(for: key, kind: kind, outputDirectory: config.outputDirectory)
                    files.append(
                        FileChange(
                            action: action, key: key, apiVersion: apiVersion, path: path, contents: render(object.node))
                    )
                }
            }
        }
        return files
    }

    /// A document's canonical bytes (GITOPS.md: deterministic, fixed key order).
    public static func render(_ node: YAMLNode) -> [UInt8] {
        YAMLEmitter.emitBytes(node, keyOrder: .canonical)
    }
}
