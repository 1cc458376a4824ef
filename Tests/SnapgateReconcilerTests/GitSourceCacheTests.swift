import Foundation
import SnapgateGit
import SnapgateModel
import SnapgateNode
import SnapgateReconciler
import SnapgateRules
import SnapgateTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 4: the git resolver fetches other repositories through libgit2 into a cache under
/// `.git/snapgate/sources`, from real servers (a `file://` path and a `git daemon` on 127.0.0.1),
/// and says clearly when it cannot.
@Suite struct GitSourceCacheTests {
    /// A Pipeline named `name` with one inline task.
    static func pipeline(_ name: String) -> String {
        """
        apiVersion: tekton.dev/v1
        kind: Pipeline
        metadata: {name: \(name)}
        spec:
          tasks:
            - name: one
              taskSpec:
                steps:
                  - {name: say, image: busybox, script: "echo \(name)"}
        """
    }

    /// The repository snapgate reconciles, and a source repository beside it (a work tree made with
    /// the git CLI): `main` at B (`checks-v2`), the annotated tag `v1` at A (`checks-v1`), the branch
    /// `feature` at C (`checks-feature`).
    struct Fixture {
        var sandbox: Sandbox
        var repository: GitRepository
        var source: String
        var a: GitObjectID
        var b: GitObjectID
        var c: GitObjectID

        init() throws {
            sandbox = try Sandbox()
            repository = try GitRepository(path: try sandbox.makeRepository(["README.md": "the reconciled one\n"]))
            source = try sandbox.makeWorkTree("source")
            try sandbox.write(GitSourceCacheTests.pipeline("checks-v1"), to: "pipelines/checks.yaml", in: source)
            a = try sandbox.commitAll("A", in: source)
            try sandbox.git(["tag", "-a", "v1", "-m", "v1"], in: source)
            try sandbox.write(GitSourceCacheTests.pipeline("checks-v2"), to: "pipelines/checks.yaml", in: source)
            b = try sandbox.commitAll("B", in: source)
            try sandbox.git(["checkout", "-q", "-b", "feature"], in: source)
            try sandbox.write(GitSourceCacheTests.pipeline("checks-feature"), to: "pipelines/checks.yaml", in: source)
            c = try sandbox.commitAll("C", in: source)
            try sandbox.git(["checkout", "-q", "main"], in: source)
        }
    }

    /// A test PipelineRun whose `pipelineRef` uses the git resolver with `params`.
    static func run(_ params: [(String, String)]) -> ManifestObject {
        let list = params.map { "{name: \($0.0), value: \"\($0.1)\"}" }.joined(separator: ", ")
        let node = YAMLNode.mapping([
            ("apiVersion", .string("tekton.dev/v1")), ("kind", .string("PipelineRun")),
            ("metadata", ObjectMeta(name: "run", namespace: "tenant").node),
            ("spec", .mapping([("pipelineRef", YAMLParserHelper.node("{resolver: git, params: [\(list)]}"))])),
        ])
        return World(objects: [], defaultNamespace: "tenant").decode(node)!
    }

    static let world = World(objects: [], defaultNamespace: "tenant")

    /// The resolved pipeline's name, or the failure.
    static func resolve(
        _ resolver: PipelineResolver, url: String, revision: String?, path: String = "pipelines/checks.yaml"
    ) async -> Result<String, ResolutionFailure> {
        var params = [("url", url), ("pathInRepo", path)]
        if let revision { params.append(("revision", revision)) }
        return await resolver.resolve(run(params), in: world).map(\.name)
    }

    @Test func fileURLAtBranchTagAndCommitThenCommitWithoutFetching() async throws {
        let fixture = try Fixture()
        let url = "file://\(fixture.source)"
        let resolver = PipelineResolver(repository: fixture.repository)
        #expect(try await Self.resolve(resolver, url: url, revision: "main").get() == "checks-v2")
        #expect(try await Self.resolve(resolver, url: url, revision: "v1").get() == "checks-v1")
        #expect(try await Self.resolve(resolver, url: url, revision: "feature").get() == "checks-feature")
        #expect(try await Self.resolve(resolver, url: url, revision: fixture.a.hex).get() == "checks-v1")
        // The default revision is the source's HEAD.
        #expect(try await Self.resolve(resolver, url: url, revision: nil).get() == "checks-v2")

        // With the source gone, a commit the cache holds is read without a fetch, also by a new
        // resolver (a later pass); a branch name needs the source, and says so.
        try FileManager.default.removeItem(atPath: fixture.source)
        let later = PipelineResolver(repository: fixture.repository)
        #expect(try await Self.resolve(later, url: url, revision: fixture.c.hex).get() == "checks-feature")
        #expect(try await Self.resolve(later, url: url, revision: fixture.b.hex).get() == "checks-v2")
        let failure = try #require(await Self.resolve(later, url: url, revision: "main").failure)
        #expect(failure.message.hasPrefix("cannot reach \(url): "), "\(failure.message)")
    }

    @Test func commitNotYetInTheCacheIsFetched() async throws {
        let fixture = try Fixture()
        let resolver = PipelineResolver(repository: fixture.repository)
        // First contact by commit id: everything is fetched, then the commit is found.
        let url = "file://\(fixture.source)"
        #expect(try await Self.resolve(resolver, url: url, revision: fixture.c.hex).get() == "checks-feature")
    }

    @Test func readingTheCacheDirectly() async throws {
        let fixture = try Fixture()
        let cache = GitSourceCache(gitDirectory: fixture.repository.gitDirectory)
        let url = "file://\(fixture.source)"
        // An abbreviated commit id, and a path with a leading `/` as older Tekton examples write it.
        let bytes = try await cache.read(url: url, revision: fixture.c.abbreviated(), path: "/pipelines/checks.yaml")
        #expect(String(decoding: bytes, as: UTF8.self) == Self.pipeline("checks-feature"))
        // Two reads at once share the cache and agree.
        async let one = cache.read(url: url, revision: "v1", path: "pipelines/checks.yaml")
        async let two = cache.read(url: url, revision: "v1", path: "pipelines/checks.yaml")
        #expect(try await one == two)
    }

    @Test func aBranchIsFetchedOncePerPass() async throws {
        let fixture = try Fixture()
        let url = "file://\(fixture.source)"
        let pass = PipelineResolver(repository: fixture.repository)
        #expect(try await Self.resolve(pass, url: url, revision: "main").get() == "checks-v2")
        try fixture.sandbox.write(Self.pipeline("checks-v3"), to: "pipelines/checks.yaml", in: fixture.source)
        try fixture.sandbox.commitAll("D", in: fixture.source)
        // The same pass keeps the state it saw; the next pass fetches again.
        #expect(try await Self.resolve(pass, url: url, revision: "main").get() == "checks-v2")
        let next = PipelineResolver(repository: fixture.repository)
        #expect(try await Self.resolve(next, url: url, revision: "main").get() == "checks-v3")
    }

    @Test func aDeletedBranchIsNotReadFromTheCache() async throws {
        let fixture = try Fixture()
        let url = "file://\(fixture.source)"
        #expect(
            try await Self.resolve(PipelineResolver(repository: fixture.repository), url: url, revision: "feature")
                .get() == "checks-feature")
        try fixture.sandbox.git(["branch", "-q", "-D", "feature"], in: fixture.source)
        let failure = try #require(
            await Self.resolve(PipelineResolver(repository: fixture.repository), url: url, revision: "feature").failure)
        #expect(failure.message.contains("revision feature not found in \(url)"), "\(failure.message)")
    }

    @Test func gitDaemonOnLoopback() async throws {
        let fixture = try Fixture()
        let daemon = try GitDaemon(serving: fixture.sandbox.root, sandbox: fixture.sandbox)
        defer { daemon.stop() }
        let url = "git://127.0.0.1:\(daemon.port)/source"
        let resolver = PipelineResolver(repository: fixture.repository)
        #expect(try await Self.resolve(resolver, url: url, revision: "main").get() == "checks-v2")
        #expect(try await Self.resolve(resolver, url: url, revision: "v1").get() == "checks-v1")
        #expect(try await Self.resolve(resolver, url: url, revision: fixture.c.hex).get() == "checks-feature")
        // Tekton's org/repo form, with serverURL pointing at the daemon.
        let byOrg = await resolver.resolve(
            Self.run([
                ("serverURL", "git://127.0.0.1:\(daemon.port)"), ("org", "srv"), ("repo", "source"),
                ("revision", "v1"), ("pathInRepo", "pipelines/checks.yaml"),
            ]),
            in: Self.world)
        // `srv/source` does not exist on the daemon (its base is the sandbox): a clear failure...
        #expect(byOrg.failure?.message.contains("git://127.0.0.1:\(daemon.port)/srv/source") == true)
        // ...and the existing path works.
        try FileManager.default.createDirectory(
            atPath: fixture.sandbox.path("srv"), withIntermediateDirectories: true)
        try fixture.sandbox.git(["clone", "-q", "--bare", fixture.source, "srv/source.git"], in: fixture.sandbox.root)
        let byOrgAgain = await PipelineResolver(repository: fixture.repository).resolve(
            Self.run([
                ("serverURL", "git://127.0.0.1:\(daemon.port)"), ("org", "srv"), ("repo", "source"),
                ("revision", "v1"), ("pathInRepo", "pipelines/checks.yaml"),
            ]),
            in: Self.world)
        #expect(try byOrgAgain.get().name == "checks-v1")
    }

    /// A source nobody listens at fails with Tekton's reason and a message naming the URL (how
    /// long that takes is the network's business: timing belongs in the benchmark, not in tests).
    @Test func unreachableSourceIsClear() async throws {
        let fixture = try Fixture()
        let port = try Loopback.unusedPort()
        let url = "git://127.0.0.1:\(port)/x"
        let failure = try #require(
            await Self.resolve(PipelineResolver(repository: fixture.repository), url: url, revision: "main").failure)
        #expect(failure.reason == "CouldntGetPipeline")
        #expect(failure.message.hasPrefix("cannot reach \(url): "), "\(failure.message)")

        // Credentials in the URL never show.
        let secret = try #require(
            await Self.resolve(
                PipelineResolver(repository: fixture.repository), url: "git://user:hunter2@127.0.0.1:\(port)/x",
                revision: "main"
            ).failure)
        #expect(!secret.message.contains("hunter2"), "\(secret.message)")
        #expect(secret.message.hasPrefix("cannot reach git://127.0.0.1:\(port)/x"), "\(secret.message)")
    }

    @Test func unreachableTaskSourceIsCouldntGetTask() async throws {
        let fixture = try Fixture()
        let port = try Loopback.unusedPort()
        let pipeline = """
            apiVersion: tekton.dev/v1
            kind: Pipeline
            metadata: {name: uses-remote-task}
            spec:
              tasks:
                - name: one
                  taskRef:
                    resolver: git
                    params:
                      - {name: url, value: "git://127.0.0.1:\(port)/tasks"}
                      - {name: revision, value: main}
                      - {name: pathInRepo, value: task.yaml}
            """
        try fixture.sandbox.write(pipeline, to: "pipelines/remote-task.yaml", in: fixture.source)
        try fixture.sandbox.commitAll("remote task", in: fixture.source)
        let failure = try #require(
            await Self.resolve(
                PipelineResolver(repository: fixture.repository), url: "file://\(fixture.source)", revision: "main",
                path: "pipelines/remote-task.yaml"
            ).failure)
        #expect(failure.reason == "CouldntGetTask")
        #expect(failure.message.hasPrefix("cannot reach git://127.0.0.1:\(port)/tasks: "), "\(failure.message)")
    }

    @Test(arguments: [
        ("main", "pipelines/nope.yaml", "pipelines/nope.yaml does not exist at revision main of file://"),
        ("nope", "pipelines/checks.yaml", "revision nope not found in file://"),
        (
            "1234567890123456789012345678901234567890", "pipelines/checks.yaml",
            "revision 1234567890123456789012345678901234567890 not found in file://"
        ),
        ("main", "pipelines", "cannot read pipelines at revision main of file://"),
    ])
    func missingPathOrRevision(revision: String, path: String, message: String) async throws {
        let fixture = try Fixture()
        let failure = try #require(
            await Self.resolve(
                PipelineResolver(repository: fixture.repository), url: "file://\(fixture.source)", revision: revision,
                path: path
            ).failure)
        #expect(failure.reason == "CouldntGetPipeline")
        #expect(failure.message.hasPrefix(message), "\(failure.message)")
    }

    @Test func cacheLivesUnderTheGitDirectoryAndTheWorkTreeStaysClean() async throws {
        let fixture = try Fixture()
        let url = "file://\(fixture.source)"
        #expect(
            try await Self.resolve(PipelineResolver(repository: fixture.repository), url: url, revision: "main")
                .get() == "checks-v2")
        let cache = GitSourceCache(gitDirectory: fixture.repository.gitDirectory)
        let path = try cache.repositoryPath(for: url)
        #expect(path.hasPrefix(fixture.repository.gitDirectory + "/snapgate/sources/"))
        #expect(path.hasSuffix(".git"))
        // The cache is a bare repository with the fetched branch, and nothing else is in sources.
        let cached = try GitRepository(path: path)
        #expect(cached.isBare)
        #expect(try await cached.branchTip("main") == fixture.b)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.directory)
        #expect(entries == [(path as NSString).lastPathComponent])
        let workTree = try #require(fixture.repository.workTree)
        #expect(try fixture.sandbox.git(["status", "--porcelain", "--ignored"], in: workTree).isEmpty)
        // Spellings of one URL share the entry.
        #expect(try cache.repositoryPath(for: url + "/") == path)
        #expect(
            try cache.repositoryPath(for: "GIT://User:pw@127.0.0.1:9/x")
                == (try cache.repositoryPath(for: "git://127.0.0.1:9/x")))
    }

    @Test func thisRepositoryByAbsolutePathIsReadInPlace() async throws {
        let fixture = try Fixture()
        let workTree = try #require(fixture.repository.workTree)
        try fixture.sandbox.write(Self.pipeline("own"), to: "own.yaml", in: workTree)
        try fixture.sandbox.commitAll("own", in: workTree)
        let resolver = PipelineResolver(repository: fixture.repository)
        #expect(
            try await Self.resolve(resolver, url: "file://\(workTree)", revision: "main", path: "own.yaml").get()
                == "own")
        #expect(
            try await Self.resolve(resolver, url: workTree + "/.git", revision: "main", path: "own.yaml").get() == "own"
        )
        #expect(!FileManager.default.fileExists(atPath: resolver.sources.directory))
    }

    @Test(arguments: [
        ([("pathInRepo", "p.yaml")], "the git resolver needs a url param, or repo and org"),
        (
            [("url", "file:///x"), ("repo", "r"), ("org", "o"), ("pathInRepo", "p.yaml")],
            "the git resolver takes either a url param or repo (with org), not both"
        ),
        ([("repo", "r"), ("pathInRepo", "p.yaml")], "the git resolver's repo param needs an org param"),
    ])
    func malformedParams(params: [(String, String)], message: String) async throws {
        let fixture = try Fixture()
        let result = await PipelineResolver(repository: fixture.repository).resolve(Self.run(params), in: Self.world)
        #expect(result.failure?.message.hasPrefix(message) == true, "\(String(describing: result.failure))")
    }
}

extension Result {
    /// The error, for a failed result.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// Ports on 127.0.0.1, the only address these tests contact.
enum Loopback {
    /// A port nothing listens on: the kernel picks a free one, and the socket is closed again.
    static func unusedPort() throws -> UInt16 {
        let socket = try makeSocket()
        defer { close(socket) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw ScaffoldError(description: "bind failed: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard named == 0 else { throw ScaffoldError(description: "getsockname failed: \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Whether something accepts connections on `port`.
    static func accepts(_ port: UInt16) -> Bool {
        guard let socket = try? makeSocket() else { return false }
        defer { close(socket) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func makeSocket() throws -> Int32 {
        #if canImport(Glibc)
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw ScaffoldError(description: "socket failed: \(errno)") }
        return socket
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

/// A real `git daemon` serving a folder on 127.0.0.1, killed by `stop()`.
final class GitDaemon {
    let port: UInt16
    private let process: Process

    /// Starts the daemon on a free port and waits until it accepts connections; tries another
    /// port when another program took the one picked. Runs `git-daemon` itself rather than
    /// `git daemon`, whose wrapper process would stand between the test and the server.
    init(serving base: String, sandbox: Sandbox) throws {
        let execPath = try sandbox.git(["--exec-path"], in: base).trimmingCharacters(in: .whitespacesAndNewlines)
        for _ in 0..<3 {
            let port = try Loopback.unusedPort()
            let started = try sandbox.start(
                execPath + "/git-daemon",
                [
                    "--reuseaddr", "--base-path=\(base)", "--export-all", "--port=\(port)", "--listen=127.0.0.1",
                    base,
                ],
                in: base)
            let deadline = ContinuousClock.now + .seconds(20)
            while started.process.isRunning, ContinuousClock.now < deadline, !Loopback.accepts(port) {
                usleep(20_000)
            }
            if started.process.isRunning, Loopback.accepts(port) {
                self.port = port
                process = started.process
                return
            }
            Self.kill(started.process)
        }
        throw ScaffoldError(description: "git daemon did not start")
    }

    /// Kills the daemon this test started and waits for it.
    func stop() { Self.kill(process) }

    /// SIGKILL, because a process started from the test runner may not act on SIGTERM (the
    /// daemon started this way ignored it).
    private static func kill(_ process: Process) {
        if process.isRunning {
            #if canImport(Glibc)
                _ = Glibc.kill(process.processIdentifier, SIGKILL)
            #else
                _ = Darwin.kill(process.processIdentifier, SIGKILL)
            #endif
        }
        process.waitUntilExit()
    }
}
