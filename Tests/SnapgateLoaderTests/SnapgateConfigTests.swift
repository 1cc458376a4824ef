import SnapgateLoader
import SnapgateModel
import Testing

@Suite struct SnapgateConfigTests {
    @Test func readsEverySetting() {
        let (config, diagnostics) = SnapgateConfig.parse(
            Array(
                """
                outputDirectory: ./gitops/state/
                defaultNamespace: tenant-a
                include: ["apps/**/*.yaml"]
                exclude: charts/**
                """.utf8))
        #expect(diagnostics.isEmpty)
        #expect(config.outputDirectory == "gitops/state")
        #expect(config.defaultNamespace == "tenant-a")
        #expect(config.include == [PathGlob("apps/**/*.yaml")])
        #expect(config.exclude == [PathGlob("charts/**")])
        #expect(config.isOwned("gitops/state/x.yaml"))
        #expect(!config.isOwned("gitops/stateful.yaml"))
    }

    @Test func problemsArePositionedAndDefaultsStand() {
        let (config, diagnostics) = SnapgateConfig.parse(
            Array(
                """
                outputDirectory: ../outside
                defaultNamespace: Not_A_Namespace
                include: [1, 2]
                colour: blue
                """.utf8))
        #expect(config == .default)
        #expect(
            diagnostics.map(\.description) == [
                ".snapgate.yaml:1:18: error: outputDirectory must be a relative directory inside the repository, such as \"snapgate\"",
                ".snapgate.yaml:2:19: error: defaultNamespace must be a valid namespace name (lowercase letters, digits and '-', at most 63)",
                ".snapgate.yaml:3:10: error: include must be a list of path patterns (strings)",
                ".snapgate.yaml:4:1: warning: unknown setting \"colour\" (known: outputDirectory, defaultNamespace, include, exclude)",
            ])
    }

    @Test func notAMappingOrNotYAML() {
        #expect(SnapgateConfig.parse(Array("- a\n".utf8)).1.first?.severity == .error)
        let broken = SnapgateConfig.parse(Array("a: [\n".utf8)).1
        #expect(broken.first?.severity == .error)
        #expect(broken.first?.line ?? 0 > 0)
        #expect(SnapgateConfig.parse([]).1.isEmpty)
    }
}
