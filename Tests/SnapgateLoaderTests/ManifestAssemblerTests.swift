import SnapgateLoader
import SnapgateModel
import Testing

@Suite struct ManifestAssemblerTests {
    @Test func multiDocumentFilesAndDefaultNamespace() {
        let loaded = assemble(["app.yaml": application + "\n---\n" + component("a") + "\n---\n" + component("b")])
        #expect(loaded.objects.map(\.key.name) == ["app", "a", "b"])
        #expect(loaded.objects.allSatisfy { $0.key.namespace == "default" })
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.objects[1].source.documentIndex == 1)
        #expect(loaded.objects[1].source.mark.line == 8)
    }

    /// GITOPS.md: two documents with the same (group, kind, namespace, name) are a diagnostic
    /// naming both files; neither is used.
    @Test func duplicatesNameBothFilesAndNeitherIsUsed() {
        let loaded = assemble(["a.yaml": component("c"), "b/c.yaml": component("c"), "app.yaml": application])
        #expect(loaded.objects.map(\.key.name) == ["app"])
        let messages = loaded.diagnostics.map(\.description)
        #expect(messages.count == 2)
        #expect(
            messages[0].hasPrefix(
                "a.yaml:1:1: error: Component default/c is defined more than once (also at b/c.yaml:1:1)"))
        #expect(
            messages[1].hasPrefix(
                "b/c.yaml:1:1: error: Component default/c is defined more than once (also at a.yaml:1:1)"))
    }

    @Test func sameNameInOtherNamespaceOrKindIsNoDuplicate() {
        let other = component("c").replacingOccurrences(of: "  name: c", with: "  name: c\n  namespace: other")
        let kustomizeComponent = "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nmetadata:\n  name: c\n"
        let loaded = assemble(["a.yaml": component("c"), "b.yaml": other, "k.yaml": kustomizeComponent])
        #expect(loaded.objects.count == 2)
        #expect(loaded.diagnostics.isEmpty)
    }

    /// Files that a kustomization lists as patches are patches, not objects.
    @Test func kustomizePatchFilesAreNotObjects() {
        let kustomization = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources: [base.yaml]
            patches:
              - path: patches/its.yaml
                target: {kind: IntegrationTestScenario}
            patchesStrategicMerge:
              - ../shared/component-patch.yaml
              - |-
                apiVersion: appstudio.redhat.com/v1alpha1
                kind: Component
                metadata: {name: inline}
            patchesJson6902:
              - path: json.yaml
                target: {kind: Component, name: x}
            """
        let partial =
            "apiVersion: appstudio.redhat.com/v1alpha1\nkind: Component\nmetadata:\n  name: base\nspec:\n  application: other\n"
        let loaded = assemble([
            "overlay/kustomization.yaml": kustomization,
            "overlay/base.yaml": component("base"),
            "overlay/patches/its.yaml": partial,
            "shared/component-patch.yaml": partial.replacingOccurrences(of: "name: base", with: "name: p2"),
            "overlay/json.yaml": "- op: replace\n  path: /spec/application\n  value: x\n",
        ])
        #expect(loaded.objects.map(\.key.name) == ["base"])
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func templatesAreWarningsAndSyntaxErrorsArePositionedErrors() {
        let loaded = assemble([
            "chart/templates/its.yaml":
                "{{- if .Values.enabled }}\napiVersion: appstudio.redhat.com/v1beta2\nkind: IntegrationTestScenario\nmetadata:\n  name: {{ .Values.name }}-its\n{{- end }}\n",
            "broken.yaml":
                "apiVersion: appstudio.redhat.com/v1alpha1\nkind: Component\nmetadata:\n  name: x\n   bad: indent\n",
            "workflow.yaml": "on: push\njobs:\n  a: [\n",
            "ok.yaml": application,
        ])
        #expect(loaded.objects.map(\.key.name) == ["app"])
        let broken = loaded.diagnostics.first { $0.path == "broken.yaml" }
        #expect(broken?.severity == .error)
        #expect(broken?.line == 5)
        // A broken file that names neither Konflux nor Tekton cannot hold snapgate's objects.
        let workflow = loaded.diagnostics.first { $0.path == "workflow.yaml" }
        #expect(workflow?.severity == .warning)
        #expect(workflow?.message.contains("names neither appstudio.redhat.com nor tekton.dev") == true)
        let template = loaded.diagnostics.first { $0.path == "chart/templates/its.yaml" }
        #expect(template?.severity == .warning)
        #expect(template?.message.contains("template") == true)
    }

    /// An error in one file never stops the others from loading.
    @Test func badDocumentsDoNotStopOthers() {
        let loaded = assemble([
            "a.yaml": "apiVersion: appstudio.redhat.com/v1alpha1\nkind: Component\nmetadata:\n  generateName: x-\n---\n"
                + component("good"),
            "b.yaml": "\u{FEFF}" + application,
            "c.yaml": "",
            "d.yaml": "# only a comment\n",
            "e.yaml": "---\n---\n",
        ])
        #expect(loaded.objects.map(\.key.name).sorted() == ["app", "good"])
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.path == "a.yaml")
    }

    /// snapgate's status document for a person's object merges into it (labels, annotations, status).
    @Test func statusDocumentsMergeIntoPersonsObjects() throws {
        let status = """
            apiVersion: appstudio.redhat.com/v1alpha1
            kind: Component
            metadata:
              name: c
              annotations:
                test.appstudio.openshift.io/lastbuilttime: "1700000000"
            status:
              lastPromotedImage: quay.io/o/c@sha256:new
              lastBuiltCommit: new
            """
        let person = component("c") + "\nstatus:\n  lastPromotedImage: quay.io/o/c@sha256:old\n"
        let loaded = assemble(["apps/c.yaml": person, "snapgate/default/components/c.yaml": status])
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.objects.count == 1)
        let object = try #require(loaded.objects.first)
        #expect(object.source.path == "apps/c.yaml")
        guard case .component(let merged) = object.object else {
            Issue.record("not a component")
            return
        }
        #expect(merged.lastPromotedImage == "quay.io/o/c@sha256:new")
        #expect(merged.lastBuiltCommit == "new")
        #expect(merged.application == "app")
        #expect(merged.metadata.annotations["test.appstudio.openshift.io/lastbuilttime"] == "1700000000")
        #expect(loaded.statusDocuments[object.key]?.source.path == "snapgate/default/components/c.yaml")
    }

    /// A broken status document is reported at its own file; the person's object is still used.
    @Test func brokenStatusDocumentIsReportedAtItsFileAndTheObjectStillLoads() throws {
        let status = """
            apiVersion: appstudio.redhat.com/v1alpha1
            kind: Component
            metadata:
              name: c
            status:
              lastPromotedImage: 42
            """
        let loaded = assemble(["apps/c.yaml": component("c"), "snapgate/default/components/c.yaml": status])
        #expect(loaded.objects.map(\.key.name) == ["c"])
        #expect(loaded.diagnostics.count == 1)
        let diagnostic = try #require(loaded.diagnostics.first)
        #expect(diagnostic.path == "snapgate/default/components/c.yaml")
        #expect(diagnostic.line == 6)
        #expect(diagnostic.message.contains("status.lastPromotedImage"))
    }

    /// A key defined three times names the two other places at each; a person's object defined
    /// twice leaves its status document without an object (an orphan, as when the file is gone).
    @Test func repeatedDefinitionsAreNotUsedAndTheirStatusDocumentIsAnOrphan() {
        let status = "apiVersion: appstudio.redhat.com/v1alpha1\nkind: Component\nmetadata:\n  name: c\n"
        let loaded = assemble([
            "a.yaml": component("c"), "b.yaml": component("c"), "c.yaml": component("c"), "d.yaml": component("d"),
            "snapgate/default/components/c.yaml": status,
        ])
        #expect(loaded.objects.map(\.key.name) == ["d"])
        #expect(loaded.orphanedStatusDocuments.map(\.source.path) == ["snapgate/default/components/c.yaml"])
        #expect(loaded.statusDocuments.isEmpty)
        #expect(
            loaded.diagnostics.map(\.description) == [
                "a.yaml:1:1: error: Component default/c is defined more than once (also at b.yaml:1:1, c.yaml:1:1); "
                    + "none of the definitions is used until only one remains",
                "b.yaml:1:1: error: Component default/c is defined more than once (also at a.yaml:1:1, c.yaml:1:1); "
                    + "none of the definitions is used until only one remains",
                "c.yaml:1:1: error: Component default/c is defined more than once (also at a.yaml:1:1, b.yaml:1:1); "
                    + "none of the definitions is used until only one remains",
            ])
    }

    /// Two status documents for one object: both are reported, and the person's object is used as written.
    @Test func repeatedStatusDocumentsAreNotMerged() throws {
        let status =
            "apiVersion: appstudio.redhat.com/v1alpha1\nkind: Component\nmetadata:\n  name: c\n"
            + "status:\n  lastBuiltCommit: new\n"
        let loaded = assemble([
            "apps/c.yaml": component("c"), "snapgate/x.yaml": status, "snapgate/y.yaml": status,
        ])
        let object = try #require(loaded.objects.first)
        #expect(object.component?.lastBuiltCommit == "")
        #expect(loaded.statusDocuments.isEmpty)
        #expect(loaded.diagnostics.map(\.path) == ["snapgate/x.yaml", "snapgate/y.yaml"])
    }

    /// Enough status documents to be merged on every core: each lands on its own object, in key order.
    @Test func manyStatusDocumentsMergeEachIntoItsObject() {
        var files: [String: String] = ["app.yaml": application]
        let names = (0..<150).map { "c\($0)" }
        for name in names {
            files["apps/\(name).yaml"] = component(name)
            files["snapgate/default/components/\(name).yaml"] =
                "apiVersion: appstudio.redhat.com/v1alpha1\nkind: Component\nmetadata:\n  name: \(name)\n"
                + "status:\n  lastBuiltCommit: commit-of-\(name)\n"
        }
        let loaded = assemble(files)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.objects.map(\.key.name) == ["app"] + names.sorted())
        for object in loaded.objects.dropFirst() {
            #expect(object.component?.lastBuiltCommit == "commit-of-\(object.key.name)")
            #expect(object.source.path == "apps/\(object.key.name).yaml")
        }
        #expect(loaded.statusDocuments.count == 150)
        #expect(loaded.authored.count == 150)
    }

    @Test func kustomizationsAreFoundByTheirFileName() {
        #expect(KustomizePatches.isKustomization("kustomization.yaml"))
        #expect(KustomizePatches.isKustomization("a/b/kustomization.yml"))
        #expect(KustomizePatches.isKustomization("overlays/Kustomization"))
        #expect(!KustomizePatches.isKustomization("a/kustomization.yaml/x.yaml"))
        #expect(!KustomizePatches.isKustomization("a/my-kustomization.yaml"))
        #expect(!KustomizePatches.isKustomization("kustomization.yaml.bak"))
        #expect(!KustomizePatches.isKustomization("a/"))
    }

    @Test func objectsAreSortedByKey() {
        let other = component("a").replacingOccurrences(of: "  name: a", with: "  name: a\n  namespace: aaa")
        let loaded = assemble([
            "1.yaml": component("b"), "2.yaml": application, "3.yaml": component("a"), "4.yaml": other,
        ])
        #expect(
            loaded.objects.map(\.key.description) == [
                "Application default/app", "Component aaa/a", "Component default/a", "Component default/b",
            ])
        #expect(loaded.objects.map(\.key) == loaded.objects.map(\.key).sorted())
    }

    @Test func configExcludesAndDefaultNamespace() {
        var config = SnapgateConfig.default
        config.exclude = [PathGlob("docs/**")]
        config.defaultNamespace = "tenant"
        let loaded = assemble(["docs/example.yaml": component("doc"), "apps/c.yaml": component("c")], config: config)
        // The assembler sees what the loader hands it; the loader applies include/exclude.
        #expect(config.isManifest("apps/c.yaml"))
        #expect(!config.isManifest("docs/example.yaml"))
        #expect(loaded.objects.allSatisfy { $0.key.namespace == "tenant" })
    }
}

/// Persons' objects and snapgate's documents are matched by key over many objects of several
/// kinds and namespaces: each person's object gets its own status document (by key, wherever
/// the files sort), a repeated key on either side matches nothing, and snapgate's own objects
/// and orphans are told apart as with a few.
@Suite struct ManifestAssemblerJoinTests {
    static func component(_ name: String, namespace: String) -> String {
        SnapgateLoaderTests.component(name).replacingOccurrences(
            of: "  name: \(name)\n", with: "  name: \(name)\n  namespace: \(namespace)\n")
    }

    static func status(_ name: String, namespace: String, image: String) -> String {
        """
        apiVersion: appstudio.redhat.com/v1alpha1
        kind: Component
        metadata:
          name: \(name)
          namespace: \(namespace)
        status:
          lastPromotedImage: \(image)
        """
    }

    static func snapshot(_ name: String, namespace: String) -> String {
        """
        apiVersion: appstudio.redhat.com/v1alpha1
        kind: Snapshot
        metadata:
          name: \(name)
          namespace: \(namespace)
        spec:
          application: app
          components: []
        """
    }

    @Test func statusDocumentsAreMatchedByKeyAmongMany() {
        var files: [String: String] = [:]
        var withStatus: Set<String> = []
        var orphans: Set<String> = []
        var repeated: Set<String> = []
        for tenant in 0..<12 {
            let namespace = "tenant-\(tenant)"
            for number in 0..<9 {
                let name = "c\(number)"
                let id = "\(namespace)/\(name)"
                // Persons' files sort the other way round from the keys (z… first).
                files["z\(20 - number)/\(namespace)/\(name).yaml"] = Self.component(name, namespace: namespace)
                if (tenant + number) % 5 == 0 {
                    files["y/\(namespace)/\(name).yaml"] = Self.component(name, namespace: namespace)
                    repeated.insert(id)
                }
                if number % 2 == 0 {
                    files["snapgate/\(namespace)/components/\(name).yaml"] = Self.status(
                        name, namespace: namespace,
                        image: "quay.io/org/\(name)@sha256:" + String(repeating: "a", count: 64))
                    if repeated.contains(id) { orphans.insert(id) } else { withStatus.insert(id) }
                }
            }
            files["snapgate/\(namespace)/components/gone.yaml"] = Self.status(
                "gone", namespace: namespace, image: "quay.io/org/gone@sha256:" + String(repeating: "b", count: 64))
            orphans.insert("\(namespace)/gone")
            files["snapgate/\(namespace)/snapshots/s1.yaml"] = Self.snapshot("s1", namespace: namespace)
        }
        let loaded = assemble(files)

        let id = { (object: ManifestObject) in "\(object.key.namespace)/\(object.key.name)" }
        #expect(Set(loaded.statusDocuments.keys.map { "\($0.namespace)/\($0.name)" }) == withStatus)
        for (key, document) in loaded.statusDocuments { #expect(document.key == key) }
        #expect(Set(loaded.orphanedStatusDocuments.map(id)) == orphans)
        let components = loaded.objects.filter { $0.kind == .component }
        #expect(components.count == 12 * 9 - repeated.count)
        #expect(Set(components.map(id)).isDisjoint(with: repeated))
        for object in components where withStatus.contains(id(object)) {
            #expect(object.node["status"]?["lastPromotedImage"]?.string?.hasPrefix("quay.io/org/") == true)
        }
        #expect(loaded.objects.filter { $0.kind == .snapshot }.count == 12)
        #expect(loaded.objects.map(\.key) == loaded.objects.map(\.key).sorted())
        #expect(loaded.diagnostics.filter { $0.message.contains("defined more than once") }.count == 2 * repeated.count)
    }
}
