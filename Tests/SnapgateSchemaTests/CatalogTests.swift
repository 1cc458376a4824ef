import Foundation
import SnapgateSchema
import SnapgateTestSupport
import SnapgateYAML
import Testing

/// The catalog: every served CRD version present, versions and storage versions, the Tekton subset.
struct CatalogTests {
    /// The CRDs snapgate compiles in: (kind, served versions, storage version).
    static let expected: [(kind: String, versions: [String], storage: String)] = [
        ("Application", ["v1alpha1"], "v1alpha1"),
        ("Component", ["v1alpha1"], "v1alpha1"),
        ("ComponentGroup", ["v1beta2"], "v1beta2"),
        ("IntegrationTestScenario", ["v1alpha1", "v1beta1", "v1beta2"], "v1beta2"),
        ("Release", ["v1alpha1"], "v1alpha1"),
        ("ReleasePlan", ["v1alpha1"], "v1alpha1"),
        ("ReleasePlanAdmission", ["v1alpha1"], "v1alpha1"),
        ("Snapshot", ["v1alpha1"], "v1alpha1"),
    ]

    static let group = "appstudio.redhat.com"

    @Test func everyServedCRDVersionIsInTheCatalog() {
        let catalog = SchemaCatalog.konflux
        for crd in Self.expected {
            #expect(catalog.versions(group: Self.group, kind: crd.kind) == crd.versions, "\(crd.kind)")
            #expect(catalog.storageVersion(group: Self.group, kind: crd.kind) == crd.storage, "\(crd.kind)")
            for version in crd.versions {
                let schema = catalog.schema(group: Self.group, version: version, kind: crd.kind)
                #expect(schema?.type == .object, "\(crd.kind) \(version)")
                #expect(schema?.properties["spec"] != nil, "\(crd.kind) \(version)")
            }
        }
        let crdEntries = SchemaCatalog.konfluxCRDs.entries
        #expect(crdEntries.count == 10)
        #expect(Set(crdEntries.map(\.gvk.kind)).count == 8)
        #expect(catalog.schema(group: Self.group, version: "v1", kind: "Snapshot") == nil)
        #expect(catalog.schema(apiVersion: "appstudio.redhat.com/v1beta2", kind: "IntegrationTestScenario") != nil)
    }

    /// Reads (kind, served versions, storage version) from the CRD files themselves with a line scan.
    @Test func catalogMatchesTheCRDFiles() throws {
        guard let directory = SharedFixtures.crdDirectory else {
            print("skipping: ../shared/konflux/crds not found next to the package")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }
        #expect(files.count == 8)
        var found: [(kind: String, versions: [String], storage: String)] = []
        for file in files {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            var kind = ""
            var current = ""
            var versions: [String] = []
            var storage = ""
            for line in text.split(separator: "\n") {
                if line.hasPrefix("    kind: "), kind.isEmpty { kind = String(line.dropFirst("    kind: ".count)) }
                for prefix in ["    name: ", "  - name: "] where line.hasPrefix(prefix) {
                    current = String(line.dropFirst(prefix.count))
                }
                if line == "    served: true" { versions.append(current) }
                if line == "    storage: true" { storage = current }
            }
            found.append((kind, versions, storage))
        }
        found.sort { $0.kind < $1.kind }
        #expect(found.map(\.kind) == Self.expected.map(\.kind))
        #expect(found.map(\.versions) == Self.expected.map(\.versions))
        #expect(found.map(\.storage) == Self.expected.map(\.storage))
    }

    @Test func everyCRDPatternHasAHandWrittenMatcher() {
        var patterns: [SchemaPattern] = []
        var stack = SchemaCatalog.konfluxCRDs.entries.map(\.schema)
        while let schema = stack.popLast() {
            if let pattern = schema.pattern { patterns.append(pattern) }
            stack += schema.properties.values
            if let items = schema.items { stack.append(items) }
            if case .schema(let values)? = schema.additionalProperties { stack.append(values) }
        }
        #expect(patterns.count == 98)
        #expect(patterns.filter { !$0.isHandWritten }.map(\.source) == [])
    }

    @Test(arguments: ["PipelineRun", "TaskRun", "Pipeline", "Task"])
    func tektonKindsAreServedInV1AndV1beta1(kind: String) {
        #expect(SchemaCatalog.konflux.versions(group: "tekton.dev", kind: kind) == ["v1", "v1beta1"])
        #expect(SchemaCatalog.konflux.storageVersion(group: "tekton.dev", kind: kind) == "v1")
        #expect(SchemaCatalog.konfluxCRDs.versions(group: "tekton.dev", kind: kind) == [])
    }

    @Test func unknownKindsAreNotValidated() {
        let object = MiniYAML.parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x")
        #expect(SchemaCatalog.konflux.validate(object) == nil)
    }

    @Test func groupVersionKindSplitsAPIVersion() {
        #expect(GroupVersionKind(apiVersion: "tekton.dev/v1", kind: "Task").group == "tekton.dev")
        #expect(GroupVersionKind(apiVersion: "v1", kind: "ConfigMap").group == "")
        #expect(GroupVersionKind(group: "", version: "v1", kind: "ConfigMap").apiVersion == "v1")
    }
}

/// Locates the shared CRD directory relative to this package (`../shared/konflux/crds`).
enum SharedFixtures {
    /// The package root.
    static var packageRoot: URL { PackagePaths.root }

    static var crdDirectory: String? {
        let path = PackagePaths.shared.appendingPathComponent("konflux/crds").path
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? path : nil
    }
}
