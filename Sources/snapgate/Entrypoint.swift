import SnapgateCLI

/// The executable: everything lives in SnapgateCLI so tests can drive the same code.
@main
enum Entrypoint {
    static func main() async {
        await Snapgate.main()
    }
}
