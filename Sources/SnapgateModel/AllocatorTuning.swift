import Synchronization

/// How the process's allocator maps memory, for a command that runs one large pass and exits.
///
/// Every 4 KiB page a pass touches first costs a page fault (about 1.5 µs on a virtual machine),
/// and the exit then frees the pages one by one: a cold reconcile of the benchmark's 1,000
/// applications took 27,000 faults, a fifth of its time. Transparent huge pages (2 MiB) take
/// one fault and one free for 512 of them, for a few megabytes of memory more (each allocating
/// thread's last huge page is partly used).
///
/// The executable, which links the allocator (mimalloc), installs the switch; libraries and
/// tests run without one, and then `useLargePages` does nothing.
public enum AllocatorTuning {
    private static let largePages = Mutex<(@Sendable (Bool) -> Void)?>(nil)

    /// Installs the allocator's switch (the executable, at start).
    public static func install(largePages body: @escaping @Sendable (Bool) -> Void) {
        largePages.withLock { $0 = body }
    }

    /// Maps the memory the allocator takes from the system from now on in huge pages (where the
    /// system allows them), or no longer.
    public static func useLargePages(_ on: Bool) {
        largePages.withLock { $0 }?(on)
    }
}
