/// The children of the collections being built, innermost collection last: each collection's
/// children sit together at the top while it is open, and move out into one array of exactly
/// their number when it closes. Growing every mapping's array by doubling cost several
/// allocations per mapping and left up to half of each array unused.
final class ScratchStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// How many elements the stack holds.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func push(_ element: consuming Element) {
        if count == capacity {
            let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }
        (base + count).initialize(to: element)
        count += 1
    }

    /// The elements from `start` to the top, in place.
    func elements(from start: Int) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + start, count: count - start)
    }

    /// Moves the elements from `start` to the top into an array, leaving `start` elements.
    func take(from start: Int) -> [Element] {
        let taken = count - start
        guard taken > 0 else { return [] }
        // Reserved, then appended by moving: `Array(unsafeUninitializedCapacity:)` goes through
        // an unspecialized allocation that looks up the storage class's generic metadata (~570
        // instructions per collection, 122,000 collections in a cold pass).
        var array: [Element] = []
        array.reserveCapacity(taken)
        for index in start..<count { array.append((base + index).move()) }
        count = start
        return array
    }

    /// Drops every element.
    func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }
}
