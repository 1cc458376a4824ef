import Foundation
import SnapgateLoader
import SnapgateModel
import Testing

/// Every file of ../shared/corpus loads without a crash, and the objects found match the kinds
/// its README lists for that file (traps yield no Konflux objects, templates a diagnostic).
@Suite struct CorpusTests {
    struct Entry: Sendable, CustomStringConvertible {
        let path: String
        let role: String
        /// Expected (group, kind) of snapgate's kinds, with multiplicity, sorted.
        let kinds: [String]
        var description: String { path }
    }

    static let corpus = sharedDirectory.appendingPathComponent("corpus")

    /// Reads the README's table: `| path | role | kinds | notes |`.
    static func entries() -> [Entry] {
        guard let text = try? String(contentsOf: corpus.appendingPathComponent("README.md"), encoding: .utf8) else {
            return []
        }
        var result: [Entry] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 5 else { continue }
            let path = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            guard path.contains("/") else { continue }  // the repository table names folders only
            var kinds: [String] = []
            for item in cells[3].components(separatedBy: "<br>") {
                // `Kind@group/version x3`
                let parts = item.trimmingCharacters(in: .whitespaces).split(separator: " ")
                guard let spec = parts.first else { continue }
                let count = parts.count > 1 && parts[1].hasPrefix("x") ? Int(parts[1].dropFirst()) ?? 1 : 1
                let pieces = spec.split(separator: "@", maxSplits: 1).map(String.init)
                guard pieces.count == 2 else { continue }
                let groupKind = GroupKind(group: splitAPIVersion(pieces[1]).group, kind: pieces[0])
                guard KnownKind(groupKind) != nil else { continue }
                kinds += Array(repeating: groupKind.description, count: count)
            }
            result.append(Entry(path: path, role: cells[2], kinds: kinds.sorted()))
        }
        return result
    }

    @Test func theCorpusIsPresentAndListed() throws {
        try #require(
            FileManager.default.fileExists(atPath: Self.corpus.path),
            "../shared/corpus is missing beside the package")
        let listed = Set(Self.entries().map(\.path))
        #expect(listed.count >= 40)
        // Every file on disk is described by the README.
        let enumerator = FileManager.default.enumerator(atPath: Self.corpus.path)
        while let file = enumerator?.nextObject() as? String {
            guard file.hasSuffix(".yaml") || file.hasSuffix(".yml") else { continue }
            #expect(listed.contains(file), "\(file) is not in the corpus README")
        }
    }

    @Test(arguments: entries())
    func fileLoadsWithTheListedKinds(_ entry: Entry) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent(entry.path)))
        let loaded = ManifestAssembler.assemble([ParsedFile(path: entry.path, bytes: bytes)], config: .default)
        let found = (loaded.objects + loaded.rejected).map(\.key.groupKind.description).sorted()
        switch entry.role {
        case "trap":
            #expect(found.isEmpty)
        case "template":
            #expect(!loaded.diagnostics.isEmpty)
        default:
            #expect(found == entry.kinds)
        }
        for diagnostic in loaded.diagnostics {
            #expect(diagnostic.path == entry.path)
            #expect(diagnostic.line > 0, "unpositioned: \(diagnostic)")
        }
    }
}
