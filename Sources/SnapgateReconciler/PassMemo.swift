import Foundation
public import SnapgateGit
public import SnapgateModel
import SnapgateNode

/// What the last completed pass over a branch knew, kept under `.git/snapgate/state/` so the next
/// process can tell that there is nothing to do without reading a single manifest (issue 5: a
/// no-op reconcile in a fresh process).
///
/// A pass may be skipped only when the branch tip is the one the memo names, the fingerprint (the
/// snapgate build, its settings, the executor) is the same, no rule followed the clock
/// continuously, and the clock has not reached the earliest time a time-based rule would decide
/// differently. The memo also keeps that pass's diagnostics, so a skipped pass reports the same.
public struct PassMemo: Sendable, Hashable {
    public var tip: GitObjectID
    public var fingerprint: String
    public var wakeUp: Timestamp?
    public var diagnostics: [Diagnostic]

    /// Creates a memo.
    public init(tip: GitObjectID, fingerprint: String, wakeUp: Timestamp?, diagnostics: [Diagnostic]) {
        self.tip = tip
        self.fingerprint = fingerprint
        self.wakeUp = wakeUp
        self.diagnostics = diagnostics
    }

    /// Whether a pass at `now` over `tip` with `fingerprint` has nothing to do.
    public func allowsSkipping(tip: GitObjectID, fingerprint: String, now: Timestamp) -> Bool {
        tip == self.tip && fingerprint == self.fingerprint && wakeUp.map { now < $0 } ?? true
    }

    /// The memo file of `branch` in `repository`.
    static func path(in repository: GitRepository, branch: String) -> String {
        stateFile(in: repository, branch: branch, suffix: "json")
    }

    /// `.git/snapgate/state/<branch>.<suffix>`, the branch name made one file name (`/` → `%2F`).
    static func stateFile(in repository: GitRepository, branch: String, suffix: String) -> String {
        let name = branch.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
        return repository.gitDirectory + "/snapgate/state/\(name).\(suffix)"
    }

    /// Reads the memo of `branch`; nil when there is none or it cannot be read (then the pass runs).
    static func read(in repository: GitRepository, branch: String) -> PassMemo? {
        guard let data = FileManager.default.contents(atPath: path(in: repository, branch: branch)),
            let json = try? JSONValue.parse(String(decoding: data, as: UTF8.self)),
            let tip = json["tip"]?.string.flatMap(GitObjectID.init(hex:)), let fingerprint = json["fingerprint"]?.string
        else { return nil }
        var wakeUp: Timestamp?
        if case .int(let milliseconds)? = json["wakeUp"] { wakeUp = Timestamp(milliseconds: Int64(milliseconds)) }
        var diagnostics: [Diagnostic] = []
        if case .array(let items)? = json["diagnostics"] {
            for item in items {
                guard let diagnostic = Diagnostic(json: item) else { return nil }
                diagnostics.append(diagnostic)
            }
        }
        return PassMemo(tip: tip, fingerprint: fingerprint, wakeUp: wakeUp, diagnostics: diagnostics)
    }

    /// Writes the memo atomically (a rename), so a reader never sees half of one.
    func write(in repository: GitRepository, branch: String) {
        let target = Self.path(in: repository, branch: branch)
        let json = JSONValue.object([
            ("tip", .string(tip.hex)), ("fingerprint", .string(fingerprint)),
            ("wakeUp", wakeUp.map { .int(Int($0.milliseconds)) } ?? .null),
            ("diagnostics", .array(diagnostics.map(\.json))),
        ])
        // A memo is an optimisation: without it (not written, or cut short by a crash: no longer
        // JSON) the next pass simply runs.
        StateWrites.replaceFile(at: target, with: [Array(json.compactText.utf8)])
    }
}
