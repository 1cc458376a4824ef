import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// SPEC.md §6.1 "Override snapshots" and §10.7.
@Suite struct OverrideTests {
    private static let overrideLabels = ["test.appstudio.openshift.io/type": "override"]

    private static func run(_ snapshot: YAMLNode, components: [YAMLNode]? = nil) -> Reconciliation {
        TestRunHarness.run(
            [Fixture.application()] + (components ?? [Fixture.component("comp-a")]) + [snapshot],
            steps: [OverrideRules.validateOverrides, OverrideRules.updateGlobalCandidateList])
    }

    private static func override(_ components: [(name: String, image: String)]) -> YAMLNode {
        Fixture.snapshot("ovr", components: components, labels: overrideLabels)
    }

    /// §6.1: the validation messages, joined with newlines, as `Invalid`.
    @Test func validationMessages() throws {
        let r = Self.run(Self.override([("comp-a", "quay.io/o/a:latest"), ("missing", Fixture.image("quay.io/o/m"))]))
        let condition = try #require(TestRunHarness.snapshot(r, "ovr")?.integrationStatusCondition)
        #expect(condition.status == "False" && condition.reason == "Invalid")
        #expect(
            condition.message == """
                a digest must contain exactly one '@' separator (e.g. registry/repository@digest) saw: quay.io/o/a:latest
                snapshotComponent missing defined in snapshot ovr doesn't exist under application tenant/app
                """)
    }

    /// §10.7 deviation: a valid digest with no git source is flagged.
    @Test func missingGitSourceIsFlagged() throws {
        let snapshot = Self.override([("comp-a", Fixture.image("quay.io/o/a"))])
            .setting(
                path: ["spec", "components"],
                to: .sequence([
                    .mapping([
                        ("name", .string("comp-a")), ("containerImage", .string(Fixture.image("quay.io/o/a"))),
                        ("source", .mapping([])),
                    ])
                ]))
        let r = Self.run(snapshot)
        #expect(
            TestRunHarness.snapshot(r, "ovr")?.integrationStatusCondition?.message
                == "snapshotComponent comp-a has no git url/revision fields defined")
    }

    /// Digest checks of go-containerregistry's `name.NewDigest`.
    @Test(
        arguments: [
            (Fixture.image("quay.io/o/a"), nil),
            ("quay.io/o/a@sha256:abc", "digest must be between 71 and 71 characters in length: sha256:abc"),
            ("quay.io/o/a@sha256:" + String(repeating: "C", count: 64), "digest can only contain the characters"),
            ("@sha256:" + String(repeating: "c", count: 64), "a digest must contain exactly one '@' separator"),
        ] as [(String, String?)])
    func digests(image: String, problem: String?) {
        let got = OverrideRules.imageDigestProblem(image)
        if let problem { #expect(got?.hasPrefix(problem) == true, "\(got ?? "nil")") } else { #expect(got == nil) }
    }

    /// §6.1: the GCL is updated from valid components (even when another is invalid) and the
    /// snapshot is marked; a marked snapshot is skipped.
    @Test func globalCandidateList() throws {
        let image = Fixture.image("quay.io/o/a", digit: "d")
        let r = Self.run(
            Self.override([("comp-a", image), ("comp-b", "bad")]),
            components: [Fixture.component("comp-a", lastPromotedImage: "old"), Fixture.component("comp-b")])
        let a = try #require(r.world.object(.component, namespace: "tenant", name: "comp-a"))
        #expect(a.component?.lastPromotedImage == image)
        #expect(a.component?.lastBuiltCommit == String(repeating: "1", count: 40))
        #expect(a.node.annotation(Keys.lastBuiltTime) == String(Fixture.now.seconds))
        #expect(r.world.component(namespace: "tenant", name: "comp-b")?.lastPromotedImage == "")
        let marker = TestRunHarness.snapshot(r, "ovr")?.metadata.annotations[Keys.addedToGlobalCandidateList]
        #expect(
            marker
                == "{\"result\":true,\"reason\":\"The Snapshot's component(s) was/were added to the global candidate "
                + "list\",\"lastupdatedtime\":\"2025-11-09T13:12:00Z\"}")
        #expect(TestRunHarness.snapshot(r, "ovr")?.isValid == false)

        var again = r
        OverrideRules.updateGlobalCandidateList(&again)
        OverrideRules.validateOverrides(&again)
        #expect(again.revision == r.revision)
    }

    /// §6.1: a legacy `AddedToGlobalCandidateList` condition also marks the snapshot.
    @Test func legacyMarker() {
        let snapshot = Fixture.snapshot(
            "ovr", components: [("comp-a", Fixture.image("quay.io/o/a"))], labels: Self.overrideLabels,
            conditions: [
                Condition(
                    type: "AddedToGlobalCandidateList", status: "True", reason: "x", message: "",
                    lastTransitionTime: "t")
            ])
        let r = Self.run(snapshot)
        #expect(r.changes.isEmpty)
    }
}
