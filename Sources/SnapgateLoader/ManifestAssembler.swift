public import SnapgateGit
public import SnapgateModel
import SnapgateSchema
public import SnapgateYAML

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
    public static func assemble(
        _ files: [ParsedFile], config: SnapgateConfig, extraDiagnostics: [Diagnostic] = [], cache: ParseCache? = nil
    ) -> LoadedManifests {
        var diagnostics = extraDiagnostics
        let patches = patchFiles(in: files)

        // Each file on its own (decode, schema findings) is cached by blob and computed on every core.
        let manifests = files.filter { !patches.contains($0.path) }
        let analyses = parallelMap(manifests) { file in
            let key = file.blobID.map { "\($0.hex)\u{0}\(file.path)\u{0}\(config.defaultNamespace)" }
            if let key, let cached = cache?.analysis(for: key) { return cached }
            let analysis = analyze(file, config: config)
            if let key { cache?.store(analysis, for: key) }
            return analysis
        }
        var personObjects: [ObjectKey: [ManifestObject]] = [:]
        var ownedObjects: [ObjectKey: [ManifestObject]] = [:]
        var personFindings: [ObjectKey: [Diagnostic]] = [:]
        var ownedFindings: [ObjectKey: [Diagnostic]] = [:]
        for (file, analysis) in zip(manifests, analyses) {
            diagnostics += analysis.diagnostics
            let owned = config.isOwned(file.path)
            for item in analysis.objects {
                if owned {
                    ownedFindings[item.object.key] = item.violations
                    ownedObjects[item.object.key, default: []].append(item.object)
                } else {
                    personFindings[item.object.key] = item.violations
                    personObjects[item.object.key, default: []].append(item.object)
                }
            }
        }

        var objects: [ManifestObject] = []
        var rejected: [ManifestObject] = []
        var statusDocuments: [ObjectKey: ManifestObject] = [:]
        var authored: [ObjectKey: ManifestObject] = [:]
        var orphans: [ManifestObject] = []
        let persons = unique(personObjects, diagnostics: &diagnostics)
        let owned = unique(ownedObjects, diagnostics: &diagnostics)
        for (key, person) in persons {
            let overlay = owned[key]
            if let overlay {
                statusDocuments[key] = overlay
                authored[key] = person
            }
            let personViolations = personFindings[key] ?? []
            diagnostics += personViolations
            guard !personViolations.contains(where: { $0.severity == .error }) else {
                rejected.append(person)
                continue
            }
            guard let overlay else {
                objects.append(person)
                continue
            }
            // A status document is valid only merged with the person's object (GITOPS.md); what
            // the merge adds is the status document's doing, so its findings name its file.
            let merged = StatusOverlay.merge(person, with: overlay, defaultNamespace: config.defaultNamespace)
            let known = Set(personViolations.map(\.message))
            let overlayViolations = validate(merged, reportedAt: overlay.source.path).filter {
                !known.contains($0.message)
            }
            diagnostics += overlayViolations
            let usable = !overlayViolations.contains { $0.severity == .error }
            objects.append(usable ? merged : person)
        }
        for (key, object) in owned where persons[key] == nil {
            // Everything snapgate creates has a spec; a document without one is the status of
            // a person's object that has been deleted.
            if object.node["spec"] == nil {
                orphans.append(object)
                continue
            }
            let violations = ownedFindings[key] ?? []
            diagnostics += violations
            if violations.contains(where: { $0.severity == .error }) {
                rejected.append(object)
            } else {
                objects.append(object)
            }
        }
        // Sort the keys, not the objects: moving large values around costs more than comparing keys.
        let order = objects.indices.sorted { objects[$0].key < objects[$1].key }
        objects = order.map { objects[$0] }
        return LoadedManifests(
            config: config, objects: objects, rejected: rejected.sorted { $0.key < $1.key },
            statusDocuments: statusDocuments, authored: authored,
            orphanedStatusDocuments: orphans.sorted { $0.key < $1.key }, diagnostics: diagnostics.sorted(),
            fileCount: files.count)
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
        for file in files where KustomizePatches.isKustomization(file.path) {
            for document in file.stream.documents {
                guard let root = document.root else { continue }
                result.formUnion(KustomizePatches.patchFiles(of: root, at: file.path))
            }
        }
        return result
    }

    /// Keeps keys defined once; a key defined twice or more is a diagnostic naming every place,
    /// and none of the definitions is used (GITOPS.md).
    private static func unique(
        _ grouped: [ObjectKey: [ManifestObject]], diagnostics: inout [Diagnostic]
    ) -> [ObjectKey: ManifestObject] {
        var result: [ObjectKey: ManifestObject] = [:]
        for (key, objects) in grouped {
            if objects.count == 1 {
                result[key] = objects[0]
                continue
            }
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

    /// Checks an object against its CRD schema (for Konflux kinds) or snapgate's Tekton subset.
    private static func validate(_ object: ManifestObject, reportedAt path: String? = nil) -> [Diagnostic] {
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
