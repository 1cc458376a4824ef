import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// Runs the component and build steps (and only those) to a fixpoint, and reads their outcome.
enum BuildTestSupport {
    static let steps: [@Sendable (inout Reconciliation) -> Void] = [
        ComponentRules.ensureFinalizers, ComponentRules.handleDeletions, BuildRules.updateGlobalCandidateList,
        BuildRules.createSnapshots,
    ]

    /// The steps run round after round over `world` until a round changes nothing.
    static func run(_ world: World, now: Timestamp = Fixture.now) -> Reconciliation {
        var reconciliation = Reconciliation(world: world, context: RuleContext(now: now))
        for _ in 0..<8 {
            let before = reconciliation.revision
            for step in steps { step(&reconciliation) }
            if reconciliation.revision == before { break }
        }
        return reconciliation
    }

    /// The steps run over a world of `documents`.
    static func run(_ documents: [YAMLNode], now: Timestamp = Fixture.now) -> Reconciliation {
        run(Fixture.world(documents), now: now)
    }

    /// The usual application: `app` with Components `api` (in the GCL) and `web` (being built).
    static func application(webBuild: YAMLNode? = nil) -> [YAMLNode] {
        var documents = [
            Fixture.application(),
            Fixture.component(
                "api", lastPromotedImage: Fixture.image("quay.io/org/api"), lastBuiltCommit: "api-commit"),
            Fixture.component("web"),
        ]
        if let webBuild { documents.append(webBuild) }
        return documents
    }

    /// The annotations of the build PipelineRun `name`.
    static func buildAnnotations(_ reconciliation: Reconciliation, _ name: String = "b") -> StringMap {
        reconciliation.world.pipelineRun(namespace: Fixture.namespace, name: name)?.metadata.annotations ?? [:]
    }

    /// The key of the Snapshot `name` of the test namespace.
    static func snapshotKey(_ name: String) -> ObjectKey {
        ObjectKey(KnownKind.snapshot.groupKind, namespace: Fixture.namespace, name: name)
    }

    /// `create-snapshot-status` of a failed build, as upstream writes it.
    static func failed(_ message: String) -> String {
        #"{"message":"Failed to create snapshot. Error: \#(message)","status":"failed"}"#
    }

    /// `create-snapshot-status` of a build that has its Snapshot.
    static let succeeded =
        #"{"message":"Sucessfully created snapshot. See annotation appstudio.openshift.io/snapshot for name","#
        + #""status":"success"}"#
}
