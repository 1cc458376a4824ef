import SnapgateYAML
import Testing

/// The YAML 1.1 implicit-typing table, plus the YAML 1.2 forms go-yaml also accepts.
struct ResolverTests {
    static let nulls = ["", "~", "null", "Null", "NULL"]
    static let bools = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    static let ints = [
        "0", "-0", "+0", "7", "42", "-7", "+12", "1_000", "1_000_000", "0755", "00", "-0755", "0o755", "0o17",
        "0x1F", "0xff", "-0x1F", "0xDEAD_BEEF", "0b1010", "0b1_0", "-0b1", "12:30", "190:20:30", "-1:30",
    ]
    static let floats = [
        "1.5", "-1.5", "+1.5", "0.5", "1.", ".5", "-.5", "1_000.5", "1e3", "1E3", "1e+3", "1e-3", "-1e3",
        "1.5e3", "1.5E-03", ".5e3", "0e0", "190:20:30.15", "1:30.", ".inf", "-.inf", "+.inf", ".Inf", ".INF",
        "-.Inf", ".nan", ".NaN", ".NAN",
    ]
    static let strings = [
        "1.2.3", "v1", "sha256:abc", "quay.io/a:1", "0.0.0.0", "-", "+", ".", "-.", "1_000x", "hello", "nul",
        "nulls", "NuLL", "yES", "tRUE", "ye", "yess", "o", "onn", "offf", "oN", "TrUe", "0x", "0xg", "0b2", "0o8",
        "08", "09", "0_9", "1e", "1e+", "e3", "1ee3", "12:60", "0:30", "1:2:", "1::2", ".infinity", "-.nan", ".nAn",
        "inf", "nan", ".Nan", ".nAN", ".naN", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "=", "<<", "~~", "~x",
        "-1-2", "1 2",
        "- a", "a: b", "true ", " true", "1,000", "$1", "10%", "abc", "日本", "é",
    ]

    @Test(arguments: nulls)
    func null(_ text: String) { #expect(YAMLScalarKind.resolve(plain: text) == .null, "\(text)") }

    @Test(arguments: bools)
    func bool(_ text: String) { #expect(YAMLScalarKind.resolve(plain: text) == .bool, "\(text)") }

    @Test(arguments: ints)
    func int(_ text: String) { #expect(YAMLScalarKind.resolve(plain: text) == .int, "\(text)") }

    @Test(arguments: floats)
    func float(_ text: String) { #expect(YAMLScalarKind.resolve(plain: text) == .float, "\(text)") }

    @Test(arguments: strings)
    func string(_ text: String) { #expect(YAMLScalarKind.resolve(plain: text) == .string, "\(text)") }

    @Test func quotedAndBlockScalarsAreStrings() throws {
        let text = "a: 'true'\nb: \"1\"\nc: |\n  null\nd: >-\n  1e3\ne: yes\n"
        let root = try #require(YAMLParser.parse(text).documents.first?.root)
        #expect(root["a"] == .string("true"))
        #expect(root["b"] == .string("1"))
        #expect(root["c"] == .string("null\n"))
        #expect(root["d"] == .string("1e3"))
        #expect(root["e"]?.scalar?.kind == .bool)
    }

    @Test func explicitTags() throws {
        let text = """
            a: !!str 1
            b: !!int "42"
            c: !!float '1'
            d: !!bool "yes"
            e: !!null ""
            f: !custom 12
            g: !custom "12"
            h: ! 12
            i: !<tag:yaml.org,2002:int> 7
            j: !!str
            """
        let root = try #require(YAMLParser.parse(text).documents.first?.root)
        #expect(root["a"]?.scalar == YAMLScalar(text: "1", kind: .string))
        #expect(root["b"]?.scalar == YAMLScalar(text: "42", kind: .int))
        #expect(root["c"]?.scalar == YAMLScalar(text: "1", kind: .float))
        #expect(root["d"]?.scalar == YAMLScalar(text: "yes", kind: .bool))
        #expect(root["e"]?.scalar == YAMLScalar(text: "", kind: .null))
        #expect(root["f"]?.scalar == YAMLScalar(text: "12", kind: .int))
        #expect(root["g"]?.scalar == YAMLScalar(text: "12", kind: .string))
        #expect(root["h"]?.scalar == YAMLScalar(text: "12", kind: .string))
        #expect(root["i"]?.scalar == YAMLScalar(text: "7", kind: .int))
        #expect(root["j"]?.scalar == YAMLScalar(text: "", kind: .string))
    }
}
