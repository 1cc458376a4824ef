import SnapgateGit
import SnapgateModel
import Testing

@testable import SnapgateReconciler

/// The pass index's file map read from an index file (runs of paths sharing their namespaces)
/// and then changed must say what a plain dictionary given the same changes says: lookups, the
/// closure of a namespace, and the file it writes.
@Suite struct FileNamespaceMapTests {
    static let id = GitObjectID(hex: String(repeating: "b", count: 40))!

    /// 120 files over 12 namespaces, a tenth of them naming two, a few naming none.
    static func files() -> [String: Set<String>] {
        var files: [String: Set<String>] = [:]
        for number in 0..<120 {
            let namespace = "tenant-\(number % 12)"
            switch number % 10 {
            case 3: files["apps/\(number)/both.yaml"] = [namespace, "shared"]
            case 7 where number < 40: files["broken/\(number).yaml"] = []
            default: files["apps/\(number)/app.yaml"] = [namespace]
            }
        }
        return files
    }

    static func index(_ files: [String: Set<String>]) -> PassIndex {
        PassIndex(
            commit: id, tree: id, fingerprint: "f", config: .default, configBlob: nil, patchFiles: [], files: files)
    }

    /// The index as a new process reads it back from its file.
    static func reread(_ index: PassIndex) throws -> PassIndex {
        let head = Array("\(PassIndexFile.header)\ncommit\t\(id.hex)\ntree\t\(id.hex)\n".utf8)
        return try #require(PassIndexFile.parse(head + PassIndexFile.body(of: index)))
    }

    /// Changes applied in turn; `count` of them, so that the map both scans for the changed
    /// files (a few) and indexes its groups (many).
    static func changes(count: Int) -> [(path: String, namespaces: Set<String>?)] {
        let kinds: [(Int) -> (String, Set<String>?)] = [
            { ("apps/\($0)/app.yaml", ["tenant-\(($0 + 5) % 12)"]) },  // moved to another namespace
            { ("apps/\($0)/app.yaml", nil) },  // deleted
            { ("new/\($0).yaml", ["tenant-\($0 % 12)"]) },  // added
            { ("apps/\($0)/both.yaml", ["shared"]) },  // left one of its two namespaces
            { ("apps/\($0)/app.yaml", ["tenant-\($0 % 12)"]) },  // rewritten, same namespace
            { ("broken/\($0).yaml", ["tenant-1"]) },  // now parses
        ]
        return (0..<count).map { step in kinds[step % kinds.count](step * 7 % 120) }
    }

    /// Applies `changes(count:)` to `index`, and to `expected` as a dictionary takes them.
    static func apply(changes count: Int, to index: inout PassIndex, _ expected: inout [String: Set<String>]) {
        for change in changes(count: count) {
            index.setFile(change.path, namespaces: change.namespaces)
            expected[change.path] = change.namespaces
        }
    }

    @Test(arguments: [0, 1, 5, 40, 200])
    func aReadMapChangedAnswersAsADictionary(changeCount: Int) throws {
        var reference = Self.index(Self.files())
        var read = try Self.reread(reference)
        #expect(read.files == reference.files)
        for change in Self.changes(count: changeCount) {
            reference.setFile(change.path, namespaces: change.namespaces)
            read.setFile(change.path, namespaces: change.namespaces)
        }
        var expected = Self.files()
        for change in Self.changes(count: changeCount) { expected[change.path] = change.namespaces }
        #expect(read.files == expected)
        for path in expected.keys.sorted() + ["apps/999/app.yaml", "new/0.yaml"] {
            #expect(read.namespaces(ofFile: path) == expected[path], "\(path)")
        }
        for namespaces: Set<String> in [["tenant-0"], ["shared"], ["tenant-3", "tenant-5"], ["nowhere"], []] {
            let fromRead = read.closure(of: namespaces, including: [])
            let fromReference = reference.closure(of: namespaces, including: [])
            #expect(fromRead.files == fromReference.files, "\(namespaces)")
            #expect(fromRead.namespaces == fromReference.namespaces, "\(namespaces)")
        }
        // Written and read again (a second fresh process), nothing is lost or duplicated.
        let body = PassIndexFile.body(of: read)
        let fileLines = body.split(separator: UInt8(ascii: "\n")).filter { $0.starts(with: "f\t".utf8) }
        #expect(fileLines.count == expected.count)
        #expect(try Self.reread(read).files == expected)
    }

    /// After a full pass the files set by path are moved into groups (the next pass's closure
    /// compares groups): nothing about them changes, and later changes apply on top.
    @Test func compactingAFullLoadKeepsEveryAnswer() throws {
        var files: [String: Set<String>] = [:]
        for number in 0..<2000 {
            files["apps/\(number)/app.yaml"] =
                number % 50 == 0 ? ["tenant-\(number % 40)", "shared"] : ["tenant-\(number % 40)"]
        }
        let reference = Self.index(files)
        var compacted = Self.index(files)
        compacted.record([FileChange]())
        #expect(compacted.fileMap.groups.count > 1)
        #expect(compacted.fileMap.changes.isEmpty)
        #expect(compacted.files == reference.files)
        for namespaces: Set<String> in [["tenant-0"], ["shared"], ["tenant-7", "tenant-9"]] {
            #expect(
                compacted.closure(of: namespaces, including: []).files
                    == reference.closure(of: namespaces, including: []).files)
        }
        var expected = files
        Self.apply(changes: 60, to: &compacted, &expected)
        #expect(compacted.files == expected)
        #expect(try Self.reread(compacted).files == expected)
    }

    /// An index file edited by hand may list a path twice: look-ups give its last list, as a
    /// dictionary of the lines would, and once the path is set or removed it leaves both.
    @Test func aPathListedTwiceLeavesBothListsWhenChanged() throws {
        let head = "\(PassIndexFile.header)\ncommit\t\(Self.id.hex)\ntree\t\(Self.id.hex)\nconfig\t-\nfingerprint\tf\n"
        let lines = "f\ta.yaml\ttenant-a\nf\tdup.yaml\ttenant-a\nf\tb.yaml\ttenant-b\nf\tdup.yaml\ttenant-b\nend\n"
        var read = try #require(PassIndexFile.parse(Array((head + lines).utf8)))
        #expect(read.namespaces(ofFile: "dup.yaml") == ["tenant-b"])
        #expect(read.files["dup.yaml"] == ["tenant-b"])
        var removed = read
        removed.setFile("dup.yaml", namespaces: nil)
        #expect(removed.closure(of: ["tenant-a"], including: []).files == ["a.yaml"])
        #expect(try Self.reread(removed).files == ["a.yaml": ["tenant-a"], "b.yaml": ["tenant-b"]])
        read.setFile("dup.yaml", namespaces: ["tenant-c"])
        #expect(read.closure(of: ["tenant-a"], including: []).files == ["a.yaml"])
        #expect(
            try Self.reread(read).files == ["a.yaml": ["tenant-a"], "b.yaml": ["tenant-b"], "dup.yaml": ["tenant-c"]])
    }

    /// Many look-ups before any change (a large diff) index the grouped paths once: every answer
    /// stays a dictionary's.
    @Test func manyLookupsAnswerAsADictionary() throws {
        var read = try Self.reread(Self.index(Self.files()))
        let files = Self.files()
        for path in files.keys.sorted() + ["apps/999/app.yaml", "nowhere.yaml"] {
            #expect(read.namespaces(ofFile: path) == files[path], "\(path)")
        }
        var expected = files
        Self.apply(changes: 40, to: &read, &expected)
        #expect(read.files == expected)
        #expect(try Self.reread(read).files == expected)
    }
}
