import SnapgateGit
import SnapgateTestSupport
import Testing

@Suite struct GitObjectIDTests {
    @Test func hexRoundTripsAndIsLowercase() throws {
        let hex = "0123456789abcdef0123456789ABCDEF01234567"
        let id = try #require(GitObjectID(hex: hex))
        #expect(id.hex == hex.lowercased())
        #expect(id.description == hex.lowercased())
        #expect(GitObjectID(hex: id.hex) == id)
        #expect(GitObjectID(bytes: id.bytes) == id)
        #expect(id.abbreviated() == "0123456")
    }

    @Test(arguments: [
        "", "abc", String(repeating: "a", count: 39), String(repeating: "a", count: 41),
        String(repeating: "g", count: 40), " " + String(repeating: "a", count: 39),
    ])
    func rejectsMalformedHex(_ text: String) {
        #expect(GitObjectID(hex: text) == nil)
    }

    @Test func isCompact() {
        #expect(MemoryLayout<GitObjectID>.size == 20)
    }

    @Test func ordersLikeHex() throws {
        var generator = SystemRandomNumberGenerator()
        let ids = try (0..<200).map { _ in
            let bytes = (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }
            return try #require(GitObjectID(bytes: bytes))
        }
        #expect(ids.sorted().map(\.hex) == ids.map(\.hex).sorted())
        #expect(Set(ids).count == Set(ids.map(\.hex)).count)
    }
}

@Suite struct GitErrorTests {
    @Test func redactsCredentialsInURLs() {
        #expect(
            GitError.redactingCredentials(in: "failed to push to https://bot:s3cr3t@git.example.com/org/repo.git")
                == "failed to push to https://git.example.com/org/repo.git")
        #expect(
            GitError.redactingCredentials(in: "'ssh://git@host:22/x' and http://a:b@c?d")
                == "'ssh://host:22/x' and http://c?d")
        #expect(GitError.redactingCredentials(in: "no url here") == "no url here")
        let error = GitError(code: .auth, function: "git_remote_push", message: "https://u:p@h/r rejected")
        #expect(error.message == "https://h/r rejected")
        #expect(error.description == "git_remote_push: https://h/r rejected")
    }

    @Test func classifiesRetryable() {
        #expect(GitError(code: .conflict, function: "f", message: "").isRetryable)
        #expect(GitError(code: .locked, function: "f", message: "").isRetryable)
        #expect(!GitError(code: .notFound, function: "f", message: "").isRetryable)
        #expect(!GitError(code: .other, function: "f", message: "").isRetryable)
    }
}
