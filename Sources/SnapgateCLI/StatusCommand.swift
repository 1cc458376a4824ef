import ArgumentParser
import SnapgateLoader
import SnapgateModel
import SnapgateNode
import SnapgateRules

/// `snapgate status`: the newest Snapshots of each application, their tests and releases.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each application's newest Snapshots, their test results, verdicts and releases.")

    @OptionGroup var repository: RepositoryOptions

    @Option(name: .long, help: "How many Snapshots to show per application, newest first.")
    var limit: Int = 5

    @Option(name: .long, help: "Output format: text (for people) or json (for tools).")
    var output: OutputFormat = .text

    func run() async throws {
        do {
            let (repo, branch, tip) = try await repository.resolve()
            let loaded: LoadedManifests
            do {
                loaded = try await RepositoryLoader(repository: repo).load(commit: tip)
            } catch {
                throw CommandFailure("cannot read the manifests of '\(branch)': \(error)")
            }
            let report = StatusReport.make(
                World(objects: loaded.objects, defaultNamespace: loaded.config.defaultNamespace), limit: max(1, limit))
            switch output {
            case .text: Terminal.writeOut(report.text(branch: branch, tip: tip.abbreviated(8)))
            case .json: Terminal.writeOut(report.json.prettyText + "\n")
            }
        } catch let failure as CommandFailure {
            Terminal.writeErr("snapgate: error: \(failure.message)\n")
            throw ExitCode(failure.exitCode)
        }
    }
}

/// The status of every application, as values (built from a World, printed as text or JSON).
struct StatusReport {
    struct Test {
        var scenario: String
        var status: String
        var optional: Bool
        var pipelineRun: String?
    }

    struct SnapshotRow {
        var name: String
        var event: String
        var component: String
        var verdict: String
        var components: [(name: String, image: String)]
        var tests: [Test]
        var releases: [(name: String, plan: String)]
    }

    struct ApplicationStatus {
        var namespace: String
        var name: String
        var components: Int
        var scenarios: Int
        var releasePlans: Int
        var snapshots: [SnapshotRow]
    }

    var applications: [ApplicationStatus]

    static func make(_ world: World, limit: Int) -> StatusReport {
        var applications: [ApplicationStatus] = []
        for object in world.all(.application) {
            let namespace = object.key.namespace
            let name = object.key.name
            let snapshots = world.snapshots(namespace: namespace).filter { $0.application == name }
                .sorted { newer($0, than: $1) }.prefix(limit)
            let releases = world.releases(namespace: namespace)
            applications.append(
                ApplicationStatus(
                    namespace: namespace, name: name,
                    components: world.components(namespace: namespace, application: name).count,
                    scenarios: world.scenarios(namespace: namespace, application: name).count,
                    releasePlans: world.releasePlans(namespace: namespace, application: name).count,
                    snapshots: snapshots.map { row($0, world: world, releases: releases) }))
        }
        return StatusReport(applications: applications)
    }

    /// Newest first: by build start time when both have one, else by name (names embed the time).
    private static func newer(_ a: Snapshot, than b: Snapshot) -> Bool {
        let key = "test.appstudio.openshift.io/pipelinerunstarttime"
        if let x = a.metadata.annotations[key].flatMap(Int64.init),
            let y = b.metadata.annotations[key].flatMap(Int64.init),
            x != y
        {
            return x > y
        }
        return a.metadata.name > b.metadata.name
    }

    private static func row(_ snapshot: Snapshot, world: World, releases: [Release]) -> SnapshotRow {
        let statuses = snapshot.metadata.annotations[Keys.testStatus].flatMap { try? SnapshotTestStatuses.parse($0) }
        var tests: [Test] = []
        for scenario in world.applicableScenarios(for: snapshot) {
            let entry = statuses?.entry(scenario.metadata.name)
            tests.append(
                Test(
                    scenario: scenario.metadata.name, status: entry?.status.rawValue ?? "NotStarted",
                    optional: scenario.isOptional, pipelineRun: entry?.testPipelineRunName))
        }
        return SnapshotRow(
            name: snapshot.metadata.name, event: Classification.isPushSnapshot(snapshot) ? "push" : "pull_request",
            component: snapshot.metadata.labels[Keys.component] ?? snapshot.metadata.labels[Keys.testType] ?? "-",
            verdict: verdict(snapshot), components: snapshot.components.map { ($0.name, $0.containerImage) },
            tests: tests,
            releases: releases.filter { $0.snapshot == snapshot.metadata.name }.map {
                ($0.metadata.name, $0.releasePlan)
            })
    }

    private static func verdict(_ snapshot: Snapshot) -> String {
        if !snapshot.isValid { return "Invalid" }
        if snapshot.isCanceled { return "Canceled" }
        switch snapshot.testSucceededCondition?.status {
        case "True": return "Passed"
        case "False": return "Failed"
        default: return snapshot.metadata.annotations[Keys.testStatus] == nil ? "Pending" : "Testing"
        }
    }

    private static func mark(_ status: String) -> String {
        switch status {
        case "TestPassed": "✓"
        case "TestWarning": "!"
        case "TestFail", "TestInvalid", "Deleted", "EnvironmentProvisionError", "DeploymentError": "✗"
        case "InProgress": "…"
        default: "·"
        }
    }

    func text(branch: String, tip: String) -> String {
        var out = "\(branch) at \(tip)\n"
        if applications.isEmpty { return out + "no Applications on this branch\n" }
        for app in applications {
            out += "\n\(app.name) (namespace \(app.namespace)): \(app.components) components, "
            out += "\(app.scenarios) scenarios, \(app.releasePlans) release plans\n"
            guard !app.snapshots.isEmpty else {
                out += "  no Snapshots yet\n"
                continue
            }
            let header = ["SNAPSHOT", "EVENT", "FROM", "VERDICT", "TESTS", "RELEASES"]
            var rows = [header]
            for snapshot in app.snapshots {
                let tests = snapshot.tests.map {
                    "\(StatusReport.mark($0.status))\($0.scenario)\($0.optional ? "(optional)" : "")"
                }
                rows.append([
                    snapshot.name, snapshot.event, snapshot.component, snapshot.verdict,
                    tests.isEmpty ? "-" : tests.joined(separator: " "),
                    snapshot.releases.isEmpty
                        ? "-" : snapshot.releases.map { "\($0.plan)→\($0.name)" }.joined(separator: " "),
                ])
            }
            let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let cells = row.indices.map { column in
                    column == row.count - 1
                        ? row[column] : row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
                }
                out += "  " + cells.joined(separator: "  ") + "\n"
            }
        }
        return out
    }

    var json: JSONValue {
        .object([
            (
                "applications",
                .array(
                    applications.map { app in
                        .object([
                            ("namespace", .string(app.namespace)), ("name", .string(app.name)),
                            ("components", .int(app.components)), ("scenarios", .int(app.scenarios)),
                            ("releasePlans", .int(app.releasePlans)),
                            ("snapshots", .array(app.snapshots.map(StatusReport.json))),
                        ])
                    })
            )
        ])
    }

    private static func json(_ row: SnapshotRow) -> JSONValue {
        .object([
            ("name", .string(row.name)), ("event", .string(row.event)), ("from", .string(row.component)),
            ("verdict", .string(row.verdict)),
            (
                "components",
                .array(
                    row.components.map { .object([("name", .string($0.name)), ("containerImage", .string($0.image))]) })
            ),
            (
                "tests",
                .array(
                    row.tests.map { test in
                        var entries: [(key: String, value: JSONValue)] = [
                            ("scenario", .string(test.scenario)), ("status", .string(test.status)),
                            ("optional", .bool(test.optional)),
                        ]
                        if let run = test.pipelineRun { entries.append(("pipelineRun", .string(run))) }
                        return .object(entries)
                    })
            ),
            (
                "releases",
                .array(row.releases.map { .object([("name", .string($0.name)), ("releasePlan", .string($0.plan))]) })
            ),
        ])
    }
}
