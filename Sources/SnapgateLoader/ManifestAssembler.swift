import Foundation
public import SnapgateGit
public import SnapgateModel
import SnapgateSchema
public import SnapgateYAML
import Synchronization

/// What one blob's text turned out to be: its YAML stream and, when it does not parse, what
/// kind of text it seems to be. Independent of the path, so it is cached by blob id.
public struct ParsedBlob: Sendable {
    public var stream: YAMLStream
    /// The text contains `{{`: parse errors come from templating (Helm, Go templates).
    public var looksLikeTemplate: Bool
    /// The text mentions `appstudio.redhat.com` or `tekton.dev`: it may hold snapgate's objects.
    public var mentionsKnownGroups: Bool

    /// Parses `bytes`; the text is only searched when it does not parse cleanly.
    public init(bytes: [UInt8], path: String) {
        stream = YAMLParser.parse(bytes, path: path)
        if stream.errors.isEmpty {
            looksLikeTemplate = false
            mentionsKnownGroups = true
        } else {
            looksLikeTemplate = contains(bytes, "{{")
            mentionsKnownGroups = contains(bytes, KnownKind.konfluxGroup) || contains(bytes, KnownKind.tektonGroup)
        }
    }
}

/// A manifest file: its path and its parse.
public struct ParsedFile: Sendable {
    public var path: String
    public var blob: ParsedBlob
    /// The blob's id, when the file came from a repository: the key of cached analyses.
    public var blobID: GitObjectID?
    /// The file's analysis, when the loader made it right after parsing (on the same core, while
    /// the nodes are in its cache) under the configuration `assemble` is given.
    var analysis: FileAnalysis?
    /// The namespaces its documents name (`FileNamespaces.of`), when the loader found them while
    /// analysing it.
    var namespaces: Set<String>?

    /// Whether the loader analysed the file already.
    var hasAnalysis: Bool { analysis != nil }

    /// Creates a parsed file from a (possibly cached) parse.
    public init(path: String, blob: ParsedBlob, blobID: GitObjectID? = nil) {
        self.path = path
        self.blob = blob
        self.blobID = blobID
    }

    /// Parses `bytes` read from `path`.
    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, blob: ParsedBlob(bytes: bytes, path: path))
    }

    /// The YAML stream read from the file.
    public var stream: YAMLStream { blob.stream }
}

/// Whether `needle` occurs in `haystack` (byte comparison; run only for files with errors).
private func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
    let pattern = Array(needle.utf8)
    guard let first = pattern.first, haystack.count >= pattern.count else { return false }
    var index = 0
    let last = haystack.count - pattern.count
    while index <= last {
        if haystack[index] == first && haystack[index..<(index + pattern.count)].elementsEqual(pattern) {
            return true
        }
        index += 1
    }
    return false
}

/// What one file contributes on its own: its findings, and its objects with their schema findings.
/// It depends only on the file's bytes, path and the default namespace, so it is cached by blob.
public struct FileAnalysis: Sendable {
    /// An object and what the schema says of it alone.
    public struct Object: Sendable {
        public var object: ManifestObject
        public var violations: [Diagnostic]
    }

    public var diagnostics: [Diagnostic]
    public var objects: [Object]
}

/// The objects of one commit, as snapgate works with them.
public struct LoadedManifests: Sendable {
    /// The configuration in force (the repository's `.snapgate.yaml`, or the defaults).
    public var config: SnapgateConfig
    /// Every usable object, effective (a person's manifest merged with snapgate's status
    /// document for it), sorted by key.
    public var objects: [ManifestObject]
    /// Objects identified as snapgate's kinds but not usable as written (a schema error, say):
    /// listed by `validate`, never reconciled.
    public var rejected: [ManifestObject]
    /// snapgate's status documents, by the key of the object they describe.
    public var statusDocuments: [ObjectKey: ManifestObject]
    /// Person-authored objects as written, before their status documents were merged in: what
    /// a new status document is computed against. Only objects that have a status document.
    public var authored: [ObjectKey: ManifestObject]
    /// snapgate's status documents whose person-authored object is gone (an owned document
    /// without `spec` and without a person's object of the same key).
    public var orphanedStatusDocuments: [ManifestObject]
    /// Everything found wrong, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// How many files were read as manifests.
    public var fileCount: Int

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Turns parsed manifest files into objects and diagnostics: the pure part of loading.
public enum ManifestAssembler {
    /// Assembles the objects of `files` under `config`; `extraDiagnostics` (e.g. from the config
    /// file) are merged into the result.
    /// `patches` are the kustomize patch files among `files` when the caller found them already.
    public static func assemble(
        _ files: [ParsedFile], config: SnapgateConfig, extraDiagnostics: [Diagnostic] = [], cache: ParseCache? = nil,
        patches known: Set<String>? = nil
    ) -> LoadedManifests {
        var diagnostics = extraDiagnostics
        let patches = known ?? patchFiles(in: files)

        // Each file on its own (decode, schema findings) is cached by blob and computed on every
        // core; the analyses the loader's workers made are used in place when nothing is cached.
        let manifests = patches.isEmpty ? files : files.filter { !patches.contains($0.path) }
        let caching = cache?.isEnabled == true
        let pending = manifests.indices.filter { caching || !manifests[$0].hasAnalysis }
        let computed = parallelMap(pending) { index in
            let file = manifests[index]
            let key = file.blobID.map {
                AnalysisKey(blob: $0, path: file.path, defaultNamespace: config.defaultNamespace)
            }
            if let key, let cached = cache?.analysis(for: key) { return cached }
            let analysis = file.analysis ?? analyze(file, config: config)
            if let key { cache?.store(analysis, for: key) }
            return analysis
        }
        var computedSlot = [Int](repeating: -1, count: manifests.count)
        for (slot, index) in pending.enumerated() { computedSlot[index] = slot }
        var personItems: [FileAnalysis.Object] = []
        var ownedItems: [FileAnalysis.Object] = []
        personItems.reserveCapacity(manifests.count)
        for index in manifests.indices {
            let slot = computedSlot[index]
            let analysis = slot >= 0 ? computed[slot] : manifests[index].analysis!
            diagnostics += analysis.diagnostics
            if config.isOwned(manifests[index].path) {
                ownedItems += analysis.objects
            } else {
                personItems += analysis.objects
            }
        }
        let persons = Definitions(personItems)
        let owned = Definitions(ownedItems)
        persons.reportRepeatedKeys(into: &diagnostics)
        owned.reportRepeatedKeys(into: &diagnostics)

        var objects: [ManifestObject] = []
        var rejected: [ManifestObject] = []
        var statusDocuments: [ObjectKey: ManifestObject] = [:]
        var authored: [ObjectKey: ManifestObject] = [:]
        var orphans: [ManifestObject] = []
        objects.reserveCapacity(persons.items.count + owned.items.count)
        var merges: [Merge] = []
        // Both lists are in key order: each finds the other's object of its key by walking
        // forward (a merge join), no key hashed.
        var ownedCursor = 0
        for (position, item) in persons.items.enumerated() where persons.isUnique(at: position) {
            let person = item.object
            let overlay = owned.unique(persons.keys[position], cursor: &ownedCursor)
            if let overlay {
                statusDocuments[person.key] = overlay
                authored[person.key] = person
            }
            diagnostics += item.violations
            guard !item.violations.contains(where: { $0.severity == .error }) else {
                rejected.append(person)
                continue
            }
            guard let overlay else {
                objects.append(person)
                continue
            }
            merges.append(Merge(person: person, overlay: overlay, personViolations: item.violations))
        }
        // The persons' objects so far are in key order; merged and snapgate's own ones are not
        // placed among them.
        var inKeyOrder = merges.isEmpty
        // Merging re-decodes and re-validates the object: on every core, as the analyses are.
        for (object, violations) in parallelMap(merges, { $0.resolve(defaultNamespace: config.defaultNamespace) }) {
            diagnostics += violations
            objects.append(object)
        }
        var personCursor = 0
        for (position, item) in owned.items.enumerated() where owned.isUnique(at: position) {
            let object = item.object
            guard persons.unique(owned.keys[position], cursor: &personCursor) == nil else { continue }
            // Everything snapgate creates has a spec; a document without one is the status of
            // a person's object that has been deleted.
            if object.node["spec"] == nil {
                orphans.append(object)
                continue
            }
            diagnostics += item.violations
            if item.violations.contains(where: { $0.severity == .error }) {
                rejected.append(object)
            } else {
                objects.append(object)
                inKeyOrder = false
            }
        }
        // Keys are unique here, so the order does not depend on the order of the files.
        if !inKeyOrder { objects = sortedByKey(objects) }
        rejected.sort { $0.key < $1.key }
        orphans.sort { $0.key < $1.key }
        diagnostics.sort()
        return LoadedManifests(
            config: config, objects: objects, rejected: rejected, statusDocuments: statusDocuments,
            authored: authored, orphanedStatusDocuments: orphans, diagnostics: diagnostics, fileCount: files.count)
    }

    /// `objects` in key order. The keys are read once and compared in place (comparing through
    /// each object's storage costs reference counting at every step of the sort), kind by kind
    /// (a key's group and kind come first in its order).
    static func sortedByKey(_ objects: [ManifestObject]) -> [ManifestObject] {
        sortedIndices(of: objects.map(\.key), groupedBy: \.groupKind).map { objects[$0] }
    }

    /// A person's object and snapgate's status document for it, to be merged.
    private struct Merge: Sendable {
        var person: ManifestObject
        var overlay: ManifestObject
        var personViolations: [Diagnostic]

        /// The effective object (the person's alone when the merge is not valid) and the merge's
        /// own findings. A status document is valid only merged with the person's object
        /// (GITOPS.md); what the merge adds is the status document's doing, so its findings name
        /// its file.
        func resolve(defaultNamespace: String) -> (ManifestObject, [Diagnostic]) {
            let merged = StatusOverlay.merge(person, with: overlay, defaultNamespace: defaultNamespace)
            let known = Set(personViolations.map(\.message))
            let overlayViolations = ManifestAssembler.validate(merged, reportedAt: overlay.source.path).filter {
                !known.contains($0.message)
            }
            let usable = !overlayViolations.contains { $0.severity == .error }
            return (usable ? merged : person, overlayViolations)
        }
    }

    /// The objects of one owner (people, or snapgate's status documents) in key order (file order
    /// among equal keys), and which keys are defined more than once: found next to each other,
    /// not by hashing 16,000 keys into a table (a third of assembling a cold pass of the
    /// benchmark, on one core).
    private struct Definitions {
        /// The objects, in key order.
        let items: [FileAnalysis.Object]
        /// Their keys, read once.
        let keys: [ObjectKey]
        /// Whether the item at a position has a key that is defined more than once.
        private let isRepeated: [Bool]

        init(_ unordered: [FileAnalysis.Object]) {
            let unorderedKeys = unordered.map(\.object.key)
            let order = sortedIndices(of: unorderedKeys, groupedBy: \.groupKind)
            items = order.map { unordered[$0] }
            keys = order.map { unorderedKeys[$0] }
            var repeated = [Bool](repeating: false, count: keys.count)
            for run in Self.runs(of: keys) where run.count > 1 {
                for position in run { repeated[position] = true }
            }
            isRepeated = repeated
        }

        /// The positions of each key, ascending.
        private static func runs(of keys: [ObjectKey]) -> [Range<Int>] {
            var runs: [Range<Int>] = []
            var start = 0
            while start < keys.count {
                var end = start + 1
                while end < keys.count && keys[end] == keys[start] { end += 1 }
                runs.append(start..<end)
                start = end
            }
            return runs
        }

        func isUnique(at position: Int) -> Bool { !isRepeated[position] }

        /// The object of `key` when it is defined exactly once, looked for from `cursor` on;
        /// `cursor` is left at the first key not below `key`, so keys asked in ascending order
        /// walk the list once.
        func unique(_ key: ObjectKey, cursor: inout Int) -> ManifestObject? {
            while cursor < keys.count && keys[cursor] < key { cursor += 1 }
            guard cursor < keys.count, keys[cursor] == key, !isRepeated[cursor] else { return nil }
            return items[cursor].object
        }

        /// A key defined twice or more is a diagnostic at every place naming the others, and none
        /// of the definitions is used (GITOPS.md).
        func reportRepeatedKeys(into diagnostics: inout [Diagnostic]) {
            for run in Self.runs(of: keys) where run.count > 1 {
                let key = keys[run.lowerBound]
                let objects = items[run].map(\.object)
                let places = objects.map { "\($0.source.path):\($0.source.mark.line):\($0.source.mark.column)" }
                for object in objects {
                    let others = places.filter {
                        $0 != "\(object.source.path):\(object.source.mark.line):\(object.source.mark.column)"
                    }
                    diagnostics.append(
                        Diagnostic(
                            .error, path: object.source.path, line: object.source.mark.line,
                            column: object.source.mark.column,
                            message:
                                "\(key) is defined more than once (also at \(others.joined(separator: ", "))); none of the definitions is used until only one remains"
                        ))
                }
            }
        }
    }

    /// One file's findings and objects, each object with its own schema findings: everything that
    /// depends on the file alone.
    static func analyze(_ file: ParsedFile, config: SnapgateConfig) -> FileAnalysis {
        var analysis = FileAnalysis(diagnostics: [], objects: [])
        for error in file.stream.errors {
            analysis.diagnostics.append(diagnostic(for: error, in: file))
        }
        for document in file.stream.documents {
            switch ObjectDecoder.decode(document, path: file.path, defaultNamespace: config.defaultNamespace) {
            case .foreign:
                continue
            case .invalid(_, let found):
                analysis.diagnostics += found
            case .object(let object, let found):
                analysis.diagnostics += found
                // Owned documents without spec are status documents: valid only merged (below).
                let standalone = !(config.isOwned(file.path) && object.node["spec"] == nil)
                analysis.objects.append(
                    FileAnalysis.Object(object: object, violations: standalone ? validate(object) : []))
            }
        }
        return analysis
    }

    /// Paths that kustomizations in `files` name as patches.
    static func patchFiles(in files: [ParsedFile]) -> Set<String> {
        var result: Set<String> = []
        // By index: a loop variable would copy (retain) every file just to read its path.
        for index in files.indices where KustomizePatches.isKustomization(files[index].path) {
            let file = files[index]
            for document in file.stream.documents {
                guard let root = document.root else { continue }
                result.formUnion(KustomizePatches.patchFiles(of: root, at: file.path))
            }
        }
        return result
    }

    private static func diagnostic(for error: YAMLError, in file: ParsedFile) -> Diagnostic {
        func at(_ severity: Severity, _ message: String) -> Diagnostic {
            Diagnostic(severity, path: file.path, line: error.mark.line, column: error.mark.column, message: message)
        }
        switch error.code {
        case .syntax, .duplicateKey, .encoding:
            if file.blob.looksLikeTemplate {
                return at(
                    .warning,
                    "not YAML: this file looks like a Helm or Go template (it contains '{{'), so it is skipped; "
                        + "add it to `exclude` in .snapgate.yaml to silence this (\(error.message))")
            }
            if !file.blob.mentionsKnownGroups {
                return at(
                    .warning,
                    "\(error.message); the file names neither appstudio.redhat.com nor tekton.dev, so it holds "
                        + "none of snapgate's objects and is skipped (exclude it in .snapgate.yaml to silence this)")
            }
            return at(.error, error.message + "; fix the YAML, or exclude the file in .snapgate.yaml")
        case .inputTooLarge, .tooDeep, .aliasExpansion, .undefinedAlias:
            return at(.error, error.message)
        }
    }

    /// Starts building the schema catalog on a thread of its own, to be ready when the first
    /// manifest is checked: built on first use instead, it holds up every core for the ~5 ms it
    /// takes (the others wait for it), where now it overlaps opening the repository and listing
    /// its tree. Idempotent, and never needed for correctness.
    public static func prepareSchemas() {
        guard !schemasRequested.exchange(true, ordering: .relaxed) else { return }
        Thread.detachNewThread { _ = SchemaCatalog.konflux }
    }

    private static let schemasRequested = Atomic<Bool>(false)

    /// Checks an object against its CRD schema (for Konflux kinds) or snapgate's Tekton subset.
    fileprivate static func validate(_ object: ManifestObject, reportedAt path: String? = nil) -> [Diagnostic] {
        let (group, version) = splitAPIVersion(object.sourceAPIVersion)
        guard let schema = SchemaCatalog.konflux.schema(group: group, version: version, kind: object.kind.rawValue)
        else { return [] }
        return SchemaValidator.validate(object.node, schema: schema).map { violation in
            Diagnostic(
                violation.severity == .error ? .error : .warning, path: path ?? object.source.path,
                line: violation.mark.line, column: violation.mark.column,
                message:
                    "\(object.key.groupKind.kind) \(object.key.namespace)/\(object.key.name): \(violation.description)"
            )
        }
    }
}
