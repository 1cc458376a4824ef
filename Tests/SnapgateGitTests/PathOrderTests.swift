import Testing

@testable import SnapgateGit

/// Paths in byte order, compared eight bytes at a time: the same answers as comparing the UTF-8
/// views byte by byte, on both sides of every word boundary.
@Suite struct PathOrderTests {
    static let paths = [
        "", "a", "a/b", "a/b.yaml", "a-b", "a0", "apps/x.yaml", "apps/x.yml", "apps/xx", "tenants/app-00001/a.yaml",
        "tenants/app-00001/b.yaml", "tenants/app-00002/a.yaml", "tenants/app-0000/a.yaml", "café/x", "cafe/x", "Z",
        "12345678", "123456789", "12345679", "1234567", "abcdefghijklmnopq", "abcdefghijklmnopr", "é", "\u{10FFFF}",
    ]

    @Test func agreesWithTheUTF8Views() {
        for a in Self.paths {
            for b in Self.paths {
                #expect(
                    GitTreeEntry.bytesPrecede(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) vs \(b)")
            }
        }
    }

    @Test func orderedListingsAreRecognised() {
        let sorted = Self.paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let entries = sorted.map {
            GitTreeEntry(path: $0, id: GitObjectID(hex: String(repeating: "1", count: 40))!, mode: .blob)
        }
        #expect(GitTreeEntry.isOrdered(entries))
        #expect(!GitTreeEntry.isOrdered(entries.reversed()))
    }
}
