import Testing

@testable import SnapgateGit

/// `lastSlash(in:)`, found on the bytes, is the index `lastIndex(of: "/")` gives, also for a
/// substring that starts inside its string and for paths with non-ASCII names.
@Suite struct LastSlashTests {
    static let paths = [
        "", "/", "a", "a/", "/a", "a/b", "snapgate/tenant/components/web.yaml", "ä/ö/ü.yaml", "日本/語.yaml",
        "a//b", "x/y/z/",
    ]

    @Test(arguments: paths)
    func isTheLastSlashOfAString(_ path: String) {
        #expect(lastSlash(in: path[...]) == path.lastIndex(of: "/"))
    }

    @Test(arguments: paths)
    func isTheLastSlashOfASubstringInside(_ path: String) {
        let whole = "pre/fix-" + path + "/suf"
        let start = whole.index(whole.startIndex, offsetBy: 8)
        let end = whole.index(whole.endIndex, offsetBy: -4)
        let inside = whole[start..<end]
        #expect(String(inside) == path)
        #expect(lastSlash(in: inside) == inside.lastIndex(of: "/"))
    }
}
