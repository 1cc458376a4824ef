import Testing

@testable import SnapgateRules

/// SPEC.md §4.3: "`result` (required; one of `SUCCESS`,`FAILURE`,`WARNING`,`SKIPPED`,`ERROR`),
/// `timestamp` (required; 10-digit unix seconds or ISO-8601 date-time), `successes`,`failures`,
/// `warnings` (required, integers ≥0), `namespace`, `note` (optional strings). Broken JSON or
/// schema violations make that task's result "invalid"."
@Suite struct TestOutputTests {
    static let base = #""result":"SUCCESS","timestamp":"1762693500","successes":3,"failures":0,"warnings":0"#

    /// Valid values and the outcome they carry.
    @Test(
        arguments: [
            ("{\(base)}", TestOutput.Outcome.success),
            (
                #"{"result":"FAILURE","timestamp":"2025-11-09T13:05:00Z","successes":0,"failures":2,"warnings":0}"#,
                .failure
            ),
            (
                #"{"result":"WARNING","timestamp":"2025-11-09T13:05:00.5+02:00","#
                    + #""successes":0,"failures":0,"warnings":1}"#,
                .warning
            ),
            (
                #"{"result":"SKIPPED","timestamp":"1762693500","successes":0,"failures":0,"warnings":0,"note":"n"}"#,
                .skipped
            ),
            (
                #"{"result":"ERROR","timestamp":"1762693500","successes":0,"failures":0,"warnings":0,"namespace":"x"}"#,
                .error
            ),
            ("{\(base),\"extra\":[1,2]}", .success),
        ] as [(String, TestOutput.Outcome)])
    func accepts(_ text: String, _ outcome: TestOutput.Outcome) throws {
        let value = try TestOutput.parse(text).get()
        #expect(value.result == outcome)
    }

    /// Invalid values and the problem named.
    @Test(
        arguments: [
            ("{", "invalid JSON"),
            ("[]", "expected a JSON object, got array"),
            ("null", "expected a JSON object, got null"),
            (#"{"timestamp":"1762693500","successes":0,"failures":0,"warnings":0}"#, "missing required field 'result'"),
            (
                #"{"result":"success","timestamp":"1762693500","successes":0,"failures":0,"warnings":0}"#,
                "'result' must be one of SUCCESS, FAILURE, WARNING, SKIPPED, ERROR, got \"success\""
            ),
            (
                #"{"result":1,"timestamp":"1762693500","successes":0,"failures":0,"warnings":0}"#,
                "'result' must be a string, got number"
            ),
            (#"{"result":"SUCCESS","successes":0,"failures":0,"warnings":0}"#, "missing required field 'timestamp'"),
            (
                #"{"result":"SUCCESS","timestamp":"176269350","successes":0,"failures":0,"warnings":0}"#,
                "'timestamp' must be 10-digit unix seconds or an RFC 3339 date-time, got \"176269350\""
            ),
            (
                #"{"result":"SUCCESS","timestamp":"2025-11-09 13:05:00Z","successes":0,"failures":0,"warnings":0}"#,
                "'timestamp' must be 10-digit unix seconds"
            ),
            (
                #"{"result":"SUCCESS","timestamp":1762693500,"successes":0,"failures":0,"warnings":0}"#,
                "'timestamp' must be a string, got number"
            ),
            (
                #"{"result":"SUCCESS","timestamp":"1762693500","failures":0,"warnings":0}"#,
                "missing required field 'successes'"
            ),
            (
                #"{"result":"SUCCESS","timestamp":"1762693500","successes":-1,"failures":0,"warnings":0}"#,
                "'successes' must be >= 0, got -1"
            ),
            (
                #"{"result":"SUCCESS","timestamp":"1762693500","successes":1.5,"failures":0,"warnings":0}"#,
                "'successes' must be an integer, got number"
            ),
            (
                #"{"result":"SUCCESS","timestamp":"1762693500","successes":0,"failures":"0","warnings":0}"#,
                "'failures' must be an integer, got string"
            ),
            (
                #"{"result":"SUCCESS","timestamp":"1762693500","successes":0,"failures":0}"#,
                "missing required field 'warnings'"
            ),
            ("{\(base),\"note\":3}", "'note' must be a string, got number"),
            ("{\(base),\"namespace\":null}", "'namespace' must be a string, got null"),
        ] as [(String, String)])
    func rejects(_ text: String, _ problem: String) {
        switch TestOutput.parse(text) {
        case .success: Issue.record("accepted \(text)")
        case .failure(let invalid): #expect(invalid.description.contains(problem))
        }
    }

    /// Every problem is named, not only the first.
    @Test func namesEveryProblem() {
        guard case .failure(let invalid) = TestOutput.parse(#"{"result":"NOPE"}"#) else {
            Issue.record("accepted")
            return
        }
        #expect(invalid.problems.count == 5)
        #expect(!invalid.isJSONError)
    }
}
