import SnapgateCLI
import SnapgateModel

/// The executable: everything lives in SnapgateCLI so tests can drive the same code.
@main
enum Entrypoint {
    static func main() async {
        PhaseTrace.begin()
        await Snapgate.main()
    }
}
