import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// Component finalizers and deletion Snapshots (SPEC.md §6.4), and the idempotency of the whole
/// build pipeline (§8).
@Suite struct ComponentDeletionTests {
    typealias Support = BuildTestSupport

    /// The status document a deleted Component leaves behind.
    static func orphan(_ name: String, labels: [String: String], finalizer: Bool = true) -> YAMLNode {
        var metadata = Fixture.metadata(name, labels: labels)
        if finalizer { metadata = metadata.setting("finalizers", to: .sequence([.string(Keys.componentFinalizer)])) }
        return .mapping([
            ("apiVersion", .string("appstudio.redhat.com/v1alpha1")), ("kind", .string("Component")),
            ("metadata", metadata),
            ("status", .mapping([("lastPromotedImage", .string(Fixture.image("quay.io/org/\(name)")))])),
        ])
    }

    static func world(_ documents: [YAMLNode], orphans: [YAMLNode]) -> World {
        let base = Fixture.world(documents)
        return World(
            objects: Array(base.objects.values), orphanedStatusDocuments: orphans.compactMap(base.decode),
            defaultNamespace: Fixture.namespace)
    }

    /// §6.4 "Finalizer is added on Component create"; the application label goes with it.
    @Test func finalizersAndApplicationLabel() throws {
        let r = Support.run([Fixture.component("web"), Fixture.component("loose", application: "")])
        let web = try #require(r.world.object(.component, namespace: Fixture.namespace, name: "web"))
        #expect(web.metadata.finalizers == [Keys.componentFinalizer])
        #expect(web.metadata.labels[Keys.application] == "app")
        let loose = try #require(r.world.object(.component, namespace: Fixture.namespace, name: "loose"))
        #expect(loose.metadata.finalizers.isEmpty)
        #expect(loose.metadata.labels.isEmpty)
    }

    /// §6.4: the deletion Snapshot holds every other component with a git source, empty images
    /// included (§10.11), carries only the auto-release label, and the finalizer is released.
    @Test func deletionCreatesASnapshot() throws {
        let world = Self.world(
            [
                Fixture.application(),
                Fixture.component("api", lastPromotedImage: Fixture.image("quay.io/org/api"), lastBuiltCommit: "abc"),
                Fixture.component("ui"),  // never built: empty image, still included
                Fixture.component("docs", revision: ""),  // no revision: left out
                Fixture.component("other", application: "elsewhere"),
            ], orphans: [Self.orphan("web", labels: [Keys.application: "app"])])
        let r = Support.run(world)
        #expect(r.world.orphanedStatusDocuments.isEmpty)
        let orphanKey = ObjectKey(KnownKind.component.groupKind, namespace: Fixture.namespace, name: "web")
        #expect(r.changes[orphanKey] == .delete)
        let snapshot = try #require(r.world.snapshot(namespace: Fixture.namespace, name: "app-20251109-131200-000"))
        #expect(snapshot.application == "app")
        #expect(snapshot.components.map(\.name) == ["api", "ui"])
        #expect(snapshot.components.map(\.containerImage) == [Fixture.image("quay.io/org/api"), ""])
        #expect(snapshot.components[0].git?.revision == "abc")
        #expect(snapshot.metadata.labels == [Keys.autoRelease: "false"])
        #expect(snapshot.metadata.annotations.isEmpty)
        #expect(snapshot.metadata.ownerReferences.first?.name == "app")
        #expect(snapshot.metadata.ownerReferences.first?.controller == true)
        // The empty image still satisfies the CRD: `containerImage` is present, as a string.
        let entry = try #require(snapshot.node["spec"]?["components"]?.sequence?[1])
        #expect(entry["containerImage"]?.string == "")
        #expect(
            r.events.contains {
                $0.summary == "created Snapshot app-20251109-131200-000 after the deletion of component web"
            })
    }

    /// §6.4: without the finalizer nothing happens; without other components only the
    /// finalizer is released.
    @Test func deletionWithoutSnapshot() {
        let noFinalizer = Support.run(
            Self.world(
                [Fixture.application(), Fixture.component("api")],
                orphans: [
                    Self.orphan("web", labels: [Keys.application: "app"], finalizer: false)
                ]))
        #expect(noFinalizer.world.orphanedStatusDocuments.count == 1)
        #expect(noFinalizer.world.snapshots().isEmpty)
        let alone = Support.run(
            Self.world([Fixture.application()], orphans: [Self.orphan("web", labels: [Keys.application: "app"])]))
        #expect(alone.world.orphanedStatusDocuments.isEmpty)
        #expect(alone.world.snapshots().isEmpty)
    }

    /// §6.4: a status document without the application label finds it through the builds of
    /// the component.
    @Test func applicationFromBuilds() throws {
        let build = Fixture.build("b", component: "web", succeeded: "False")
        let r = Support.run(
            Self.world(
                [Fixture.application(), Fixture.component("api"), build], orphans: [Self.orphan("web", labels: [:])]))
        #expect(r.world.snapshots().map(\.application) == ["app"])
    }

    /// §8 idempotency: a second reconcile of the result changes nothing, even with a later clock.
    @Test func secondReconcileChangesNothing() {
        let documents =
            Support.application(webBuild: Fixture.build("b", component: "web")) + [
                Fixture.build("c", component: "api", signed: false, startTime: "2025-11-09T13:05:00Z"),
                Fixture.build("d", component: "web", succeeded: "False"),
                Fixture.build("e", component: "missing"),
            ]
        let first = IntegrationService.reconcile(
            Self.world(documents, orphans: [Self.orphan("gone", labels: [Keys.application: "app"])]),
            context: RuleContext(now: Timestamp(rfc3339: "2025-11-09T13:20:00Z")!))
        #expect(first.revision > 0)
        #expect(first.world.snapshots().count == 2)  // from build b, and from the deletion of "gone"
        let second = IntegrationService.reconcile(
            first.world, context: RuleContext(now: Timestamp(rfc3339: "2025-11-10T13:20:00Z")!))
        #expect(second.revision == 0)
        #expect(second.changes.isEmpty)
    }
}
