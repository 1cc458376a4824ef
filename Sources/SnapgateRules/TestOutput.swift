import SnapgateModel
import SnapgateNode

/// The standardised test result a task of an integration test reports as its `TEST_OUTPUT`
/// (or legacy `HACBS_TEST_OUTPUT`) result (SPEC.md §4.3).
public struct TestOutput: Sendable, Hashable {
    /// The `result` field.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        case success = "SUCCESS"
        case failure = "FAILURE"
        case warning = "WARNING"
        case skipped = "SKIPPED"
        case error = "ERROR"

        /// SUCCESS, SKIPPED and WARNING let the test pass (§4.2).
        public var passes: Bool { self == .success || self == .skipped || self == .warning }
    }

    public var result: Outcome
    /// Ten-digit unix seconds or an RFC 3339 date-time, as written.
    public var timestamp: String
    public var successes: Int
    public var failures: Int
    public var warnings: Int
    public var namespace: String?
    public var note: String?

    /// The result names read, in upstream's order of preference within a TaskRun's results.
    public static let resultNames: Set<String> = ["TEST_OUTPUT", "HACBS_TEST_OUTPUT"]

    /// Why a `TEST_OUTPUT` value was rejected: broken JSON, or every schema violation found.
    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        /// True when the text is not JSON at all (upstream's "error while mapping json data").
        public var isJSONError: Bool
        /// One message per problem, each naming its field.
        public var problems: [String]

        public var description: String { problems.joined(separator: ", ") }
    }

    /// Reads and validates a `TEST_OUTPUT` value exactly as upstream's schema does: an object with
    /// `result` (one of the five outcomes), `timestamp` (10-digit unix seconds or a date-time),
    /// `successes`, `failures`, `warnings` (integers ≥ 0), and optional string `namespace`,
    /// `note`. Other fields are allowed and ignored.
    public static func parse(_ text: String) -> Result<TestOutput, Invalid> {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            return .failure(Invalid(isJSONError: true, problems: ["\(error)"]))
        }
        guard case .object = value else {
            return .failure(Invalid(isJSONError: false, problems: ["expected a JSON object, got \(typeName(value))"]))
        }
        var problems: [String] = []
        var outcome: Outcome?
        switch value["result"] {
        case nil: problems.append("missing required field 'result'")
        case .string(let text)?:
            outcome = Outcome(rawValue: text)
            if outcome == nil {
                let allowed = Outcome.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append("'result' must be one of \(allowed), got \"\(text)\"")
            }
        case let other?: problems.append("'result' must be a string, got \(typeName(other))")
        }
        var timestamp: String?
        switch value["timestamp"] {
        case nil: problems.append("missing required field 'timestamp'")
        case .string(let text)?:
            if isUnixSeconds(text) || isDateTime(text) {
                timestamp = text
            } else {
                problems.append("'timestamp' must be 10-digit unix seconds or an RFC 3339 date-time, got \"\(text)\"")
            }
        case let other?: problems.append("'timestamp' must be a string, got \(typeName(other))")
        }
        let successes = count("successes", in: value, problems: &problems)
        let failures = count("failures", in: value, problems: &problems)
        let warnings = count("warnings", in: value, problems: &problems)
        let namespace = optionalString("namespace", in: value, problems: &problems)
        let note = optionalString("note", in: value, problems: &problems)
        guard problems.isEmpty, let outcome, let timestamp, let successes, let failures, let warnings else {
            return .failure(Invalid(isJSONError: false, problems: problems))
        }
        return .success(
            TestOutput(
                result: outcome, timestamp: timestamp, successes: successes, failures: failures, warnings: warnings,
                namespace: namespace, note: note))
    }

    private static func count(_ field: String, in object: JSONValue, problems: inout [String]) -> Int? {
        switch object[field] {
        case nil:
            problems.append("missing required field '\(field)'")
        case .int(let number)?:
            if number >= 0 { return number }
            problems.append("'\(field)' must be >= 0, got \(number)")
        // Go decodes into an `int`: 1.0 or 1e3 is not one.
        case let other?:
            problems.append("'\(field)' must be an integer, got \(typeName(other))")
        }
        return nil
    }

    private static func optionalString(_ field: String, in object: JSONValue, problems: inout [String]) -> String? {
        switch object[field] {
        case nil: return nil
        case .string(let text)?: return text
        case let other?:
            problems.append("'\(field)' must be a string, got \(typeName(other))")
            return nil
        }
    }

    private static func isUnixSeconds(_ text: String) -> Bool {
        text.utf8.count == 10 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// RFC 3339 `date-time` (JSON Schema's format): `T` between date and time, never a space.
    private static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
        return Timestamp(rfc3339: text) != nil
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
