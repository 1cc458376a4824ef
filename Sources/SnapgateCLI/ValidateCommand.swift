import ArgumentParser
import Foundation
import SnapgateLoader
import SnapgateModel
import SnapgateNode
import SnapgateReconciler

/// `snapgate validate`: reads every manifest of a branch and reports what is wrong, like a compiler.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the Konflux manifests of a branch and report problems with their positions.",
        discussion: """
            Reads every *.yaml and *.yml file of the branch's tip commit (never the working tree), \
            identifies Konflux and Tekton objects by API group and kind, and checks each against the \
            upstream CRD schemas. Problems print as `path:line:column: error: message`.

            Exit status: 0 when no diagnostic is an error, 1 when any is, 2 when the repository or \
            branch could not be read.
            """)

    @OptionGroup var repository: RepositoryOptions

    @Option(name: .long, help: "Output format: text (for people) or json (for tools).")
    var output: OutputFormat = .text

    func run() async throws {
        do {
            let (repo, _, tip) = try await repository.resolve()
            // One load, then exit: what it allocated is returned by the exit, not freed piece by piece.
            BackgroundRelease.keepUntilExit()
            let loaded: LoadedManifests
            let loader = RepositoryLoader(repository: repo, cache: ParseCache(enabled: false))
            do {
                loaded = try await loader.load(commit: tip)
            } catch {
                throw CommandFailure("cannot read the manifests of \(repository.repo): \(error)")
            }
            PhaseTrace.measure("report") {
                switch output {
                case .text: Terminal.writeOut(ValidationReport.text(loaded, colors: Terminal.stdoutSupportsColor))
                case .json: Terminal.writeOut(ValidationReport.json(loaded).prettyText + "\n")
                }
            }
            let failed = loaded.hasErrors
            BackgroundRelease.drop(consume loaded)
            if failed { throw ExitCode(1) }
        } catch let failure as CommandFailure {
            Terminal.writeErr("snapgate: error: \(failure.message)\n")
            throw ExitCode(failure.exitCode)
        }
    }
}

/// How `validate` presents its findings.
enum ValidationReport {
    /// Compiler-style lines, then a one-line summary.
    static func text(_ loaded: LoadedManifests, colors: Bool) -> String {
        var out = ""
        for diagnostic in loaded.diagnostics {
            out += Terminal.format(diagnostic, colors: colors) + "\n"
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        let warnings = loaded.diagnostics.count - errors
        let unusable = loaded.rejected.isEmpty ? "" : " (\(loaded.rejected.count) not usable)"
        out +=
            "\(count(loaded.objects.count + loaded.rejected.count, "object"))\(unusable) in "
            + "\(count(loaded.fileCount, "file")): \(count(errors, "error")), \(count(warnings, "warning"))\n"
        return out
    }

    /// `{"objects": [...], "diagnostics": [...]}` as GITOPS.md specifies.
    static func json(_ loaded: LoadedManifests) -> JSONValue {
        .object([
            (
                "objects",
                .array(
                    (loaded.objects + loaded.rejected).sorted { $0.key < $1.key }.map { object in
                        .object([
                            ("apiVersion", .string(object.apiVersion)), ("kind", .string(object.kind.rawValue)),
                            ("namespace", .string(object.key.namespace)), ("name", .string(object.key.name)),
                            ("path", .string(object.source.path)),
                        ])
                    })
            ),
            ("diagnostics", .array(loaded.diagnostics.map(\.json))),
        ])
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
