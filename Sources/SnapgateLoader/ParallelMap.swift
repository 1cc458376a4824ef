import Dispatch

/// `items.map(transform)` computed on every core; results in input order. For pure transforms.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 64 else { return items.map(transform) }
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.store(transform(items[index]), at: index)
    }
    return results.values
}

/// Slots written concurrently, each by exactly one iteration of `concurrentPerform`, and read only
/// after it returns (which happens-after every iteration): no two threads touch the same slot, and
/// no slot is read while written, so the unsynchronised storage is safe. A raw buffer, not an
/// array property, so no exclusivity check sees the concurrent writes as one access.
private final class ResultSlots<R: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<R?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: R, at index: Int) { slots[index] = value }

    var values: [R] { (0..<count).map { slots[$0]! } }
}
