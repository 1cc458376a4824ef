import Foundation
import SnapgateGit
import SnapgateTestSupport
import Testing

/// Many blobs are written as one packfile, readable at once by libgit2 and by git.
@Suite struct GitPackedWriteTests {
    @Test func manyBlobsBecomeOnePack() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeBare()
        let repository = try GitRepository(path: path)
        let blobs = (0..<200).map { Array("object \($0)\n".utf8) } + [[]]
        let ids = try await repository.writeBlobs(blobs)
        #expect(ids.count == blobs.count)
        for (id, blob) in zip(ids, blobs) {
            #expect(try await repository.readBlob(id) == blob)
        }
        // The same ids git computes, found by git in one pack and no loose objects.
        #expect(try sandbox.git(["cat-file", "-p", ids[7].hex], in: path) == "object 7\n")
        let counts = try sandbox.git(["count-objects", "-v"], in: path)
        #expect(counts.contains("count: 0"))
        #expect(counts.contains("packs: 1"))
        try sandbox.git(["fsck", "--strict"], in: path)
    }

    @Test func fewBlobsStayLoose() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeBare()
        let ids = try await GitRepository(path: path).writeBlobs([Array("a".utf8), Array("b".utf8)])
        #expect(try sandbox.git(["cat-file", "-p", ids[1].hex], in: path) == "b")
        #expect(try sandbox.git(["count-objects", "-v"], in: path).contains("packs: 0"))
    }
}
