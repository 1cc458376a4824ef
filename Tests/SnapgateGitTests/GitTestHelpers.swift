import SnapgateGit
import SnapgateTestSupport

/// Runs `body` and returns the `GitError` it throws, or `nil` when it does not throw one.
func gitError(_ body: () async throws -> Void) async -> GitError? {
    do {
        try await body()
        return nil
    } catch let error as GitError {
        return error
    } catch {
        return nil
    }
}

extension GitSignature {
    /// A signature for tests.
    static func test(_ name: String = "Snap Gate", time: Int64 = 1_700_000_100, offset: Int = 0) -> GitSignature {
        GitSignature(
            name: name, email: "\(name.lowercased().replacingOccurrences(of: " ", with: "."))@example.com",
            time: time, offsetMinutes: offset)
    }
}
