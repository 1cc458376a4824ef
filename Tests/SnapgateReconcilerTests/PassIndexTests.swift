import Foundation
import SnapgateGit
import SnapgateLoader
import SnapgateModel
import SnapgateTestSupport
import Testing

@testable import SnapgateReconciler

/// The index of a pass: what a change concerns, and its file surviving a round trip.
@Suite struct PassIndexTests {
    static let id = GitObjectID(hex: String(repeating: "a", count: 40))!

    static func index() -> PassIndex {
        var index = PassIndex(
            commit: id, tree: id, fingerprint: "build|settings\twith tab", config: .default, configBlob: nil,
            patchFiles: ["overlays/patch.yaml"])
        index.setFile("a/app.yaml", namespaces: ["tenant"])
        index.setFile("a/both.yaml", namespaces: ["tenant", "other"])
        index.setFile("b/other.yaml", namespaces: ["other"])
        index.setFile("c/lonely.yaml", namespaces: ["lonely"])
        index.setFile("odd,name\t%.yaml", namespaces: [])
        return index
    }

    @Test func aNamespaceIsReadWithEveryNamespaceItsFilesName() {
        let index = Self.index()
        let closure = index.closure(of: ["tenant"], including: [])
        #expect(closure.files == ["a/app.yaml", "a/both.yaml", "b/other.yaml"])
        #expect(closure.namespaces == ["tenant", "other"])
        #expect(index.closure(of: [], including: ["c/lonely.yaml"]).namespaces == ["lonely"])
        #expect(index.closure(of: [], including: []).files.isEmpty)
    }

    /// Moving a file between namespaces is seen by the closure and the reverse map alike.
    @Test func movingAFileMovesItBetweenNamespaces() {
        var index = Self.index()
        index.setFile("a/app.yaml", namespaces: ["lonely"])
        index.setFile("a/both.yaml", namespaces: ["tenant", "other"])
        #expect(index.namespaceFiles["tenant"] == ["a/both.yaml"])
        #expect(index.namespaceFiles["lonely"] == ["a/app.yaml", "c/lonely.yaml"])
        index.setFile("c/lonely.yaml", namespaces: nil)
        index.setFile("a/app.yaml", namespaces: nil)
        #expect(index.namespaceFiles["lonely"] == nil)
        #expect(index.files["a/app.yaml"] == nil)
        #expect(index.closure(of: ["lonely"], including: []).files.isEmpty)
        #expect(index.closure(of: ["other"], including: []).files == ["a/both.yaml", "b/other.yaml"])
    }

    @Test func namespacesWithDeadlinesAreDueOnceTheDeadlineComes() {
        var index = Self.index()
        let now = Timestamp(rfc3339: "2025-11-09T13:00:00Z")!
        index.setNamespace(
            "tenant", .init(wakeUp: now.adding(milliseconds: 1000), alwaysDecide: false, diagnostics: []))
        index.setNamespace("other", .init(wakeUp: nil, alwaysDecide: true, diagnostics: []))
        index.setNamespace("lonely", .init(wakeUp: nil, alwaysDecide: false, diagnostics: []))
        #expect(index.dueNamespaces(at: now) == ["other"])
        #expect(index.dueNamespaces(at: now.adding(milliseconds: 1000)) == ["other", "tenant"])
    }

    @Test func theIndexFileRoundTrips() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeRepository(["x.yaml": "a: 1\n"], named: "index", bare: true)
        let repository = try GitRepository(path: path)
        var index = Self.index()
        let finding = Diagnostic(
            .warning, path: "a/app.yaml", line: 3, column: 7, message: "tabs\tand, commas %41\nlines")
        index.setNamespace(
            "tenant",
            .init(
                wakeUp: Timestamp(milliseconds: 1_762_693_200_000), alwaysDecide: true, diagnostics: [finding]))
        index.setNamespace("other", .init(wakeUp: nil, alwaysDecide: false, diagnostics: []))
        index.replaceFileDiagnostics(
            of: [], with: [Diagnostic(.error, path: "odd,name\t%.yaml", line: 1, column: 1, message: "broken")])
        PassIndexFile.write(index, in: repository, branch: "feature/x")
        let read = try #require(await PassIndexFile.read(in: repository, branch: "feature/x"))
        #expect(read.commit == index.commit && read.tree == index.tree)
        #expect(read.fingerprint == index.fingerprint)
        #expect(read.files == index.files)
        #expect(read.namespaceFiles == index.namespaceFiles)
        #expect(read.patchFiles == index.patchFiles)
        #expect(read.namespaces == index.namespaces)
        #expect(read.diagnostics == index.diagnostics)
        #expect(await PassIndexFile.read(in: repository, branch: "main") == nil)
    }

    /// State files are not flushed to disk: an index a crash cut short, anywhere, reads as none.
    @Test func anIndexFileCutShortIsNoIndex() throws {
        let head = Array("\(PassIndexFile.header)\ncommit\t\(Self.id.hex)\ntree\t\(Self.id.hex)\n".utf8)
        let whole = head + PassIndexFile.body(of: Self.index())
        #expect(PassIndexFile.parse(whole) != nil)
        // (Only the last newline missing, the file is whole.)
        for length in 0..<(whole.count - 1) {
            #expect(PassIndexFile.parse(Array(whole[..<length])) == nil, "cut at \(length) of \(whole.count)")
        }
        #expect(PassIndexFile.parse(whole + Array("f\tlate.yaml\ttenant\n".utf8)) == nil)
        #expect(PassIndexFile.parse(whole.dropLast(4) + [0, 0, 0, 0]) == nil)
    }

    @Test func aDamagedIndexFileIsNoIndex() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeRepository(["x.yaml": "a: 1\n"], named: "damaged", bare: true)
        let repository = try GitRepository(path: path)
        PassIndexFile.write(Self.index(), in: repository, branch: "main")
        let file = path + "/snapgate/state/main.index"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "commit\t", with: "commit\tzz").write(
            toFile: file, atomically: true, encoding: .utf8)
        #expect(await PassIndexFile.read(in: repository, branch: "main") == nil)
        try "not an index\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(await PassIndexFile.read(in: repository, branch: "main") == nil)
    }

    /// Files are written grouped by their namespaces (a reader decodes each list once), but a
    /// reader must not depend on it: lines in any order give the same index.
    @Test func fileLinesInAnyOrderReadTheSame() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeRepository(["x.yaml": "a: 1\n"], named: "shuffled", bare: true)
        let repository = try GitRepository(path: path)
        var index = Self.index()
        for name in ["d", "e", "f"] {
            index.setFile("\(name)/app.yaml", namespaces: ["tenant"])
            index.setFile("\(name)/both.yaml", namespaces: ["tenant", "other"])
        }
        PassIndexFile.write(index, in: repository, branch: "main")
        let file = path + "/snapgate/state/main.index"
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        let fileLines = lines.filter { $0.hasPrefix("f\t") }
        #expect(fileLines.count == index.files.count)
        // Each file line moved to the end in turn (before the closing `end`): lists of one
        // namespace no longer adjacent.
        #expect(lines.last == "end")
        for moved in fileLines {
            let shuffled = lines.dropLast().filter { $0 != moved } + [moved, "end"]
            try (shuffled.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let read = try #require(await PassIndexFile.read(in: repository, branch: "main"))
            #expect(read.files == index.files)
        }
    }
}
