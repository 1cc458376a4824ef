import Foundation
import SnapgateLoader
import SnapgateModel
import SnapgateRules
import SnapgateTestSupport
import Testing

@testable import SnapgateReconciler

/// The pass splits objects by namespace and puts the namespaces' file changes back together in
/// key order without sorting them again; both must give what the plain, slower way gives.
@Suite struct NamespaceOrderTests {
    static let groupKinds = [
        GroupKind(group: "appstudio.redhat.com", kind: "Component"),
        GroupKind(group: "appstudio.redhat.com", kind: "Snapshot"),
        GroupKind(group: "appstudio.redhat.com", kind: "Release"),
        GroupKind(group: "tekton.dev", kind: "PipelineRun"),
        GroupKind(group: "", kind: "ConfigMap"),
    ]

    static func change(_ groupKind: GroupKind, _ namespace: String, _ name: String) -> FileChange {
        FileChange(
            action: .update, key: ObjectKey(groupKind, namespace: namespace, name: name), apiVersion: "v1",
            path: "snapgate/\(namespace)/\(groupKind.kind)/\(name).yaml", contents: [])
    }

    /// Per-namespace lists as a pass makes them: each sorted by key, the namespaces ascending.
    static func lists(seed: UInt64) -> (lists: [[FileChange]], namespaces: [String]) {
        var random = SplitMix64(state: seed)
        let namespaces = (0..<Int.random(in: 1...40, using: &random)).map { "tenant-\($0 * 7 % 100)" }
        let ordered = Array(Set(namespaces)).sorted()
        let lists = ordered.map { namespace in
            (0..<Int.random(in: 0...12, using: &random)).map { _ in
                change(
                    groupKinds.randomElement(using: &random)!, namespace,
                    "obj-\(Int.random(in: 0...30, using: &random))")
            }
            .reduce(into: [ObjectKey: FileChange]()) { $0[$1.key] = $1 }.values.sorted { $0.key < $1.key }
        }
        return (lists, ordered)
    }

    @Test(arguments: 0..<200) func concatenatesInKeyOrder(seed: UInt64) {
        let (lists, namespaces) = Self.lists(seed: seed)
        let merged = NamespacePasses.inKeyOrder(lists, namespaces: namespaces)
        #expect(merged == lists.flatMap { $0 }.sorted { $0.key < $1.key })
    }

    /// Lists that break the premise (unsorted, a key of another namespace, a key twice, the
    /// namespaces out of order) are sorted the slow way: still key order, nothing lost.
    @Test(arguments: [
        ("a list out of order", [["b", "a"]], ["tenant"]),
        ("a key of another namespace", [["a"], ["other/b"]], ["t1", "t2"]),
        ("the same key twice", [["a", "a"]], ["tenant"]),
        ("namespaces descending", [["a"], ["b"]], ["t2", "t1"]),
    ])
    func fallsBackToSorting(_ label: String, names: [[String]], namespaces: [String]) {
        let component = Self.groupKinds[0]
        let lists = zip(names, namespaces).map { names, namespace in
            names.map { name in
                let parts = name.split(separator: "/").map(String.init)
                return parts.count == 2
                    ? Self.change(component, parts[0], parts[1]) : Self.change(component, namespace, name)
            }
        }
        let merged = NamespacePasses.inKeyOrder(lists, namespaces: namespaces)
        #expect(merged.map(\.key) == lists.flatMap { $0 }.map(\.key).sorted(), "\(label)")
    }

    @Test func groupsByNamespaceInInputOrder() {
        var files: [String: String] = [:]
        for namespace in ["t2", "t1", "t3"] {
            for name in ["b", "a"] {
                files["\(namespace)/\(name).yaml"] = """
                    apiVersion: appstudio.redhat.com/v1alpha1
                    kind: Application
                    metadata: {name: \(name), namespace: \(namespace)}
                    spec: {displayName: \(name)}
                    ---
                    apiVersion: appstudio.redhat.com/v1alpha1
                    kind: Component
                    metadata: {name: \(name)-c, namespace: \(namespace)}
                    spec:
                      application: \(name)
                      componentName: \(name)-c
                      source: {git: {url: "https://github.com/org/\(name)"}}
                    """
            }
        }
        let loaded = ManifestAssembler.assemble(
            files.sorted { $0.key < $1.key }.map { ParsedFile(path: $0.key, bytes: Array($0.value.utf8)) },
            config: .default)
        #expect(loaded.objects.count == 12, "\(loaded.diagnostics)")
        var random = SplitMix64(state: 7)
        for objects in [loaded.objects, loaded.objects.reversed(), loaded.objects.shuffled(using: &random)] {
            let grouped = NamespacePasses.groupedByNamespace(objects)
            let expected = Dictionary(grouping: objects, by: \.key.namespace)
            #expect(grouped.keys.sorted() == expected.keys.sorted())
            for (namespace, group) in expected {
                #expect(grouped[namespace]?.map(\.key) == group.map(\.key))
            }
        }
    }
}

/// A pass without an executor renders each namespace's changes right after deciding it: the same
/// passes and the same changes as deciding everything, then rendering everything.
@Suite struct DecideWithChangesTests {
    @Test func theSampleRepositoryDecidesAndChangesAlike() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-repo")
        let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
        var files: [ParsedFile] = []
        for case let path as String in enumerator where path.hasSuffix(".yaml") {
            let bytes = try Array(Data(contentsOf: root.appendingPathComponent(path)))
            files.append(ParsedFile(path: path, bytes: bytes))
        }
        #expect(files.count > 5)
        let loaded = ManifestAssembler.assemble(files.sorted { $0.path < $1.path }, config: .default)
        let context = RuleContext(now: try #require(Timestamp(rfc3339: "2026-12-01T00:00:00Z")))

        let separate = NamespacePasses.decide(loaded, context: context, namespaces: ["emptied"])
        let together = NamespacePasses.decideWithChanges(loaded, context: context, namespaces: ["emptied"])

        #expect(together.passes.map(\.namespace) == separate.map(\.namespace))
        #expect(together.passes.events == separate.events)
        #expect(together.passes.diagnostics == separate.diagnostics)
        let changes = NamespacePasses.changes(of: separate, loaded: loaded)
        #expect(!changes.isEmpty)
        #expect(together.changes == changes)
    }
}
