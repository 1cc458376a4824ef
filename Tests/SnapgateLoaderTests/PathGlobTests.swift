import SnapgateLoader
import Testing

@Suite struct PathGlobTests {
    struct Case: Sendable, CustomStringConvertible {
        let pattern: String
        let path: String
        let matches: Bool
        var description: String { "\(pattern) ~ \(path)" }
    }

    @Test(arguments: [
        Case(pattern: "*.yaml", path: "a.yaml", matches: true),
        Case(pattern: "*.yaml", path: "deep/dir/a.yaml", matches: true),
        Case(pattern: "*.yaml", path: "a.yml", matches: false),
        Case(pattern: "/*.yaml", path: "deep/a.yaml", matches: false),
        Case(pattern: "/*.yaml", path: "a.yaml", matches: true),
        Case(pattern: "charts/**", path: "charts/x/templates/a.yaml", matches: true),
        Case(pattern: "charts/**", path: "other/charts/a.yaml", matches: false),
        Case(pattern: "charts/", path: "charts/a.yaml", matches: true),
        Case(pattern: "**/templates/*.yaml", path: "charts/x/templates/a.yaml", matches: true),
        Case(pattern: "**/templates/*.yaml", path: "templates/a.yaml", matches: true),
        Case(pattern: "apps/**/*.yaml", path: "apps/a.yaml", matches: true),
        Case(pattern: "apps/**/*.yaml", path: "apps/x/y/a.yaml", matches: true),
        Case(pattern: "apps/?.yaml", path: "apps/a.yaml", matches: true),
        Case(pattern: "apps/?.yaml", path: "apps/ab.yaml", matches: false),
        Case(pattern: "./apps/*.yaml", path: "apps/a.yaml", matches: true),
        Case(pattern: "*-patch.yaml", path: "x/its-patch.yaml", matches: true),
        // The file-name-suffix fast path and its edges.
        Case(pattern: "*.yaml", path: ".yaml", matches: true),
        Case(pattern: "*.yaml", path: "dir.yaml/a.txt", matches: false),
        Case(pattern: "*.yaml", path: "yaml", matches: false),
        Case(pattern: "*.yaml", path: "a/b.yaml/", matches: true),
        Case(pattern: "*.yaml", path: "", matches: false),
        // `?` and `*` step over characters, not bytes.
        Case(pattern: "apps/?.yaml", path: "apps/é.yaml", matches: true),
        Case(pattern: "apps/??.yaml", path: "apps/é.yaml", matches: false),
        Case(pattern: "apps/*é.yaml", path: "apps/café.yaml", matches: true),
        Case(pattern: "**/ö/*.yml", path: "x/ö/a.yml", matches: true),
    ])
    func matching(_ c: Case) {
        #expect(PathGlob(c.pattern).matches(c.path) == c.matches)
    }
}
