public import SnapgateGit
public import SnapgateModel
import SnapgateYAML

/// The repository's snapgate configuration: the file `.snapgate.yaml` at the repository root,
/// read from the same commit as the manifests (so configuration changes are reviewed like any
/// other change).
///
/// ```yaml
/// outputDirectory: snapgate     # the one directory snapgate writes; default "snapgate"
/// defaultNamespace: default     # for manifests without metadata.namespace
/// include: ["**/*.yaml", "**/*.yml"]   # which files are manifests
/// exclude: ["charts/**"]        # never read (templates, unrelated YAML)
/// ```
public struct SnapgateConfig: Sendable, Hashable {
    /// The file name, at the repository root.
    public static let fileName = ".snapgate.yaml"

    /// The directory (relative to the root, no trailing slash) that snapgate owns and writes.
    public var outputDirectory: String
    /// The namespace of manifests that name none.
    public var defaultNamespace: String
    /// Files read as manifests.
    public var include: [PathGlob]
    /// Files never read, even when included.
    public var exclude: [PathGlob]

    /// The configuration of a repository without a config file.
    public static let `default` = SnapgateConfig(
        outputDirectory: "snapgate", defaultNamespace: "default",
        include: [PathGlob("*.yaml"), PathGlob("*.yml")], exclude: [])

    /// Creates a configuration.
    public init(outputDirectory: String, defaultNamespace: String, include: [PathGlob], exclude: [PathGlob]) {
        self.outputDirectory = outputDirectory
        self.defaultNamespace = defaultNamespace
        self.include = include
        self.exclude = exclude
    }

    /// Whether a tree entry is a manifest: a file (not a link or submodule) other than the
    /// configuration itself that `isManifest` accepts.
    public func isManifestEntry(_ entry: GitTreeEntry) -> Bool {
        (entry.mode == .blob || entry.mode == .executable) && entry.path != Self.fileName && isManifest(entry.path)
    }

    /// Whether `path` is a manifest to read under this configuration.
    public func isManifest(_ path: String) -> Bool {
        include.contains { $0.matches(path) } && !exclude.contains { $0.matches(path) }
    }

    /// Whether `path` lies in the directory snapgate owns.
    public func isOwned(_ path: String) -> Bool {
        path.hasPrefix(outputDirectory + "/")
    }

    /// Reads the configuration file's text; problems are diagnostics, and the defaults stand in
    /// for anything unusable.
    public static func parse(_ bytes: [UInt8], path: String = fileName) -> (SnapgateConfig, [Diagnostic]) {
        var config = SnapgateConfig.default
        var diagnostics: [Diagnostic] = []
        func report(_ severity: Severity, _ node: YAMLNode?, _ message: String) {
            diagnostics.append(
                Diagnostic(
                    severity, path: path, line: node?.mark.line ?? 0, column: node?.mark.column ?? 0, message: message))
        }
        let stream = YAMLParser.parse(bytes, path: path)
        for error in stream.errors {
            report(.error, YAMLNode(.mapping([]), mark: error.mark), error.message)
        }
        guard let root = stream.documents.first?.root else { return (config, diagnostics) }
        guard let pairs = root.mapping else {
            report(.error, root, "\(fileName) must be a mapping of settings, found a \(root.typeDescription)")
            return (config, diagnostics)
        }
        func globs(_ node: YAMLNode, _ key: String) -> [PathGlob]? {
            if let single = node.string { return [PathGlob(single)] }
            guard let items = node.sequence, items.allSatisfy({ $0.string != nil }) else {
                report(.error, node, "\(key) must be a list of path patterns (strings)")
                return nil
            }
            return items.compactMap(\.string).map(PathGlob.init)
        }
        for pair in pairs {
            let key = pair.key.string ?? ""
            let value = pair.value
            switch key {
            case "outputDirectory":
                guard let text = value.string, let normalized = normalizeDirectory(text) else {
                    report(
                        .error, value,
                        "outputDirectory must be a relative directory inside the repository, such as \"snapgate\"")
                    continue
                }
                config.outputDirectory = normalized
            case "defaultNamespace":
                guard let text = value.string, isDNSLabel(text) else {
                    report(
                        .error, value,
                        "defaultNamespace must be a valid namespace name (lowercase letters, digits and '-', at most 63)"
                    )
                    continue
                }
                config.defaultNamespace = text
            case "include":
                if let list = globs(value, key) { config.include = list }
            case "exclude":
                if let list = globs(value, key) { config.exclude = list }
            default:
                report(
                    .warning, pair.key,
                    "unknown setting \"\(key)\" (known: outputDirectory, defaultNamespace, include, exclude)")
            }
        }
        return (config, diagnostics)
    }

    private static func normalizeDirectory(_ text: String) -> String? {
        let parts = text.split(separator: "/").filter { $0 != "." }
        guard !parts.isEmpty, !text.hasPrefix("/"), !parts.contains(".."), !parts.contains(".git") else { return nil }
        return parts.joined(separator: "/")
    }
}

/// Whether `text` is a DNS-1123 label: what Kubernetes accepts as a namespace name.
func isDNSLabel(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty, bytes.count <= 63 else { return false }
    func alnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
    guard alnum(bytes[0]), alnum(bytes[bytes.count - 1]) else { return false }
    return bytes.allSatisfy { alnum($0) || $0 == 0x2D }
}
