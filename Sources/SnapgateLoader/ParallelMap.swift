import Dispatch
import Synchronization

/// `items.map(transform)` computed on every core; results in input order. For pure transforms.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 64 else { return items.map(transform) }
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.store(transform(items[index]), at: index)
    }
    return results.take()
}

/// The indices of `keys` in ascending order of the keys (stable), sorted on two cores when there
/// are many (a repository's objects are sorted by key on the way to being decided).
func sortedIndices<K: Comparable & Sendable>(of keys: [K]) -> [Int] {
    let count = keys.count
    @Sendable func sorted(_ range: Range<Int>) -> [Int] {
        keys.withUnsafeBufferPointer { keys in Array(range).sorted { keys[$0] < keys[$1] } }
    }
    guard count >= 8192 else { return sorted(0..<count) }
    let middle = count / 2
    let halves = ResultSlots<[Int]>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { half in
        halves.store(sorted(half == 0 ? 0..<middle : middle..<count), at: half)
    }
    let parts = halves.take()
    let first = parts[0]
    let second = parts[1]
    var merged: [Int] = []
    merged.reserveCapacity(count)
    keys.withUnsafeBufferPointer { keys in
        var i = 0
        var j = 0
        // On equal keys the first half's index goes first: stable, as one sort would be.
        while i < first.count && j < second.count {
            if keys[second[j]] < keys[first[i]] {
                merged.append(second[j])
                j += 1
            } else {
                merged.append(first[i])
                i += 1
            }
        }
        merged += first[i...]
        merged += second[j...]
    }
    return merged
}

/// Slots written concurrently, each by exactly one iteration of `concurrentPerform`, and read only
/// after it returns (which happens-after every iteration): no two threads touch the same slot, and
/// no slot is read while written, so the unsynchronised storage is safe. A raw buffer, not an
/// array property, so no exclusivity check sees the concurrent writes as one access.
final class ResultSlots<R: Sendable>: @unchecked Sendable {
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

    func store(_ value: consuming R, at index: Int) { slots[index] = value }

    /// Every value, in slot order, moved out (none is copied); call once, after every writer
    /// has finished, when every slot is filled.
    func take() -> [R] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                buffer.initializeElement(at: index, to: slots[index].take()!)
            }
            initialized = count
        }
    }
}

/// Work items `0..<count` handed out one at a time to whichever task asks first: on shared
/// machines one core is often slower than another, and the faster one takes over its share.
final class Claims: Sendable {
    private let claimed = Atomic<Int>(0)
    private let count: Int

    init(count: Int) { self.count = count }

    /// The next unclaimed item; nil when all are claimed (or after `stop()`).
    func next() -> Int? {
        let item = claimed.wrappingAdd(1, ordering: .relaxed).oldValue
        return item < count ? item : nil
    }

    /// Hands out nothing more.
    func stop() { claimed.store(count, ordering: .relaxed) }
}
