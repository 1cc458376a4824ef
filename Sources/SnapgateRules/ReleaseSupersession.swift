public import SnapgateModel

/// SPEC.md §5.3's supersession check: a push component Snapshot is not released when a newer push
/// component Snapshot of the same component and application exists.
public enum ReleaseSupersession {
    /// Whether `snapshot` is superseded among `snapshots` (the Snapshots of its namespace).
    ///
    /// Skipped when the Snapshot's `test.appstudio.openshift.io/ignore-supersession` annotation
    /// parses as boolean true; applies only when it has the component label and the
    /// `pipelinerunstarttime` annotation. Start times ≤ 10 000 000 000 are seconds (§10.14) and
    /// are compared in milliseconds.
    public static func isSuperseded(_ snapshot: Snapshot, among snapshots: [Snapshot]) -> Bool {
        let labels = snapshot.metadata.labels
        if let ignore = snapshot.metadata.annotations[Keys.ignoreSupersession], parseGoBool(ignore) == true {
            return false
        }
        guard let component = labels[Keys.component],
            let start = startTime(snapshot)
        else { return false }
        return snapshots.contains { other in
            other.metadata.name != snapshot.metadata.name
                && other.metadata.namespace == snapshot.metadata.namespace
                && other.metadata.labels[Keys.testType] == "component"
                && other.metadata.labels[Keys.component] == component
                && other.application == snapshot.application
                && Classification.isPushSnapshot(other)
                && (startTime(other).map { $0 > start } ?? false)
        }
    }

    /// The `pipelinerunstarttime` annotation in milliseconds.
    static func startTime(_ snapshot: Snapshot) -> Int64? {
        guard let text = snapshot.metadata.annotations[Keys.pipelineRunStartTime], let value = Int64(text) else {
            return nil
        }
        return value <= 10_000_000_000 ? value * 1000 : value
    }

    /// Go's `strconv.ParseBool`.
    static func parseGoBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "true", "TRUE", "True": return true
        case "0", "f", "F", "false", "FALSE", "False": return false
        default: return nil
        }
    }
}
