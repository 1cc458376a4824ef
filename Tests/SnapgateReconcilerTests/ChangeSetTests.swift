import SnapgateLoader
import SnapgateModel
import SnapgateNode
import SnapgateReconciler
import SnapgateRules
import SnapgateYAML
import Testing

/// What the rules change becomes files: whole documents for snapgate's objects, status documents
/// for a person's (GITOPS.md "Who owns which file"), and reading them back gives the same world.
@Suite struct ChangeSetTests {
    static let component = """
        apiVersion: appstudio.redhat.com/v1alpha1
        kind: Component
        metadata:
          name: web
          namespace: tenant
          labels:
            team: shop
        spec:
          application: app
          source:
            git: {url: "https://github.com/org/web", revision: main}
        status:
          lastPromotedImage: quay.io/org/web@sha256:old
        """

    static func load(_ files: [String: String]) -> LoadedManifests {
        ManifestAssembler.assemble(
            files.sorted { $0.key < $1.key }.map { ParsedFile(path: $0.key, bytes: Array($0.value.utf8)) },
            config: .default)
    }

    @Test func statusDocumentHoldsOnlyManagedFields() throws {
        let authored = try #require(YAMLParser.parse(Array(Self.component.utf8)).documents.first?.root)
        let effective =
            authored
            .settingAnnotation("test.appstudio.openshift.io/lastbuilttime", to: "1762693445")
            .settingLabel("team", to: "shop")
            .addingFinalizer("test.appstudio.openshift.io/component")
            .setting(path: ["status", "lastPromotedImage"], to: .string("quay.io/org/web@sha256:new"))
        let document = try #require(StatusDocument.make(effective: effective, authored: authored))
        #expect(
            YAMLEmitter.emit(document) == """
                apiVersion: appstudio.redhat.com/v1alpha1
                kind: Component
                metadata:
                  annotations:
                    test.appstudio.openshift.io/lastbuilttime: "1762693445"
                  finalizers:
                    - test.appstudio.openshift.io/component
                  name: web
                  namespace: tenant
                status:
                  lastPromotedImage: quay.io/org/web@sha256:new

                """)
        #expect(StatusDocument.make(effective: authored, authored: authored) == nil)
    }

    @Test func changesBecomeFilesAndReadBackToTheSameWorld() throws {
        let files = ["apps/web.yaml": Self.component]
        let loaded = Self.load(files)
        var pass = Reconciliation(
            world: World(objects: loaded.objects, defaultNamespace: "default"),
            context: RuleContext(now: Timestamp(seconds: 1_762_693_445)))
        let key = try #require(loaded.objects.first?.key)
        pass.update(key) { $0.setting(path: ["status", "lastBuiltCommit"], to: .string("abc")) }
        let snapshot = Snapshot(
            metadata: ObjectMeta(
                name: "app-1", namespace: "tenant", labels: ["appstudio.openshift.io/application": "app"]),
            application: "app",
            components: [SnapshotComponent(name: "web", containerImage: "quay.io/org/web@sha256:old")])
        pass.create(snapshot.node)

        let changes = ChangeSet.make(loaded: loaded, result: pass)
        #expect(changes.map(\.path) == ["snapgate/tenant/components/web.yaml", "snapgate/tenant/snapshots/app-1.yaml"])
        #expect(changes.map(\.action) == [.update, .create])

        // Reading the repository back (person's file + the new files) gives the pass's world.
        var after = files
        for change in changes { after[change.path] = String(decoding: change.contents ?? [], as: UTF8.self) }
        let reloaded = Self.load(after)
        #expect(reloaded.diagnostics.isEmpty)
        #expect(
            Dictionary(uniqueKeysWithValues: reloaded.objects.map { ($0.key, $0.object) })
                == Dictionary(uniqueKeysWithValues: pass.world.objects.map { ($0.key, $0.value.object) }))
        // And a second pass that changes nothing writes nothing.
        let again = Reconciliation(
            world: World(objects: reloaded.objects, defaultNamespace: "default"),
            context: RuleContext(now: Timestamp(seconds: 1_762_693_445)))
        #expect(ChangeSet.make(loaded: reloaded, result: again).isEmpty)
    }

    /// When a person deletes their object, its status document goes with it.
    @Test func orphanedStatusDocumentsAreListed() throws {
        let status = """
            apiVersion: appstudio.redhat.com/v1alpha1
            kind: Component
            metadata:
              name: gone
              namespace: tenant
              finalizers: [test.appstudio.openshift.io/component]
            status:
              lastPromotedImage: quay.io/org/gone@sha256:1
            """
        let loaded = Self.load(["snapgate/tenant/components/gone.yaml": status])
        #expect(loaded.objects.isEmpty)
        #expect(loaded.rejected.isEmpty)
        #expect(loaded.orphanedStatusDocuments.map(\.key.name) == ["gone"])
    }
}

/// The status document's managed labels and annotations: the entries whose value differs from
/// the person's, as a sorted map of strings, whether or not the rules' map is already one.
@Suite struct StatusDocumentMapTests {
    static let cases: [(effective: String, authored: String, expected: String?)] = [
        // The person wrote none: all of ours, sorted, strings only.
        ("  labels:\n    a: one\n    b: two\n", "", "a: one\nb: two\n"),
        ("  labels:\n    b: two\n    a: one\n", "", "a: one\nb: two\n"),
        ("  labels:\n    a: one\n    n: 5\n", "", "a: one\n"),
        ("  labels:\n    n: 5\n", "", nil),
        ("  labels: {}\n", "", nil),
        ("  labels:\n    a: 'quoted'\n", "  labels:\n", "a: quoted\n"),
        // The person wrote some: only what differs.
        ("  labels:\n    a: one\n    b: two\n", "  labels:\n    a: one\n", "b: two\n"),
        ("  labels:\n    a: one\n", "  labels:\n    a: one\n", nil),
        ("  labels:\n    a: new\n", "  labels:\n    a: old\n    z: kept\n", "a: new\n"),
    ]

    @Test(arguments: cases.indices)
    func managedLabelsAreTheDifferingStringEntries(_ index: Int) throws {
        let (effectiveLabels, authoredLabels, expected) = Self.cases[index]
        let head = "apiVersion: v1\nkind: Thing\nmetadata:\n  name: x\n  namespace: ns\n"
        let authored = try #require(YAMLParser.parse(Array((head + authoredLabels).utf8)).documents.first?.root)
        var effective = try #require(YAMLParser.parse(Array((head + effectiveLabels).utf8)).documents.first?.root)
        // Something else managed, so the document exists even when no label differs.
        effective = effective.setting(path: ["status"], to: .mapping([("phase", .string("Ready"))]))
        let document = try #require(StatusDocument.make(effective: effective, authored: authored))
        let labels = document.mapping("metadata")?["labels"]
        #expect(labels.map { YAMLEmitter.emit($0) } == expected)
    }
}
