// STUB for parallel development: replaced by the Git layer implementation on merge.
public struct GitObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    public var hex: String
    public init?(hex: String) { self.hex = hex }
    public var description: String { hex }
    public static func < (a: GitObjectID, b: GitObjectID) -> Bool { a.hex < b.hex }
}
public enum GitFileMode: Sendable, Hashable { case blob, executable, link, tree, submodule }
public struct GitTreeEntry: Sendable, Hashable {
    public var path: String
    public var id: GitObjectID
    public var mode: GitFileMode
}
public struct GitError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable { case notFound, conflict, locked, invalidArgument, ambiguous, auth, network, other }
    public var code: Code
    public var function: String
    public var message: String
    public var description: String { message }
}
public struct GitSignature: Sendable, Hashable {
    public var name: String
    public var email: String
    public var time: Int64
    public var offsetMinutes: Int
}
public struct GitCommitInfo: Sendable {
    public var id, tree: GitObjectID
    public var parents: [GitObjectID]
    public var message: String
    public var author, committer: GitSignature
}
public actor GitRepository {
    public init(path: String) throws(GitError) { fatalError() }
    public nonisolated let gitDirectory: String = ""
    public nonisolated let workTree: String? = nil
    public nonisolated let isBare: Bool = false
    public func headBranch() throws(GitError) -> String? { fatalError() }
    public func branchTip(_ name: String) throws(GitError) -> GitObjectID? { fatalError() }
    public func commitInfo(_ id: GitObjectID) throws(GitError) -> GitCommitInfo { fatalError() }
    public func listTree(_ tree: GitObjectID) throws(GitError) -> [GitTreeEntry] { fatalError() }
    public func readBlob(_ id: GitObjectID) throws(GitError) -> [UInt8] { fatalError() }
    public func readBlobs(_ ids: [GitObjectID]) throws(GitError) -> [[UInt8]] { fatalError() }
    public func readFile(_ path: String, atTree tree: GitObjectID) throws(GitError) -> [UInt8]? { fatalError() }
    public func remoteURL(_ remote: String) throws(GitError) -> String? { fatalError() }
}
