/// A value passed to another task by moving it, not copying it: the receiving task holds the
/// only reference, so it can change the value in place (a copy-on-write value shared with the
/// sender would be copied whole at its first change).
final class Handoff<T: Sendable>: @unchecked Sendable {
    // Set by the sender before the receiving task starts, taken by that task: never at once.
    private var value: T?

    init(_ value: consuming T?) { self.value = value }

    /// The value, moved out (once).
    func take() -> T { value.take()! }
}
