import ArgumentParser
import Foundation
import SnapgateGit
import SnapgateModel
import SnapgateNode
import SnapgateReconciler
import SnapgateRules
import SnapgateTekton
import Synchronization

/// Where test PipelineRuns run.
enum ExecutorKind: String, ExpressibleByArgument, CaseIterable {
    /// Someone else runs them and commits their status (Tekton on a cluster, CI, a person).
    case none
    /// Run on this machine, within the pass.
    case local
    /// Hand them to Tekton on a Kubernetes cluster.
    case cluster
}

/// `snapgate reconcile`: one pass of the integration service over a branch, committed.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Run the integration service over a branch and commit what it derives.",
        discussion: """
            Reads the branch's tip, turns finished builds into Snapshots, starts the test runs of \
            the scenarios that apply, reads their results into verdicts, and creates Releases — \
            to a fixpoint — then writes everything as one commit under the directory snapgate owns \
            (or no commit when nothing changed). The branch moves by compare-and-swap: if it moved \
            meanwhile, snapgate reads it again and recomputes.

            Exit status: 0 when the pass completed (whether or not it changed anything, and even if \
            some manifests are invalid: those are diagnostics); 2 when it could not complete.
            """)

    @OptionGroup var repository: RepositoryOptions

    @Option(
        name: .long,
        help: """
            Where test runs execute: none (someone else commits their status), local (run here, as processes, \
            within this pass; runs code from the repository), cluster (not available yet).
            """)
    var executor: ExecutorKind = .none

    @Option(name: .long, help: ArgumentHelp("The time of the pass, RFC 3339 (default: now).", valueName: "time"))
    var now: String?

    @Option(name: .long, help: "Output format: text (for people) or json (for tools).")
    var output: OutputFormat = .text

    func validate() throws {
        if let now, Timestamp(rfc3339: now) == nil {
            throw ValidationError("--now must be an RFC 3339 time such as 2025-11-09T13:04:05Z, not '\(now)'")
        }
    }

    func run() async throws {
        do {
            guard executor != .cluster else {
                throw CommandFailure(
                    "--executor cluster is not available yet; use --executor local, or --executor none and let "
                        + "Tekton or CI commit the results of test runs")
            }
            let (repo, branch, _) = try await repository.resolve()
            // One pass, then exit: what the pass allocated is returned by the exit, not freed piece by piece.
            BackgroundRelease.keepUntilExit()
            let started = ContinuousClock.now
            defer { if PhaseTrace.isEnabled { PhaseTrace.report("command", since: started) } }
            let output = output
            // The text report's bulk, one line a change, is written while the commit is made.
            let prefetched = PrefetchedChangeLines()
            let present = { (outcome: ReconcileOutcome) in
                PhaseTrace.measure("report") {
                    switch output {
                    case .text:
                        Terminal.writeOut(
                            ReconcileReport.text(
                                outcome, colors: Terminal.stdoutSupportsColor,
                                changeLines: prefetched.lines(for: outcome.changes)))
                    case .json: Terminal.writeOut(ReconcileReport.json(outcome).prettyText + "\n")
                    }
                }
            }
            let whileCommitting: (@Sendable ([FileChange]) -> Void)? =
                output == .text ? { @Sendable changes in prefetched.start(changes) } : nil
            let outcome = try await LocalPass.run(
                repository: repo, branch: branch, now: now.flatMap { Timestamp(rfc3339: $0) }, executor: executor,
                present: present, whileCommitting: whileCommitting)
            if case .leftAlone(let reason)? = outcome.workTree {
                Terminal.writeErr(
                    "snapgate: warning: the commit landed on '\(branch)' but the working tree was left alone: \(reason)\n"
                )
            }
        } catch let failure as CommandFailure {
            Terminal.writeErr("snapgate: error: \(failure.message)\n")
            throw ExitCode(failure.exitCode)
        }
    }
}

/// How `reconcile` presents what it did.
enum ReconcileReport {
    /// `changeLines`, when given, are `changeLines(outcome.changes)` made beforehand.
    static func text(_ outcome: ReconcileOutcome, colors: Bool, changeLines prefetched: String? = nil) -> String {
        var out = ""
        for diagnostic in outcome.diagnostics {
            out += Terminal.format(diagnostic, colors: colors) + "\n"
        }
        guard let commit = outcome.commit else {
            return out + "\(outcome.branch) at \(outcome.base.abbreviated(8)): up to date, nothing to commit\n"
        }
        out += "\(outcome.branch): \(outcome.base.abbreviated(8)) → \(commit.abbreviated(8)), \(outcome.changes.count) "
        out += outcome.changes.count == 1 ? "file\n" : "files\n"
        out += prefetched ?? changeLines(outcome.changes)
        for event in outcome.events { out += "  · \(event.summary)\n" }
        if !outcome.executedRuns.isEmpty { out += "\n" + runTable(outcome.executedRuns) }
        if outcome.retries > 0 {
            out += "  (the branch moved \(outcome.retries) time(s) during the pass; recomputed)\n"
        }
        return out
    }

    /// `  action object  path` for each change, the columns aligned. Kinds, namespaces and names
    /// are DNS-style ASCII: widths by UTF-8 count are column widths. Written as bytes, each
    /// object's names read once: a cold pass of a large repository has a line for each of 10,000
    /// changes (`PrefetchedChangeLines` makes them while the pass commits).
    static func changeLines(_ changes: [FileChange]) -> String {
        func objectWidth(kind: String, namespace: String, name: String) -> Int {
            kind.utf8.count + 1 + namespace.utf8.count + 1 + name.utf8.count
        }
        let width =
            changes.lazy.map {
                objectWidth(kind: $0.key.groupKind.kind, namespace: $0.key.namespace, name: $0.key.name)
            }.max() ?? 0
        var out: [UInt8] = []
        out.reserveCapacity(changes.count * (width + 64))
        for change in changes {
            let action = change.action.rawValue
            let key = change.key
            let (kind, namespace, name) = (key.groupKind.kind, key.namespace, key.name)
            out.append(contentsOf: "  ".utf8)
            out.append(contentsOf: action.utf8)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, 6 - action.utf8.count) + 1))
            out.append(contentsOf: kind.utf8)
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: namespace.utf8)
            out.append(UInt8(ascii: "/"))
            out.append(contentsOf: name.utf8)
            let padding = width - objectWidth(kind: kind, namespace: namespace, name: name)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, padding) + 2))
            out.append(contentsOf: change.path.utf8)
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The summary of the runs executed in the pass: snapshot, scenario, result, duration.
    static func runTable(_ runs: [ExecutedRunSummary]) -> String {
        var rows = [["SNAPSHOT", "SCENARIO", "RESULT", "DURATION"]]
        for run in runs {
            rows.append([run.snapshot, run.scenario, run.reason, formatGoDuration(run.duration)])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            "  "
                + row.indices.map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }.joined()
    }

    /// `{"commit", "changes", "diagnostics"}` as GITOPS.md specifies.
    static func json(_ outcome: ReconcileOutcome) -> JSONValue {
        .object([
            ("commit", outcome.commit.map { .string($0.hex) } ?? .null),
            (
                "changes",
                .array(
                    outcome.changes.map { change in
                        .object([
                            ("action", .string(change.action.rawValue)), ("apiVersion", .string(change.apiVersion)),
                            ("kind", .string(change.key.groupKind.kind)), ("namespace", .string(change.key.namespace)),
                            ("name", .string(change.key.name)), ("path", .string(change.path)),
                        ])
                    })
            ),
            ("diagnostics", .array(outcome.diagnostics.map(\.json))),
        ])
    }
}

extension Timestamp {
    /// The wall clock: the one place outside tests where snapgate reads the time.
    static func wallClock() -> Timestamp {
        Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}

extension RuleSettings {
    /// Upstream's environment variables (SPEC.md §8), read where upstream reads them.
    static func fromEnvironment() -> RuleSettings {
        let environment = ProcessInfo.processInfo.environment
        return RuleSettings(
            consoleName: environment["CONSOLE_NAME"] ?? "Integration Service", consoleURL: environment["CONSOLE_URL"],
            pipelineTimeout: environment["PIPELINE_TIMEOUT"], tasksTimeout: environment["TASKS_TIMEOUT"],
            finallyTimeout: environment["FINALLY_TIMEOUT"])
    }
}

/// The text report's change lines, made on another thread while a pass makes its commit (the
/// pass then uses one core, and the lines are most of a large report). Each `start` replaces the
/// last (a pass that lost a race starts over); `lines(for:)` gives the lines when they were made
/// from exactly those changes, and nil when the caller should make them itself.
final class PrefetchedChangeLines: Sendable {
    private enum State {
        case idle
        /// Started, and no thread has taken the work yet.
        case queued([FileChange])
        case running
        case made(changes: [FileChange], lines: String)
    }

    private let state = Mutex<State>(.idle)
    private let pending = DispatchGroup()
    private let queue: DispatchQueue

    /// Makes the lines on `queue` (a test passes a suspended one).
    init(queue: DispatchQueue = .global()) {
        self.queue = queue
    }

    func start(_ changes: [FileChange]) {
        state.withLock { $0 = .queued(changes) }
        pending.enter()
        queue.async { [self] in
            defer { pending.leave() }
            let taken = state.withLock { state -> [FileChange]? in
                guard case .queued(let changes) = state else { return nil }
                state = .running
                return changes
            }
            guard let taken else { return }
            let lines = ReconcileReport.changeLines(taken)
            state.withLock { $0 = .made(changes: taken, lines: lines) }
        }
    }

    func lines(for changes: [FileChange]) -> String? {
        // Work no thread has taken yet is not waited for: with every worker thread busy (one
        // core, a loaded machine) the dispatcher adds a thread only after a delay — half a
        // second on one core — while making the lines here takes milliseconds.
        let withdrawn = state.withLock { state -> Bool in
            guard case .queued = state else { return false }
            state = .idle
            return true
        }
        if withdrawn { return nil }
        pending.wait()
        return state.withLock { state in
            guard case .made(let made, let lines) = state, made == changes else { return nil }
            return lines
        }
    }
}
