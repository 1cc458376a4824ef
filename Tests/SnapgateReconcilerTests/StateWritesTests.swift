import Foundation
import Synchronization
import Testing

@testable import SnapgateReconciler

/// State files are written one after the other, in the order the passes started them, and
/// `settle` returns only when every write started before it is done.
@Suite struct StateWritesTests {
    @Test func writesRunInOrderAndSettleWaitsForThem() async {
        let writes = StateWrites()
        let done = Mutex<[Int]>([])
        for number in 0..<40 {
            writes.start {
                // Uneven durations: a later write must still wait for an earlier, slower one.
                if number % 3 == 0 { usleep(2_000) }
                done.withLock { $0.append(number) }
            }
        }
        await writes.settle()
        #expect(done.withLock { $0 } == Array(0..<40))
        // Nothing pending: settling again returns at once, and a new write still runs.
        await writes.settle()
        writes.start { done.withLock { $0.append(40) } }
        await writes.settle()
        #expect(done.withLock { $0.count } == 41)
    }
}
