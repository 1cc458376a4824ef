import CMimalloc
import SnapgateCLI
import SnapgateModel

/// The executable: everything lives in SnapgateCLI so tests can drive the same code.
@main
enum Entrypoint {
    static func main() async {
        PhaseTrace.begin()
        AllocatorTuning.install { on in
            // New segments committed whole (not the first of each thread page by page) and mapped
            // with MADV_HUGEPAGE; mimalloc reads both options on each mapping it makes.
            mi_option_set(mi_option_eager_commit_delay, on ? 0 : 1)
            mi_option_set(mi_option_large_os_pages, on ? 1 : 0)
        }
        // Until the first load has parsed its repository (RepositoryLoader turns them off).
        AllocatorTuning.useLargePages(true)
        await Snapgate.main()
    }
}
