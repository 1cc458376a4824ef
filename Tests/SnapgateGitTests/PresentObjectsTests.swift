import Foundation
import SnapgateTestSupport
import Testing

@testable import SnapgateGit

/// Which objects a repository has, as `writeBlobs` and the tree writer ask it for many objects at
/// once (from the pack indexes and a listing of the loose objects): the answers libgit2 gives.
@Suite struct PresentObjectsTests {
    @Test(arguments: [false, true]) func agreesWithLibgit2(withAlternates: Bool) async throws {
        let sandbox = try Sandbox()
        var files: [String: String] = [:]
        for index in 0..<50 { files["f\(index).yaml"] = "packed: \(index)\n" }
        let work = try sandbox.makeRepository(files)
        try sandbox.git(["repack", "-a", "-d", "-q"], in: work)
        for index in 0..<40 { try sandbox.write("loose: \(index)\n", to: "l\(index).yaml", in: work) }
        try sandbox.commitAll("loose", in: work)
        var path = work
        if withAlternates {
            // A repository that borrows its objects: libgit2 answers for it.
            path = sandbox.path("borrower.git")
            try sandbox.git(["clone", "-q", "--bare", "--shared", work, path], in: sandbox.root)
        }
        let repository = try GitRepository(path: path)
        let packed = await GitRepository.blobIDs(of: (0..<50).map { Array("packed: \($0)\n".utf8) })
        let loose = await GitRepository.blobIDs(of: (0..<40).map { Array("loose: \($0)\n".utf8) })
        let absent = await GitRepository.blobIDs(of: (0..<30).map { Array("absent: \($0)\n".utf8) })
        let tree = try sandbox.revParse("HEAD^{tree}", in: work)
        let ids = (packed + absent + loose + [tree]).shuffled()
        let expected = ids.map { !absent.contains($0) }
        #expect(try await repository.presentObjects(ids) == expected)
        // One at a time (libgit2's path) gives the same answers.
        for (id, present) in zip(ids, expected) { #expect(try await repository.presentObjects([id]) == [present]) }
    }
}
