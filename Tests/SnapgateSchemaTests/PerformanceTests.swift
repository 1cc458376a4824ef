import SnapgateSchema
import SnapgateYAML
import Testing

/// A coarse guard that validation stays cheap: snapgate validates every manifest of a repository.
struct PerformanceTests {
    @Test func sixteenThousandSnapshotsValidateQuickly() throws {
        let snapshot = MiniYAML.parse(
            """
            apiVersion: appstudio.redhat.com/v1alpha1
            kind: Snapshot
            metadata:
              name: my-app-abcde
              namespace: user-tenant
              labels:
                appstudio.openshift.io/application: my-app
                test.appstudio.openshift.io/type: component
              annotations:
                test.appstudio.openshift.io/status: '[]'
            spec:
              application: my-app
              components:
              - name: comp-a
                containerImage: quay.io/org/comp-a@sha256:0123
                source:
                  git:
                    url: https://github.com/org/comp-a
                    revision: 0123abc
            status:
              conditions:
              - type: AppStudioTestSucceeded
                status: 'True'
                reason: Passed
                message: All tests passed
                lastTransitionTime: '2025-01-02T03:04:05Z'
            """)
        let schema = try #require(
            SchemaCatalog.konflux.schema(group: "appstudio.redhat.com", version: "v1alpha1", kind: "Snapshot"))
        let clock = ContinuousClock()
        var total = 0
        let elapsed = clock.measure {
            for _ in 0..<16_000 { total += SchemaValidator.validate(snapshot, schema: schema).count }
        }
        #expect(total == 0)
        // Generous for debug builds on a shared machine; a release build is far faster.
        #expect(elapsed < .seconds(20), "validating 16,000 snapshots took \(elapsed)")
        print("validated 16,000 snapshots in \(elapsed)")
    }
}
