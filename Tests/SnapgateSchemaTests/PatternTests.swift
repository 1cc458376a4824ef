import SnapgateSchema
import Testing

/// The hand-written pattern matchers agree with the regular expressions they stand for.
struct PatternTests {
    static let samples = [
        "", "a", "A", "0", "-", "a-", "-a", "a-b", "my-app", "My-App", "a.b", "a..b", ".a", "a.", "a/b", "a/b/c",
        "/a", "a/", "example.com/MyName", "Example.com/x", "a_b", "_a", "a_", "x:y", "X,y_", "Ready", "1ready",
        "componentGroup", "COMPONENT", "components", "1", "1.5", "1.", ".5", ".", "+1", "-1.5e3", "1e", "1E", "1Ki",
        "500m", "2Gi", "3i", "1.5.2", "1.0", "10", "1.0.0", "1..0", "a b", "a\tb", "é", "ab-cd.ef-gh",
        "my-app.v1/Name_1", "1e+3", "e3", "0.5Mi", "-", "+",
    ]

    static let sources = [
        "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
        "^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
        #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#,
        #"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$"#,
        "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
        #"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$"#,
        #"^[0-9]+(\.[0-9]+)?$"#,
        "(?i)^(component|componentGroup)$",
    ]

    @Test(arguments: sources)
    func handWrittenMatcherAgreesWithRegex(source: String) throws {
        let pattern = SchemaPattern(source)
        #expect(pattern.isHandWritten)
        let regex = try Regex(source)
        for sample in Self.samples {
            let expected = (try? regex.firstMatch(in: sample)) != nil
            #expect(pattern.matches(sample) == expected, "\(source) on \(sample.debugDescription)")
        }
    }

    @Test func otherPatternsUseRegex() {
        let pattern = SchemaPattern("^v[0-9]+$")
        #expect(!pattern.isHandWritten)
        #expect(pattern.matches("v12"))
        #expect(!pattern.matches("x12"))
        #expect(pattern.source == "^v[0-9]+$")
        #expect(!SchemaPattern("(unclosed").matches("anything"))
    }
}
