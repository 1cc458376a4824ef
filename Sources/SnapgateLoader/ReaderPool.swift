import Foundation
public import SnapgateGit
import Synchronization

/// Handles on one repository for every core. libgit2 handles must not be shared between
/// threads, and one handle (an actor) would serialise the reads; opened on first use and kept
/// for the loader's later loads.
public final class ReaderPool: Sendable {
    /// The handle the loader was given: always the first reader.
    let repository: GitRepository
    private let helpers = Mutex<[GitRepository]>([])

    init(repository: GitRepository) { self.repository = repository }

    /// Up to `count` handles (at least one: `repository`); fewer when more cannot be opened.
    func readers(_ count: Int) -> [GitRepository] {
        helpers.withLock { helpers in
            while helpers.count < count - 1 {
                guard let helper = try? GitRepository(path: repository.gitDirectory) else { break }
                helpers.append(helper)
            }
            return [repository] + helpers.prefix(max(0, count - 1))
        }
    }

    /// The repository's pack reader (opened again when the packs changed); nil when there are none.
    func packReader() async -> PackReader? { await repository.packReader() }

    /// As many readers as cores are worth using for `work` items of which each core should get
    /// at least `minimumShare`.
    func readers(for work: Int, minimumShare: Int) -> [GitRepository] {
        readers(max(1, min(ProcessInfo.processInfo.activeProcessorCount, work / minimumShare)))
    }
}
