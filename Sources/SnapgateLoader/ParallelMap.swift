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

/// The indices of `keys` in ascending order of the keys (stable), sorted group by group: first
/// the keys are dealt into their groups (in one pass, keeping their order), then each group is
/// sorted on its own. `group` must agree with the order: every key of a smaller group is smaller
/// than every key of a larger one.
///
/// Why: a repository's objects arrive in path order, which within one kind is nearly always key
/// order (a tenant's directory holds its namespace's objects), while the kinds are interleaved
/// file by file. Sorted by kind first, each kind is one ascending run, which the standard
/// library's sort (a merge of runs) orders in linear time; sorted whole, the interleaving costs
/// a full n log n (~40% of assembling a cold pass of the benchmark).
func sortedIndices<K: Comparable & Sendable, G: Comparable>(of keys: [K], groupedBy group: (K) -> G) -> [Int] {
    var groups: [G] = []
    var members: [[Int]] = []
    var current = -1
    for (index, key) in keys.enumerated() {
        let keyGroup = group(key)
        // Consecutive keys mostly share their group: compare with the last one first.
        if current < 0 || groups[current] != keyGroup {
            if let known = groups.firstIndex(of: keyGroup) {
                current = known
            } else {
                groups.append(keyGroup)
                members.append([])
                current = groups.count - 1
            }
        }
        members[current].append(index)
    }
    var result: [Int] = []
    result.reserveCapacity(keys.count)
    for position in groups.indices.sorted(by: { groups[$0] < groups[$1] }) {
        result += sorted(members[position], by: keys)
    }
    return result
}

/// `indices` (ascending) in ascending order of their keys (stable), two halves on two cores when
/// there are many.
private func sorted<K: Comparable & Sendable>(_ indices: [Int], by keys: [K]) -> [Int] {
    let count = indices.count
    @Sendable func sorted(_ range: Range<Int>) -> [Int] {
        keys.withUnsafeBufferPointer { keys in indices[range].sorted { keys[$0] < keys[$1] } }
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
