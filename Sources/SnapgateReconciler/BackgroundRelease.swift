/// Frees large values off the caller's path: a full pass holds hundreds of thousands of small
/// allocations (every manifest's node tree), and releasing them one by one takes longer than
/// some whole passes (issue 5). Handing the last reference to a background task lets the caller
/// return — and a command print its report and exit — while the memory is freed behind it; a
/// process that exits first simply never pays.
public enum BackgroundRelease {
    /// Drops `value` on a background task.
    public static func drop<T: Sendable>(_ value: consuming T) {
        let box = Box(value)
        Task.detached(priority: .background) { box.release() }
    }

    private final class Box<T: Sendable>: @unchecked Sendable {
        // Touched by the creating thread before the task starts and by the task after: never at once.
        private var value: T?
        init(_ value: consuming T) { self.value = value }
        func release() { value = nil }
    }
}
