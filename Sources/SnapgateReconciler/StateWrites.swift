import Synchronization

/// A reconciler's writes of its state files (the pass index and memo under `.git/snapgate/state`),
/// one after the other and off the pass's path: a cold pass of a large repository spent ~7 ms
/// writing its index after publishing, while the report that follows could use the other core.
/// One queue per process: the next pass of any reconciler waits for them before it reads.
final class StateWrites: Sendable {
    /// The process's queue.
    static let process = StateWrites()

    private let last = Mutex<Task<Void, Never>?>(nil)

    /// Runs `write` on another thread, after every write started before it.
    func start(_ write: @escaping @Sendable () -> Void) {
        last.withLock { last in
            let previous = last
            last = Task.detached {
                await previous?.value
                write()
            }
        }
    }

    /// Waits for every write started so far.
    func settle() async {
        let pending = last.withLock { $0 }
        await pending?.value
    }
}
