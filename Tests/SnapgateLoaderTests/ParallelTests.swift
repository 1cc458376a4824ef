import Testing

@testable import SnapgateLoader

/// The helpers that spread loading over the cores: results must be what the one-core versions give.
@Suite struct ParallelTests {
    /// Pseudo-random keys with many repeats (ties show whether the order is stable).
    static func keys(_ count: Int) -> [Int] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 54)
        }
    }

    /// Below the threshold a group is sorted at once, above it in two halves on two cores, then
    /// merged: both must equal one stable sort of the indices (one group holding every key).
    @Test(arguments: [0, 1, 2, 100, 8191, 8192, 8193, 20_001])
    func sortedIndicesAreAStableSort(count: Int) {
        let keys = Self.keys(count)
        let expected = keys.indices.sorted { keys[$0] < keys[$1] }
        #expect(sortedIndices(of: keys, groupedBy: { _ in 0 }) == expected)
    }

    /// Sorted group by group (the group agreeing with the order), the result is the one stable
    /// sort's: random keys with ties, and kinds interleaved item by item with each kind's keys
    /// already ascending (objects as files list them), one kind large enough to be sorted in halves.
    @Test(arguments: [0, 1, 2, 100, 8191, 20_001, 70_000])
    func sortedIndicesGroupedAreTheOneSort(count: Int) {
        let keys = Self.keys(count)
        let expected = keys.indices.sorted { keys[$0] < keys[$1] }
        #expect(sortedIndices(of: keys, groupedBy: { $0 / 100 }) == expected)
        let interleaved = (0..<count).map { ($0 % 7 == 0 ? 3 : $0 % 3) * 1_000_000 + $0 / 7 }
        let expectedInterleaved = interleaved.indices.sorted { interleaved[$0] < interleaved[$1] }
        #expect(sortedIndices(of: interleaved, groupedBy: { $0 / 1_000_000 }) == expectedInterleaved)
    }

    @Test func parallelMapKeepsTheOrderOfItsInput() {
        let items = Array(0..<10_000)
        #expect(parallelMap(items) { $0 * 3 } == items.map { $0 * 3 })
    }

    @Test func slotsFilledConcurrentlyAreTakenInSlotOrder() async {
        let slots = ResultSlots<String>(count: 1000)
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for slot in stride(from: worker, to: 1000, by: 4) { slots.store("value \(slot)", at: slot) }
                }
            }
        }
        #expect(slots.take() == (0..<1000).map { "value \($0)" })
    }

    @Test func everyItemIsClaimedOnceAndStopEndsTheClaims() async {
        let claims = Claims(count: 5000)
        let claimed = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var mine: [Int] = []
                    while let item = claims.next() { mine.append(item) }
                    return mine
                }
            }
            var all: [Int] = []
            for await mine in group { all += mine }
            return all
        }
        #expect(claimed.sorted() == Array(0..<5000))
        let stopped = Claims(count: 10)
        #expect(stopped.next() == 0)
        stopped.stop()
        #expect(stopped.next() == nil)
    }
}
