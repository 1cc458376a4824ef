import Testing
@testable import SnapgateYAML

@Test func scratch() {
    let inputs = [
        "a:\n\tb: 1\n", "a: \"unclosed\nb: 2\n", "a:\n  b: 1\n c: 2\n", "key: value: other\n",
        "a: 1\nb: [1, 2\n", "", "# only\n", "---\n", "---\n---\n", "\u{FEFF}a: 1\r\nb: 2", "a: \u{FF}\n",
        "a: *x\n", "a: &x [*x]\n", "x: !!int abc\ny: !foo 12\nz: ! 12\nw: !!str 1\n", "- a\n- b: 1\n  c: 2\n",
    ]
    for i in inputs {
        let s = YAMLParser.parse(i)
        print("----", i.debugDescription)
        for d in s.documents { print(d.index, d.mark, d.root.map { "\($0)" } ?? "nil") }
        for e in s.errors { print(e.code, e) }
    }
    var bad: [UInt8] = Array("a: 1\nb: x".utf8); bad.append(0xFF); bad += Array("\n".utf8)
    for e in YAMLParser.parse(bad).errors { print(e.code, e) }
}
