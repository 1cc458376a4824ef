import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// SPEC.md §8 "Snapshot pre-checks".
@Suite struct SnapshotPrecheckTests {
    /// A missing Application makes the Snapshot Invalid; it is not processed further.
    @Test func missingApplication() throws {
        let r = TestRunHarness.run(
            [Fixture.scenario("its-a"), TestRunHarness.pushSnapshot],
            steps: [SnapshotRules.precheck, TestRunRules.createTestPipelineRuns])
        let condition = try #require(TestRunHarness.snapshot(r, "snap")?.integrationStatusCondition)
        #expect(condition.status == "False" && condition.reason == "Invalid")
        #expect(
            condition.message
                == "The application app owning this snapshot doesn't exist, try again after creating application")
        #expect(TestRunHarness.testRuns(r).isEmpty)
    }

    /// The Application becomes the controller owner of snapgate's Snapshots, not of a person's override.
    @Test func controllerOwner() throws {
        let application = Fixture.application().setting(path: ["metadata", "uid"], to: .string("u-1"))
        let r = TestRunHarness.run(
            [
                application, TestRunHarness.pushSnapshot,
                Fixture.snapshot("ovr", labels: ["test.appstudio.openshift.io/type": "override"]),
            ], steps: [SnapshotRules.precheck])
        let owners = try #require(TestRunHarness.snapshot(r, "snap")?.metadata.ownerReferences)
        #expect(
            owners == [
                OwnerReference(
                    apiVersion: "appstudio.redhat.com/v1alpha1", kind: "Application", name: "app", uid: "u-1",
                    controller: true, blockOwnerDeletion: true)
            ])
        #expect(TestRunHarness.snapshot(r, "ovr")?.metadata.ownerReferences.isEmpty == true)
        var again = r
        SnapshotRules.precheck(&again)
        #expect(again.revision == r.revision)
    }

    /// Velero-labelled objects are ignored by every rule.
    @Test func veleroObjectsIgnored() {
        let snapshot = Fixture.snapshot(
            "snap", components: [("comp-a", Fixture.image("quay.io/o/a"))], labels: ["velero.io/restore-name": "r"])
        let r = TestRunHarness.run(
            [Fixture.scenario("its-a"), snapshot],
            steps: [SnapshotRules.precheck, TestRunRules.createTestPipelineRuns, RerunRules.handleRerunLabels])
        #expect(r.changes.isEmpty)
    }
}
