import Foundation
import SnapgateGit
import SnapgateTestSupport
import Testing

/// `GitRepository.create(at:initialBranch:)` and `checkoutHead()`: a repository made without the
/// git command line, checked by it.
@Suite struct GitInitTests {
    /// Creates a repository at `path` whose `branch` holds `files` as its first commit, checked out.
    func makeFirstCommit(at path: String, branch: String = "main", files: [String: String]) async throws
        -> GitObjectID
    {
        let repository = try GitRepository.create(at: path, initialBranch: branch)
        var changes: [GitTreeChange] = []
        for (file, text) in files.sorted(by: { $0.key < $1.key }) {
            changes.append(.upsert(path: file, blob: try await repository.writeBlob(Array(text.utf8))))
        }
        let tree = try await repository.makeTree(base: nil, changes: changes)
        let signature = await repository.defaultSignature(now: 1_700_000_000)
        let commit = try await repository.createCommit(
            tree: tree, parents: [], message: "First\n", author: signature, committer: signature)
        try await repository.updateBranch(branch, to: commit, expecting: nil, reflogMessage: "test")
        try await repository.checkoutHead()
        return commit
    }

    @Test func aCreatedRepositoryHoldsTheFirstCommitCheckedOutAndClean() async throws {
        let sandbox = try Sandbox()
        let path = sandbox.path("new/nested/repo")
        let files = [".hidden.yaml": "a: 1\n", "dir/sub/file.txt": "hello\n", "top.md": "# top\n"]
        let commit = try await makeFirstCommit(at: path, files: files)
        #expect(try sandbox.git(["symbolic-ref", "HEAD"], in: path) == "refs/heads/main\n")
        #expect(try sandbox.revParse("HEAD", in: path) == commit)
        #expect(try sandbox.git(["log", "--format=%s|%P"], in: path) == "First|\n")
        #expect(try sandbox.git(["status", "--porcelain", "--untracked-files=all"], in: path).isEmpty)
        let tracked = try sandbox.git(["ls-files"], in: path).split(separator: "\n").map(String.init)
        #expect(tracked == [".hidden.yaml", "dir/sub/file.txt", "top.md"])
        for (file, text) in files {
            #expect(try String(contentsOfFile: "\(path)/\(file)", encoding: .utf8) == text)
        }
        #expect(try sandbox.git(["rev-parse", "--is-bare-repository"], in: path) == "false\n")
    }

    @Test func theInitialBranchIsTheOneHeadNames() async throws {
        let sandbox = try Sandbox()
        let path = sandbox.path("trunk")
        let repository = try GitRepository.create(at: path, initialBranch: "trunk")
        #expect(try await repository.headBranch() == "trunk")
        #expect(try await repository.branchTip("trunk") == nil)
        #expect(repository.workTree?.hasSuffix("/trunk") == true)
        _ = try await makeFirstCommit(at: sandbox.path("other"), branch: "trunk", files: ["a": "b\n"])
        #expect(try sandbox.git(["branch", "--show-current"], in: sandbox.path("other")) == "trunk\n")
    }

    @Test func anEmptyExistingDirectoryIsUsed() async throws {
        let sandbox = try Sandbox()
        let path = sandbox.path("empty")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        _ = try await makeFirstCommit(at: path, files: ["x.yaml": "x: 1\n"])
        #expect(try sandbox.git(["log", "--format=%s"], in: path) == "First\n")
    }

    @Test func anExistingRepositoryIsNotReinitialised() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.makeRepository(["a.yaml": "a: 1\n"])
        let error = await gitError { _ = try GitRepository.create(at: path) }
        #expect(error?.code == .conflict)
        #expect(error?.message.contains("already a git repository") == true)
        #expect(try sandbox.git(["log", "--format=%s"], in: path) == "manifests\n")
    }

    @Test(arguments: ["", "a..b", "bad name", "-x/..", "end.lock"])
    func aBadBranchNameIsRefused(_ name: String) async throws {
        let sandbox = try Sandbox()
        let path = sandbox.path("repo")
        let error = await gitError { _ = try GitRepository.create(at: path, initialBranch: name) }
        #expect(error?.code == .invalidArgument)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func checkoutHeadRefusesABareRepository() async throws {
        let sandbox = try Sandbox()
        let bare = try GitRepository(path: try sandbox.makeBare())
        let error = await gitError { try await bare.checkoutHead() }
        #expect(error?.code == .invalidArgument)
    }
}
