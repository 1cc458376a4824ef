import Synchronization

/// Frees large values off the caller's path: a full pass holds hundreds of thousands of small
/// allocations (every manifest's node tree), and releasing them one by one takes longer than
/// some whole passes (issue 5). Handing the last reference to a background task lets the caller
/// return — and a command print its report and exit — while the memory is freed behind it.
///
/// A command that runs one pass and exits calls `keepUntilExit()`: then nothing is freed at all
/// (the exit returns the memory in one step), as compilers skip freeing their trees before
/// exiting, and the other core stays free for the work that is left.
public enum BackgroundRelease {
    private static let keeping = Atomic<Bool>(false)
    private static let kept = Mutex<[AnyObject]>([])
    /// Values handed to background tasks and not yet freed.
    private static let pending = Atomic<Int>(0)

    /// From now on, values dropped are kept until the process exits instead of freed.
    public static func keepUntilExit() { keeping.store(true, ordering: .relaxed) }

    /// Drops `value` on a background task (or keeps it, after `keepUntilExit()`).
    public static func drop<T: Sendable>(_ value: consuming T) {
        let box = Box(value)
        if keeping.load(ordering: .relaxed) {
            kept.withLock { $0.append(box) }
        } else {
            pending.add(1, ordering: .relaxed)
            Task.detached(priority: .background) {
                box.release()
                pending.subtract(1, ordering: .releasing)
            }
        }
    }

    /// Returns once every value dropped so far is freed: for a measurement of one pass that must
    /// not share the machine with the freeing of the pass before it (the benchmark's warm cases).
    public static func drained() async {
        while pending.load(ordering: .acquiring) > 0 { try? await Task.sleep(for: .milliseconds(1)) }
    }

    private final class Box<T: Sendable>: @unchecked Sendable {
        // Touched by the creating thread before the task starts and by the task after: never at once.
        private var value: T?
        init(_ value: consuming T) { self.value = value }
        func release() { value = nil }
    }
}
