public import SnapgateModel
public import SnapgateNode

/// The status of one scenario's test of a Snapshot (SPEC.md §4.1).
public enum IntegrationTestStatus: String, Sendable, Hashable, CaseIterable {
    case pending = "Pending"
    case inProgress = "InProgress"
    case deleted = "Deleted"
    case environmentProvisionError = "EnvironmentProvisionError"
    case deploymentError = "DeploymentError"
    case testFail = "TestFail"
    case testPassed = "TestPassed"
    case testInvalid = "TestInvalid"
    case testWarning = "TestWarning"
    case buildPLRInProgress = "BuildPLRInProgress"
    case snapshotCreationFailed = "SnapshotCreationFailed"
    case buildPLRFailed = "BuildPLRFailed"
    case groupSnapshotCreationFailed = "GroupSnapshotCreationFailed"

    /// Final: the test will not change any more.
    public var isFinal: Bool {
        switch self {
        case .deleted, .environmentProvisionError, .deploymentError, .testFail, .testPassed, .testInvalid,
            .testWarning:
            return true
        default: return false
        }
    }

    /// Passed: `TestPassed` or `TestWarning`.
    public var isPassed: Bool { self == .testPassed || self == .testWarning }

    /// Sets `completionTime` when entered (§4.1 update rule).
    var completes: Bool {
        isFinal || self == .snapshotCreationFailed || self == .buildPLRFailed || self == .groupSnapshotCreationFailed
    }
}

/// One element of the `test.appstudio.openshift.io/status` annotation (§4.1).
public struct ScenarioTestStatus: Sendable, Hashable {
    public var scenario: String
    public var status: IntegrationTestStatus
    /// RFC 3339 with nanoseconds (Go's `RFC3339Nano`), UTC.
    public var lastUpdateTime: String
    public var details: String
    public var startTime: String?
    public var completionTime: String?
    public var testPipelineRunName: String?
    public var isOptionalScenario: Bool
    public var runAfter: [String]

    /// Creates an entry.
    public init(
        scenario: String, status: IntegrationTestStatus, lastUpdateTime: String, details: String,
        startTime: String? = nil, completionTime: String? = nil, testPipelineRunName: String? = nil,
        isOptionalScenario: Bool = false, runAfter: [String] = []
    ) {
        self.scenario = scenario
        self.status = status
        self.lastUpdateTime = lastUpdateTime
        self.details = details
        self.startTime = startTime
        self.completionTime = completionTime
        self.testPipelineRunName = testPipelineRunName
        self.isOptionalScenario = isOptionalScenario
        self.runAfter = runAfter
    }

    /// The entry as JSON, fields in upstream's order, optional ones only when set.
    public var json: JSONValue {
        var entries: [(key: String, value: JSONValue)] = [
            ("scenario", .string(scenario)), ("status", .string(status.rawValue)),
            ("lastUpdateTime", .string(lastUpdateTime)), ("details", .string(details)),
        ]
        if let startTime { entries.append(("startTime", .string(startTime))) }
        if let completionTime { entries.append(("completionTime", .string(completionTime))) }
        if let testPipelineRunName, !testPipelineRunName.isEmpty {
            entries.append(("testPipelineRunName", .string(testPipelineRunName)))
        }
        if isOptionalScenario { entries.append(("isOptionalScenario", .bool(true))) }
        if !runAfter.isEmpty { entries.append(("runAfter", .array(runAfter.map { .string($0) }))) }
        return .object(entries)
    }
}

/// The whole `test.appstudio.openshift.io/status` annotation of a Snapshot: entries sorted by
/// scenario (GITOPS.md: upstream emits map order; snapgate sorts).
public struct SnapshotTestStatuses: Sendable, Hashable {
    /// The entries, sorted by scenario name.
    public private(set) var entries: [ScenarioTestStatus]

    /// An empty annotation.
    public init() { entries = [] }

    /// Entries, sorted by scenario.
    public init(entries: [ScenarioTestStatus]) {
        self.entries = entries.sorted { $0.scenario < $1.scenario }
    }

    /// Why an annotation value could not be read.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Reads the annotation value, validating it as upstream's schema does: a JSON array of
    /// objects with `scenario`, `status` (a known value) and `lastUpdateTime`.
    public static func parse(_ text: String) throws(ParseError) -> SnapshotTestStatuses {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            throw ParseError(message: "the status annotation is not JSON (\(error))")
        }
        guard case .array(let items) = value else {
            throw ParseError(message: "the status annotation must be a JSON array of scenario statuses")
        }
        var entries: [ScenarioTestStatus] = []
        for (index, item) in items.enumerated() {
            guard case .object = item else { throw ParseError(message: "status entry \(index) is not an object") }
            guard let scenario = item["scenario"]?.string else {
                throw ParseError(message: "status entry \(index) has no scenario")
            }
            guard let statusText = item["status"]?.string else {
                throw ParseError(message: "status entry \(index) (\(scenario)) has no status")
            }
            guard let status = IntegrationTestStatus(rawValue: statusText) else {
                throw ParseError(message: "status entry \(index) (\(scenario)) has an unknown status \"\(statusText)\"")
            }
            guard let lastUpdateTime = item["lastUpdateTime"]?.string else {
                throw ParseError(message: "status entry \(index) (\(scenario)) has no lastUpdateTime")
            }
            var runAfter: [String] = []
            if case .array(let names)? = item["runAfter"] { runAfter = names.compactMap(\.string) }
            var optional = false
            if case .bool(let flag)? = item["isOptionalScenario"] { optional = flag }
            entries.append(
                ScenarioTestStatus(
                    scenario: scenario, status: status, lastUpdateTime: lastUpdateTime,
                    details: item["details"]?.string ?? "", startTime: item["startTime"]?.string,
                    completionTime: item["completionTime"]?.string,
                    testPipelineRunName: item["testPipelineRunName"]?.string, isOptionalScenario: optional,
                    runAfter: runAfter))
        }
        return SnapshotTestStatuses(entries: entries)
    }

    /// The annotation value: compact JSON, entries sorted by scenario.
    public var annotationValue: String { JSONValue.array(entries.map(\.json)).compactText }

    /// The entry of `scenario`.
    public func entry(_ scenario: String) -> ScenarioTestStatus? { entries.first { $0.scenario == scenario } }

    /// Sets a scenario's status and details with upstream's update rule (§4.1): nothing changes
    /// unless status or details differ; a status change stamps `lastUpdateTime` and moves
    /// `startTime`/`completionTime`; a details-only change stamps `lastUpdateTime`. A new entry is
    /// created when the scenario has none.
    public mutating func update(
        _ scenario: String, status: IntegrationTestStatus, details: String, now: Timestamp
    ) {
        let stamp = now.rfc3339Nano
        guard let index = entries.firstIndex(where: { $0.scenario == scenario }) else {
            var entry = ScenarioTestStatus(scenario: scenario, status: status, lastUpdateTime: stamp, details: details)
            Self.applyTransition(&entry, to: status, stamp: stamp)
            entries.append(entry)
            entries.sort { $0.scenario < $1.scenario }
            return
        }
        var entry = entries[index]
        guard entry.status != status || entry.details != details else { return }
        if entry.status != status {
            entry.status = status
            Self.applyTransition(&entry, to: status, stamp: stamp)
        }
        entry.details = details
        entry.lastUpdateTime = stamp
        entries[index] = entry
    }

    private static func applyTransition(
        _ entry: inout ScenarioTestStatus, to status: IntegrationTestStatus, stamp: String
    ) {
        switch status {
        case .inProgress:
            entry.startTime = stamp
            entry.completionTime = nil
        case .pending, .buildPLRInProgress:
            entry.startTime = nil
            entry.completionTime = nil
        default:
            if status.completes { entry.completionTime = stamp }
        }
    }

    /// Sets fields of an existing entry that the update rule does not cover
    /// (`testPipelineRunName`, `isOptionalScenario`).
    public mutating func modify(_ scenario: String, _ change: (inout ScenarioTestStatus) -> Void) {
        guard let index = entries.firstIndex(where: { $0.scenario == scenario }) else { return }
        change(&entries[index])
    }

    /// Removes a scenario's entry.
    public mutating func remove(_ scenario: String) {
        entries.removeAll { $0.scenario == scenario }
    }
}
