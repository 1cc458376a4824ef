import Dispatch
import SnapgateModel
import SnapgateReconciler
import Testing

@testable import SnapgateCLI

/// The report's change lines made ahead, while a pass commits.
@Suite struct PrefetchedChangeLinesTests {
    static func changes(_ names: [String]) -> [FileChange] {
        names.map { name in
            FileChange(
                action: .create, key: ObjectKey(KnownKind.snapshot.groupKind, namespace: "team", name: name),
                apiVersion: "appstudio.redhat.com/v1alpha1", path: "snapgate/team/snapshots/\(name).yaml",
                contents: Array("kind: Snapshot\n".utf8))
        }
    }

    @Test func linesMadeAheadAreTheLinesOfThoseChanges() {
        let changes = Self.changes(["a", "b", "c"])
        let prefetched = PrefetchedChangeLines()
        prefetched.start(changes)
        // Taken by a worker (then made there) or withdrawn (then nil: the caller makes them).
        let lines = prefetched.lines(for: changes)
        #expect(lines == nil || lines == ReconcileReport.changeLines(changes))
    }

    @Test func linesOfOtherChangesAreNotGiven() {
        let queue = DispatchQueue(label: "prefetch")
        let prefetched = PrefetchedChangeLines(queue: queue)
        prefetched.start(Self.changes(["a"]))
        queue.sync {}  // The worker has made the lines of ["a"].
        #expect(prefetched.lines(for: Self.changes(["b"])) == nil)
        #expect(prefetched.lines(for: Self.changes(["a"])) == ReconcileReport.changeLines(Self.changes(["a"])))
    }

    @Test func workNoThreadHasTakenIsNotWaitedFor() {
        // No thread free to make the lines (one core, a busy machine): the report must not wait
        // for one (the dispatcher adds threads only after a delay).
        let queue = DispatchQueue(label: "prefetch")
        queue.suspend()
        let prefetched = PrefetchedChangeLines(queue: queue)
        prefetched.start(Self.changes(["a"]))
        #expect(prefetched.lines(for: Self.changes(["a"])) == nil)
        queue.resume()
        queue.sync {}
        // The worker that runs late finds the work withdrawn and makes nothing.
        #expect(prefetched.lines(for: Self.changes(["a"])) == nil)
    }
}
