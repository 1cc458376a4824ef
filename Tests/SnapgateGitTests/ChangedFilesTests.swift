import Foundation
import SnapgateGit
import SnapgateTestSupport
import Testing

/// `changedFiles`: the files two trees differ in, found without reading unchanged subtrees.
@Suite struct ChangedFilesTests {
    @Test func findsAddedChangedRemovedAndTypeChangedFiles() async throws {
        let sandbox = try Sandbox()
        let work = try sandbox.makeRepository(
            ["a/keep.yaml": "k\n", "a/edit.yaml": "1\n", "a/gone.yaml": "g\n", "b": "file\n", "c/d/e.yaml": "x\n"],
            named: "changes")
        let before = try sandbox.revParse("HEAD^{tree}", in: work)
        try sandbox.git(["rm", "-q", "a/gone.yaml", "b", "-r", "c"], in: work)
        try sandbox.write("2\n", to: "a/edit.yaml", in: work)
        try sandbox.write("new\n", to: "a/new.yaml", in: work)
        try sandbox.write("now a directory\n", to: "b/inside.yaml", in: work)
        try sandbox.write("now a file\n", to: "c", in: work)
        _ = try sandbox.commitAll("change", in: work)
        let after = try sandbox.revParse("HEAD^{tree}", in: work)
        let repository = try GitRepository(path: work)
        let changes = try await repository.changedFiles(from: before, to: after)
        #expect(
            changes.map(\.path) == [
                "a/edit.yaml", "a/gone.yaml", "a/new.yaml", "b", "b/inside.yaml", "c", "c/d/e.yaml",
            ])
        let present = Dictionary(uniqueKeysWithValues: changes.map { ($0.path, $0.entry != nil) })
        #expect(
            present == [
                "a/edit.yaml": true, "a/gone.yaml": false, "a/new.yaml": true, "b": false, "b/inside.yaml": true,
                "c": true, "c/d/e.yaml": false,
            ])
        // Every reported id is the blob git has at that path.
        for change in changes {
            guard let entry = change.entry else { continue }
            let expected = try sandbox.git(["rev-parse", "HEAD:\(change.path)"], in: work)
            #expect(entry.id.hex == expected.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(try await repository.changedFiles(from: after, to: after).isEmpty)
        // Against git's own diff.
        let git = try sandbox.git(["diff", "--name-only", "--no-renames", before.hex, after.hex], in: work)
        #expect(Set(git.split(separator: "\n").map(String.init)) == Set(changes.map(\.path)))
    }

    @Test func entriesAtPathsFindFilesAndSkipTheRest() async throws {
        let sandbox = try Sandbox()
        let work = try sandbox.makeRepository(
            ["top.yaml": "t\n", "a/one.yaml": "1\n", "a/two.yaml": "2\n", "a/b/three.yaml": "3\n"], named: "entries")
        let tree = try sandbox.revParse("HEAD^{tree}", in: work)
        let repository = try GitRepository(path: work)
        let asked = ["a/two.yaml", "missing.yaml", "a/b", "top.yaml", "a/b/three.yaml", "nowhere/x.yaml", "a/one.yaml"]
        let found = try await repository.entries(atPaths: asked, inTree: tree)
        #expect(found.map(\.path) == ["a/two.yaml", "top.yaml", "a/b/three.yaml", "a/one.yaml"])
        for entry in found {
            let expected = try sandbox.git(["rev-parse", "HEAD:\(entry.path)"], in: work)
            #expect(entry.id.hex == expected.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(entry.mode == .blob)
        }
    }
}
