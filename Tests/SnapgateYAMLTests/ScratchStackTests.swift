import Testing

@testable import SnapgateYAML

/// The tree builder's scratch stack: elements move out exactly once, and none leaks or is freed twice.
struct ScratchStackTests {
    /// Counts live `Tracked` instances.
    final class Counter {
        var live = 0
    }

    final class Tracked {
        let value: Int
        let counter: Counter
        init(_ value: Int, _ counter: Counter) {
            self.value = value
            self.counter = counter
            counter.live += 1
        }
        deinit { counter.live -= 1 }
    }

    @Test func pushGrowTakeAndDrop() {
        let counter = Counter()
        do {
            let stack = ScratchStack<Tracked>(capacity: 2)
            for i in 0..<10 { stack.push(Tracked(i, counter)) }  // grows three times
            #expect(stack.count == 10)
            #expect(stack.elements(from: 7).map(\.value) == [7, 8, 9])
            let top = stack.take(from: 6)
            #expect(top.map(\.value) == [6, 7, 8, 9])
            #expect(stack.count == 6)
            #expect(stack.take(from: 6).isEmpty)
            stack.push(Tracked(10, counter))
            #expect(stack.elements(from: 0).map(\.value) == [0, 1, 2, 3, 4, 5, 10])
            #expect(counter.live == 11)
            stack.removeAll()
            #expect(stack.count == 0)
            #expect(counter.live == 4)  // the four taken out
            stack.push(Tracked(11, counter))
            stack.push(Tracked(12, counter))
            #expect(counter.live == 6)
            withExtendedLifetime(top) {}
        }
        // The taken array and the stack, which still held two, are gone.
        #expect(counter.live == 0)
    }
}
