public import SnapgateRules

/// The commit message of a reconcile, from a pure template (GITOPS.md): one subject line, one line
/// per object created, updated or deleted, then the trailers as the last paragraph, so `git log`
/// is the audit log and `git interpret-trailers` reads it.
public enum CommitMessage {
    /// The message for `changes` and the events that caused them.
    public static func make(changes: [FileChange], events: [RuleEvent]) -> String {
        var counts: [(action: ChangeKind, kind: String, count: Int)] = []
        for change in changes {
            let kind = change.key.groupKind.kind
            if let index = counts.firstIndex(where: { $0.action == change.action && $0.kind == kind }) {
                counts[index].count += 1
            } else {
                counts.append((change.action, kind, 1))
            }
        }
        let summary = counts.map { "\($0.count) \(plural("\($0.action.rawValue)d \($0.kind)", $0.count))" }
            .joined(separator: ", ")
        // Bytes, not String concatenation: a cold pass writes a line for each of 10,000 changes.
        var message: [UInt8] = []
        message.reserveCapacity(64 + changes.count * 64)
        message.append(contentsOf: "snapgate: \(summary.isEmpty ? "no changes" : summary)\n\n".utf8)
        for change in changes {
            message.append(contentsOf: change.action.rawValue.utf8)
            message.append(UInt8(ascii: " "))
            message.append(contentsOf: change.key.groupKind.kind.utf8)
            message.append(UInt8(ascii: " "))
            message.append(contentsOf: change.key.namespace.utf8)
            message.append(UInt8(ascii: "/"))
            message.append(contentsOf: change.key.name.utf8)
            message.append(UInt8(ascii: "\n"))
        }
        if !events.isEmpty {
            message.append(UInt8(ascii: "\n"))
            for event in events {
                message.append(contentsOf: "- ".utf8)
                message.append(contentsOf: event.summary.utf8)
                message.append(UInt8(ascii: "\n"))
            }
        }
        // Each trailer once, in order of first appearance.
        var seen: Set<RuleEvent.Trailer> = []
        var wroteTrailer = false
        for event in events {
            for trailer in event.trailers where seen.insert(trailer).inserted {
                if !wroteTrailer { message.append(UInt8(ascii: "\n")) }
                wroteTrailer = true
                message.append(contentsOf: trailer.key.utf8)
                message.append(contentsOf: ": ".utf8)
                message.append(contentsOf: trailer.value.utf8)
                message.append(UInt8(ascii: "\n"))
            }
        }
        return String(decoding: message, as: UTF8.self)
    }

    /// "created Snapshot" → "created Snapshots" for counts above one (the kind is the last word).
    private static func plural(_ label: String, _ count: Int) -> String {
        count == 1 ? label : label + "s"
    }
}
