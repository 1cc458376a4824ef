import ArgumentParser
import SnapgateGit
import SnapgateLoader

/// `--repo` and `--branch`, shared by every command that reads a repository.
struct RepositoryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The git repository: a work tree, any folder inside one, or a bare repository.", valueName: "path"))
    var repo: String = "."

    @Option(
        name: .long,
        help: ArgumentHelp("The branch to read (default: the branch HEAD points at).", valueName: "name"))
    var branch: String?

    /// Opens the repository and resolves the branch to its tip commit.
    func resolve() async throws(CommandFailure) -> (GitRepository, String, GitObjectID) {
        // Every command that opens a repository reads its manifests next, against the schemas.
        ManifestAssembler.prepareSchemas()
        let repository: GitRepository
        do {
            repository = try GitRepository(path: repo)
        } catch {
            throw CommandFailure("cannot open the repository at \(repo): \(error.message)")
        }
        do {
            let name: String
            if let branch {
                name = branch
            } else if let head = try await repository.headBranch() {
                name = head
            } else {
                throw CommandFailure(
                    "HEAD of \(repo) is detached, so there is no branch to read; name one with --branch")
            }
            guard let tip = try await repository.branchTip(name) else {
                throw CommandFailure(
                    "branch '\(name)' of \(repo) has no commits (it does not exist or is unborn); commit manifests first or name another with --branch"
                )
            }
            return (repository, name, tip)
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure("cannot read branch of \(repo): \(error)")
        }
    }
}

/// The output format of a command.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// A command that could not complete: one clear line on stderr and a non-zero exit.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}
