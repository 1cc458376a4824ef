public import SnapgateRules

/// The commit message of a reconcile, from a pure template (GITOPS.md): one subject line, one line
/// per object created, updated or deleted, then the trailers as the last paragraph, so `git log`
/// is the audit log and `git interpret-trailers` reads it.
public enum CommitMessage {
    /// The message for `changes` and the events that caused them.
    public static func make(changes: [FileChange], events: [RuleEvent]) -> String {
        var counts: [(String, Int)] = []
        for change in changes {
            let label = "\(change.action.rawValue)d \(change.key.groupKind.kind)"
            if let index = counts.firstIndex(where: { $0.0 == label }) {
                counts[index].1 += 1
            } else {
                counts.append((label, 1))
            }
        }
        let summary = counts.map { "\($0.1) \(plural($0.0, $0.1))" }.joined(separator: ", ")
        var message = "snapgate: \(summary.isEmpty ? "no changes" : summary)\n\n"
        for change in changes {
            message +=
                "\(change.action.rawValue) \(change.key.groupKind.kind) \(change.key.namespace)/\(change.key.name)\n"
        }
        if !events.isEmpty {
            message += "\n"
            for event in events { message += "- \(event.summary)\n" }
        }
        var trailers: [RuleEvent.Trailer] = []
        for trailer in events.flatMap(\.trailers) where !trailers.contains(trailer) { trailers.append(trailer) }
        if !trailers.isEmpty {
            message += "\n"
            for trailer in trailers { message += "\(trailer.key): \(trailer.value)\n" }
        }
        return message
    }

    /// "created Snapshot" → "created Snapshots" for counts above one (the kind is the last word).
    private static func plural(_ label: String, _ count: Int) -> String {
        count == 1 ? label : label + "s"
    }
}
