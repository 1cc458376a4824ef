import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// SPEC.md §2.4 "Validation (admission webhook)" and §2.2 contexts, as diagnostics and runnability.
@Suite struct ScenarioValidationTests {
    private func messages(_ scenario: YAMLNode, application: Bool = true) -> [String] {
        var documents = [scenario]
        if application { documents.append(Fixture.application()) }
        let r = TestRunHarness.run(documents, steps: [ScenarioRules.validateScenarios])
        return r.diagnostics.map(\.message)
    }

    private static func git(_ params: [(String, String)]) -> YAMLNode {
        Fixture.scenario("its", resolverParams: params)
    }

    /// §2.4: one row per rule; an empty list means valid.
    @Test(
        arguments: [
            (Fixture.scenario("its"), [String]()),
            (
                Fixture.scenario("Its"),
                ["metadata.name: Invalid value: \"Its\": an IntegrationTestScenario resource name"]
            ),
            (Fixture.scenario("1its"), ["metadata.name: Invalid value: \"1its\""]),
            (Fixture.scenario(String(repeating: "a", count: 64)), ["metadata.name: Invalid value"]),
            (Fixture.scenario("its", params: [("SNAPSHOT", "x")]), ["spec.params: Invalid value: \"SNAPSHOT\""]),
            (
                Fixture.scenario("its").setting(path: ["spec", "componentGroup"], to: .string("cg")),
                ["spec: Invalid value: \"application=app, componentGroup=cg\": exactly one of"]
            ),
            (
                Fixture.scenario("its", application: ""),
                ["spec: Required value: exactly one of 'application' or 'componentGroup' must be specified"]
            ),
            (
                git([("url", "https://github.com/o/t"), ("repo", "t"), ("org", "o")]),
                ["spec.resolverRef.params: an IntegrationTestScenario resource can only have one of"]
            ),
            (git([("repo", "t")]), ["spec.resolverRef.params: IntegrationTestScenario is invalid: missing mandatory"]),
            (git([("repo", "t"), ("org", "o"), ("revision", "main")]), []),
            (git([("url", "http://github.com/o/t")]), ["'url' param value must begin with 'https://'"]),
            (git([("url", "github.com/o/t")]), ["parse \"github.com/o/t\": invalid URI for request"]),
            (
                git([("url", " https://github.com/o/t")]),
                [
                    "integration Test Scenario Git resolver param with name 'url', cannot have leading or trailing whitespace"
                ]
            ),
            (
                git([("url", "https://github.com/o/t"), ("serverURL", "http://x")]),
                ["'serverURL' param value must begin with 'https://'"]
            ),
            (
                git([("url", "https://github.com/o/t"), ("token", "My_Token")]),
                ["a lowercase RFC 1123 label must consist"]
            ),
            (git([("url", "https://github.com/o/t"), ("token", "my-token")]), []),
            (
                git([("url", "https://github.com/o/t"), ("pathInRepo", "p.yaml ")]),
                ["integration Test Scenario Git resolver param with name 'pathInRepo', cannot have leading"]
            ),
            // GITOPS.md: a url naming the repository itself is allowed.
            (git([("url", "file:///srv/repo.git")]), []), (git([("url", ".")]), []), (git([("url", "./tests")]), []),
            (git([("url", "/srv/repo")]), []),
            (Fixture.scenario("its", resolver: "bundles", resolverParams: [("bundle", " x")]), []),
        ] as [(YAMLNode, [String])])
    func rules(scenario: YAMLNode, expected: [String]) {
        let got = messages(scenario)
        #expect(got.count == expected.count, "\(got)")
        for (message, prefix) in zip(got, expected) {
            #expect(message.contains(prefix), "\(message)")
        }
    }

    /// §2.4: the owner Application must exist.
    @Test func missingApplication() {
        #expect(
            messages(Fixture.scenario("its"), application: false) == [
                "IntegrationTestScenario tenant/its: could not find application 'app' in namespace 'tenant'"
            ])
    }

    /// §2.4 decides runnability: an invalid scenario is never run (snapgate choice, see TestRunTests).
    @Test func runnability() throws {
        let world = Fixture.world([Fixture.application(), Fixture.scenario("ok"), Fixture.scenario("Bad")])
        let ok = try #require(world.object(.integrationTestScenario, namespace: "tenant", name: "ok")?.scenario)
        let bad = try #require(world.object(.integrationTestScenario, namespace: "tenant", name: "Bad")?.scenario)
        #expect(ScenarioRules.isRunnable(ok, in: world))
        #expect(!ScenarioRules.isRunnable(bad, in: world))
    }

    /// §2.2: contexts decide which scenarios get entries (OR semantics; unknown never matches).
    @Test(arguments: [
        ([String](), true), (["n/a"], false), (["n/a", "push"], true), (["pull_request"], false),
        (["component_comp-a"], true), (["component_other"], false), (["component"], true), (["override"], false),
    ])
    func contexts(contexts: [String], applies: Bool) {
        let r = TestRunHarness.run([
            Fixture.application(), Fixture.scenario("its", contexts: contexts), TestRunHarness.pushSnapshot,
        ])
        #expect((TestRunHarness.statuses(r, "snap").entry("its") != nil) == applies)
    }
}
