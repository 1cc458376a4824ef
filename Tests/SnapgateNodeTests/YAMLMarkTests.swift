import SnapgateNode
import Testing

/// Marks keep their numbers in 32 bits; they must still read, compare and hash as the numbers.
struct YAMLMarkTests {
    @Test func readsBackWhatWasSet() {
        var mark = YAMLMark(line: 12, column: 7)
        #expect(mark.line == 12)
        #expect(mark.column == 7)
        mark.line = 1_000_000
        mark.column += 1
        #expect(mark == YAMLMark(line: 1_000_000, column: 8))
        #expect(mark.description == "1000000:8")
        #expect(YAMLMark.none.line == 0 && YAMLMark.none.column == 0)
    }

    @Test func ordersByLineThenColumn() {
        let marks = [YAMLMark(line: 2, column: 1), YAMLMark(line: 1, column: 9), YAMLMark(line: 1, column: 2)]
        #expect(
            marks.sorted() == [
                YAMLMark(line: 1, column: 2), YAMLMark(line: 1, column: 9), YAMLMark(line: 2, column: 1),
            ])
        #expect(Set(marks + marks).count == 3)
    }

    @Test func numbersBeyond32BitsAreClamped() {
        let mark = YAMLMark(line: Int.max, column: -5_000_000_000)
        #expect(mark.line == Int(Int32.max))
        #expect(mark.column == Int(Int32.min))
    }
}
