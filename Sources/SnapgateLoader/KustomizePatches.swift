public import SnapgateYAML

/// Finds the files that kustomizations use as patches: they hold partial objects, so they are
/// patches, not objects (GITOPS.md).
public enum KustomizePatches {
    /// The file names kustomize reads as a kustomization.
    public static let fileNames: Set<String> = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// Whether `path` names a kustomization file.
    public static func isKustomization(_ path: String) -> Bool {
        // Asked of every manifest path (twice a load): compare the last segment's bytes in place,
        // and its length first, which rules out nearly every path without touching the names.
        func isKustomizationName(_ bytes: some BidirectionalCollection<UInt8>) -> Bool {
            let name = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[bytes.index(after: $0)...] } ?? bytes[...]
            guard nameLengths.contains(name.count) else { return false }
            return fileNames.contains { name.elementsEqual($0.utf8) }
        }
        // In place where the bytes are contiguous (always, for native strings): a buffer's loops
        // cost a fraction of a `String.UTF8View`'s.
        return path.utf8.withContiguousStorageIfAvailable(isKustomizationName) ?? isKustomizationName(path.utf8)
    }

    /// The lengths of `fileNames`, in bytes.
    private static let nameLengths: [Int] = Array(Set(fileNames.map(\.utf8.count)))

    /// The repository paths of the patch files a kustomization at `path` lists under `patches`,
    /// `patchesStrategicMerge` and `patchesJson6902` (inline patches name no file).
    public static func patchFiles(of root: YAMLNode, at path: String) -> [String] {
        let directory = path.split(separator: "/").dropLast().joined(separator: "/")
        var files: [String] = []
        for entry in root["patches"]?.sequence ?? [] {
            if let file = entry.string ?? entry["path"]?.string { files.append(file) }
        }
        for entry in root["patchesStrategicMerge"]?.sequence ?? [] {
            // An entry is either a file path or an inline patch (YAML text with a newline or `:`).
            if let file = entry.string, !file.contains("\n"), !file.contains(": ") { files.append(file) }
        }
        for entry in root["patchesJson6902"]?.sequence ?? [] {
            if let file = entry["path"]?.string { files.append(file) }
        }
        return files.compactMap { resolve($0, in: directory) }
    }

    /// Resolves a path relative to `directory`, removing `.` and `..`; nil when it leaves the repository.
    static func resolve(_ relative: String, in directory: String) -> String? {
        var parts = relative.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
