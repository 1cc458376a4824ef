import Foundation
import SnapgateGit
import SnapgateTestSupport
import Testing

/// Several writers publish to one branch at once; compare-and-swap must lose no write and keep
/// history linear.
@Suite struct GitRaceTests {
    /// Makes a bare repository whose `main` has one commit with `seed.txt`.
    private func makeSeededBare(_ sandbox: Sandbox) async throws -> (path: String, root: GitObjectID) {
        let bare = try sandbox.makeBare()
        let repository = try GitRepository(path: bare)
        let blob = try await repository.writeBlob(Array("seed\n".utf8))
        let tree = try await repository.makeTree(base: nil, changes: [.upsert(path: "seed.txt", blob: blob)])
        let signature = GitSignature.test()
        let root = try await repository.createCommit(
            tree: tree, parents: [], message: "seed\n", author: signature, committer: signature)
        try await repository.updateBranch("main", to: root, expecting: nil, reflogMessage: "seed")
        return (bare, root)
    }

    /// One writer with its own `GitRepository` (its own actor and libgit2 handle, as another
    /// process would have): adds `writer-<w>/<i>.txt` for each `i`, recomputing on conflict.
    /// Writes at least `count` files, more while `keepGoing()` says so (at most 300).
    /// Returns how many files it wrote and how many conflicts it met.
    private static func write(
        writer: Int, count: Int, path: String, keepGoing: @Sendable () -> Bool = { false }
    ) async throws -> (written: Int, conflicts: Int) {
        let repository = try GitRepository(path: path)
        let signature = GitSignature.test("Writer \(writer)")
        var conflicts = 0
        var index = 0
        while index < count || (index < 300 && keepGoing()) {
            guard let tip = try await repository.branchTip("main") else {
                throw ScaffoldError(description: "main vanished")
            }
            let base = try await repository.commitInfo(tip).tree
            let blob = try await repository.writeBlob(Array("writer \(writer) item \(index)\n".utf8))
            let tree = try await repository.makeTree(
                base: base, changes: [.upsert(path: "writer-\(writer)/\(index).txt", blob: blob)])
            let commit = try await repository.createCommit(
                tree: tree, parents: [tip], message: "writer \(writer) item \(index)\n", author: signature,
                committer: signature)
            await Task.yield()  // let the other writers move the branch in between
            do {
                try await repository.updateBranch("main", to: commit, expecting: tip, reflogMessage: "race")
                index += 1
            } catch {
                guard error.code == .conflict, conflicts < 10_000 else { throw error }
                conflicts += 1
            }
        }
        return (index, conflicts)
    }

    /// Checks the end state: every expected file once, with its content; linear history of the
    /// right length.
    private func verify(_ sandbox: Sandbox, bare: String, root: GitObjectID, expected: [String: String]) throws {
        let listed = try sandbox.lsTree("main", in: bare)
        let paths = listed.map(\.path)
        #expect(paths.count == Set(paths).count)
        #expect(Set(paths) == Set(expected.keys).union(["seed.txt"]))
        for (path, content) in expected {
            #expect(try sandbox.git(["show", "main:\(path)"], in: bare) == content, "\(path)")
        }
        #expect(try sandbox.git(["rev-list", "--count", "main"], in: bare) == "\(expected.count + 1)\n")
        // Linear: every commit but the root has exactly one parent, and the chain ends at the root.
        let chain = try sandbox.git(["rev-list", "--parents", "main"], in: bare)
            .split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        for (position, line) in chain.enumerated() {
            if position == chain.count - 1 {
                #expect(line == [root.hex])
            } else {
                #expect(line.count == 2)
                #expect(line[1] == chain[position + 1][0])
            }
        }
        try sandbox.git(["fsck", "--strict", "--no-dangling"], in: bare)
    }

    @Test func independentInstancesLoseNoWrite() async throws {
        let sandbox = try Sandbox()
        let (bare, root) = try await makeSeededBare(sandbox)
        let writers = 3
        let perWriter = 25
        let conflicts = try await withThrowingTaskGroup(of: (written: Int, conflicts: Int).self) { group in
            for writer in 0..<writers {
                group.addTask { try await Self.write(writer: writer, count: perWriter, path: bare) }
            }
            var total = 0
            for try await result in group { total += result.conflicts }
            return total
        }
        var expected: [String: String] = [:]
        for writer in 0..<writers {
            for index in 0..<perWriter {
                expected["writer-\(writer)/\(index).txt"] = "writer \(writer) item \(index)\n"
            }
        }
        try verify(sandbox, bare: bare, root: root, expected: expected)
        // Not asserted (it depends on scheduling), but shows the race was real.
        print("in-process race: \(conflicts) conflicts")
    }

    /// The same race against `git` itself in another process, which takes the same lock files and
    /// compares with `git update-ref <ref> <new> <old>`.
    @Test func racesAgainstGitInAnotherProcess() async throws {
        let sandbox = try Sandbox()
        let (bare, root) = try await makeSeededBare(sandbox)
        let perWriter = 20
        let script = """
            set -u
            i=0; attempts=0
            export GIT_INDEX_FILE="$SANDBOX/cli-index"
            while [ "$i" -lt "$COUNT" ]; do
                attempts=$((attempts + 1)); [ "$attempts" -gt 5000 ] && exit 3
                tip=$(git rev-parse --verify refs/heads/main) || continue
                blob=$(printf 'cli item %s\\n' "$i" | git hash-object -w --stdin) || continue
                git read-tree "$tip" || continue
                git update-index --add --cacheinfo "100644,$blob,cli/$i.txt" || continue
                tree=$(git write-tree) || continue
                commit=$(git commit-tree "$tree" -p "$tip" -m "cli item $i") || continue
                if git update-ref refs/heads/main "$commit" "$tip" 2>/dev/null; then i=$((i + 1)); fi
            done
            echo "$COUNT commits in $attempts attempts"
            """
        let cli = try sandbox.start(
            "/bin/bash", ["-c", script], in: bare,
            environment: ["SANDBOX": sandbox.root, "COUNT": "\(perWriter)"])
        // The writers here keep going while git does, so the two really overlap.
        let process = cli.process
        let results = try await withThrowingTaskGroup(of: (Int, (written: Int, conflicts: Int)).self) { group in
            for writer in 0..<2 {
                group.addTask {
                    (writer, try await Self.write(writer: writer, count: perWriter, path: bare) { process.isRunning })
                }
            }
            var results: [(written: Int, conflicts: Int)] = Array(repeating: (0, 0), count: 2)
            for try await (writer, result) in group { results[writer] = result }
            return results
        }
        let output = cli.standardOutputPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var expected: [String: String] = [:]
        for index in 0..<perWriter {
            expected["cli/\(index).txt"] = "cli item \(index)\n"
        }
        for (writer, result) in results.enumerated() {
            for index in 0..<result.written {
                expected["writer-\(writer)/\(index).txt"] = "writer \(writer) item \(index)\n"
            }
        }
        try verify(sandbox, bare: bare, root: root, expected: expected)
        let conflicts = results.map(\.conflicts).reduce(0, +)
        let cliAttempts = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        print("cross-process race: \(results.map(\.written)) written, \(conflicts) conflicts here; git: \(cliAttempts)")
    }
}
