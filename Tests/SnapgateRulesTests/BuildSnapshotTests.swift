import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// Snapshot creation from build PipelineRuns (SPEC.md §1.1–§1.5, §1.8).
@Suite struct BuildSnapshotTests {
    typealias Support = BuildTestSupport
    static let commit = String(repeating: "1", count: 40)
    static let webImage = "quay.io/org/web@sha256:" + String(repeating: "a", count: 64)

    /// §1.3–§1.5, §1.8: a signed, successful build gives a complete Snapshot and names it.
    @Test func successfulBuildCreatesTheSnapshot() throws {
        let r = Support.run(Support.application(webBuild: Fixture.build("b", component: "web")))
        let snapshot = try #require(r.world.snapshot(namespace: Fixture.namespace, name: "app-20251109-130405-123"))
        #expect(r.changes[Support.snapshotKey(snapshot.metadata.name)] == .create)
        #expect(snapshot.application == "app")
        #expect(snapshot.components.map(\.name) == ["api", "web"])
        #expect(snapshot.components[1].containerImage == Self.webImage)
        #expect(
            snapshot.components[1].source
                == .mapping([("git", GitSource(url: "https://github.com/org/web", revision: Self.commit).node)]))
        #expect(snapshot.components[0].containerImage == Fixture.image("quay.io/org/api"))
        #expect(snapshot.components[0].git?.revision == "api-commit")
        #expect(snapshot.artifacts == .mapping([]))
        #expect(
            snapshot.metadata.ownerReferences == [
                OwnerReference(
                    apiVersion: "appstudio.redhat.com/v1alpha1", kind: "Application", name: "app", uid: "",
                    controller: true, blockOwnerDeletion: true)
            ])
        #expect(snapshot.metadata.labels[Keys.testType] == "component")
        #expect(snapshot.metadata.labels[Keys.component] == "web")
        #expect(snapshot.metadata.labels[Keys.application] == "app")
        #expect(snapshot.metadata.labels[Keys.buildPipelineRun] == "b")
        #expect(snapshot.metadata.annotations[Keys.createSnapshotStatus] == nil)
        let annotations = Support.buildAnnotations(r)
        #expect(annotations[Keys.snapshotAnnotation] == "app-20251109-130405-123")
        #expect(annotations[Keys.snapshotsAnnotation] == "app-20251109-130405-123")
        #expect(annotations[Keys.createSnapshotStatus] == Support.succeeded)
        #expect(
            r.events.contains(
                RuleEvent(
                    "created Snapshot app-20251109-130405-123 from build b",
                    trailers: [.init("Snapgate-Snapshot", "app-20251109-130405-123"), .init("Snapgate-Build", "b")])))
    }

    /// §8 owner references: the Application's uid is used when its manifest has one.
    @Test func ownerReferenceCarriesTheApplicationUID() throws {
        var documents = Support.application(webBuild: Fixture.build("b", component: "web"))
        documents[0] = documents[0].setting(path: ["metadata", "uid"], to: .string("1234-uid"))
        let r = Support.run(documents)
        let snapshot = try #require(r.world.snapshots().first)
        #expect(snapshot.metadata.ownerReferences.first?.uid == "1234-uid")
    }

    enum Outcome: Equatable, Sendable {
        /// A Snapshot was created.
        case created
        /// Nothing happened.
        case untouched
        /// The build was annotated with this failure.
        case failed(String)
    }

    /// §1.1: every condition of processing a build PipelineRun.
    @Test(
        arguments: [
            ("signed and succeeded", Fixture.build("b", component: "web"), Fixture.now, Outcome.created),
            (
                "unsigned within 5 minutes", Fixture.build("b", component: "web", signed: false),
                Timestamp(rfc3339: "2025-11-09T13:15:00Z")!, .untouched
            ),
            (
                "unsigned after 5 minutes", Fixture.build("b", component: "web", signed: false),
                Timestamp(rfc3339: "2025-11-09T13:15:01Z")!,
                .failed("not processing the pipelineRun because it's not yet signed with Chains after 5m0s")
            ),
            (
                "recorded by record-build",
                Fixture.build(
                    "b", component: "web", signed: false, annotations: ["snapgate.dev/recorded-by": "record-build"]),
                Timestamp(rfc3339: "2025-11-09T14:00:00Z")!, .created
            ),
            (
                "missing component label", Fixture.build("b", component: "web").removingLabel(Keys.component),
                Fixture.now, .failed("component label does not exist on pipelineRun tenant/b")
            ),
            (
                "missing Component", Fixture.build("b", component: "gone"), Fixture.now,
                .failed(#"components.appstudio.redhat.com \"gone\" not found"#)
            ),
            ("failed build", Fixture.build("b", component: "web", succeeded: "False"), Fixture.now, .untouched),
            ("running build", Fixture.build("b", component: "web", succeeded: "Unknown"), Fixture.now, .untouched),
            (
                "running build without a condition",
                Fixture.build("b", component: "web").removing(path: ["status", "conditions"]), Fixture.now, .untouched
            ),
            (
                "already annotated",
                Fixture.build("b", component: "web", annotations: [Keys.snapshotAnnotation: "other"]), Fixture.now,
                .untouched
            ),
        ] as [(String, YAMLNode, Timestamp, Outcome)])
    func processingConditions(_ title: String, build: YAMLNode, now: Timestamp, outcome: Outcome) {
        let before = Support.application(webBuild: build)
        let r = Support.run(before, now: now)
        let annotations = Support.buildAnnotations(r)
        let original = Fixture.world(before).pipelineRun(namespace: Fixture.namespace, name: "b")?.metadata.annotations
        switch outcome {
        case .created:
            #expect(r.world.snapshots().count == 1, "\(title)")
            #expect(annotations[Keys.createSnapshotStatus] == Support.succeeded, "\(title)")
        case .untouched:
            #expect(r.world.snapshots().isEmpty, "\(title)")
            // The GCL step (§1.7) may mark the build; snapshot creation adds nothing.
            #expect(annotations.filter { $0.key != Keys.addedToGlobalCandidateList } == original, "\(title)")
        case .failed(let message):
            #expect(r.world.snapshots().isEmpty, "\(title)")
            #expect(annotations[Keys.createSnapshotStatus] == Support.failed(message), "\(title)")
            #expect(annotations[Keys.snapshotAnnotation] == nil, "\(title)")
        }
    }

    /// §1.1: a missing Application is a recorded failure, like a missing Component.
    @Test func missingApplicationIsRecorded() {
        let r = Support.run(Array(Support.application(webBuild: Fixture.build("b", component: "web")).dropFirst()))
        #expect(r.world.snapshots().isEmpty)
        #expect(
            Support.buildAnnotations(r)[Keys.createSnapshotStatus]
                == Support.failed(#"applications.appstudio.redhat.com \"app\" not found"#))
    }

    /// §1.1.4: a Snapshot labelled with the build's name already exists: the build is only annotated.
    @Test func existingSnapshotIsAdopted() {
        let existing = Fixture.snapshot(
            "earlier", components: [("web", Self.webImage)], labels: [Keys.buildPipelineRun: "b"])
        let r = Support.run(Support.application(webBuild: Fixture.build("b", component: "web")) + [existing])
        #expect(r.world.snapshots().map(\.metadata.name) == ["earlier"])
        #expect(Support.buildAnnotations(r)[Keys.snapshotAnnotation] == "earlier")
        #expect(Support.buildAnnotations(r)[Keys.snapshotsAnnotation] == "earlier")
    }

    /// §1.1.4: with several such Snapshots nothing is created or annotated.
    @Test func severalExistingSnapshotsCreateNothing() {
        let existing = ["s1", "s2"].map {
            Fixture.snapshot($0, components: [("web", Self.webImage)], labels: [Keys.buildPipelineRun: "b"])
        }
        let r = Support.run(Support.application(webBuild: Fixture.build("b", component: "web")) + existing)
        #expect(r.world.snapshots().count == 2)
        #expect(Support.buildAnnotations(r)[Keys.snapshotAnnotation] == nil)
    }

    /// §1.2: each missing result is a recorded, non-retryable failure that stops no other build.
    @Test(arguments: ["IMAGE_URL", "IMAGE_DIGEST", "CHAINS-GIT_URL", "CHAINS-GIT_COMMIT"])
    func missingResult(_ missing: String) throws {
        let results = [
            ("IMAGE_URL", "quay.io/org/web:on-push"), ("IMAGE_DIGEST", "sha256:" + String(repeating: "a", count: 64)),
            ("CHAINS-GIT_URL", "https://github.com/org/web"), ("CHAINS-GIT_COMMIT", Self.commit),
        ].filter { $0.0 != missing }
        let broken = Fixture.build("b", component: "web", results: results)
        let good = Fixture.build("c", component: "api", startTime: "2025-11-09T13:05:00Z")
        let r = Support.run(Support.application(webBuild: broken) + [good])
        #expect(
            Support.buildAnnotations(r)[Keys.createSnapshotStatus]
                == Support.failed("Missing info \(missing) from pipelinerun b"))
        #expect(r.world.snapshots().map(\.metadata.name) == ["app-20251109-130500-000"])
    }

    /// §1.2: an invalid composed reference of the built component gives no Snapshot.
    @Test func invalidImageIsRecorded() {
        let image = "quay.io/Org/web@sha256:" + String(repeating: "a", count: 64)
        let build = Fixture.build(
            "b", component: "web",
            results: [
                ("IMAGE_URL", "quay.io/Org/web:on-push"),
                ("IMAGE_DIGEST", "sha256:" + String(repeating: "a", count: 64)),
                ("CHAINS-GIT_URL", "https://github.com/org/web"), ("CHAINS-GIT_COMMIT", Self.commit),
            ])
        let r = Support.run(Support.application(webBuild: build))
        #expect(r.world.snapshots().isEmpty)
        #expect(
            Support.buildAnnotations(r)[Keys.createSnapshotStatus]
                == Support.failed("\(image) is invalid container image digest from component web"))
    }

    /// §1.3: components without a valid image or git source are skipped and named, in order.
    @Test func skippedComponentsAreNamed() throws {
        let r = Support.run([
            Fixture.application(),
            Fixture.component("api"),  // not built yet: no image
            Fixture.component("db", lastPromotedImage: "quay.io/org/db:latest"),  // not a digest
            Fixture.component("docs", revision: "", lastPromotedImage: Fixture.image("quay.io/org/docs")),
            Fixture.component("ui", lastPromotedImage: Fixture.image("quay.io/org/ui")),
            Fixture.component("web"),
            Fixture.component("other", application: "elsewhere", lastPromotedImage: Fixture.image("quay.io/o/x")),
            Fixture.build("b", component: "web"),
        ])
        let snapshot = try #require(r.world.snapshots().first)
        #expect(snapshot.components.map(\.name) == ["ui", "web"])
        #expect(
            snapshot.metadata.annotations[Keys.createSnapshotStatus]
                == "Component(s) 'api, db, docs' is(are) not included in snapshot due to missing valid "
                + "containerImage or git source")
        // The copied source keeps its revision when there is no lastBuiltCommit.
        #expect(snapshot.components[0].git?.revision == "main")
    }

    /// §1.3: the whole `spec.source` of other components is copied, revision replaced.
    @Test func otherSourcesAreCopiedWhole() throws {
        let api = Fixture.component(
            "api", context: "svc", lastPromotedImage: Fixture.image("quay.io/org/api"), lastBuiltCommit: "abc"
        )
        .setting(path: ["spec", "source", "dockerfileUri"], to: .string("Containerfile"))
        let r = Support.run([
            Fixture.application(), api, Fixture.component("web"), Fixture.build("b", component: "web"),
        ])
        let snapshot = try #require(r.world.snapshots().first)
        let source = snapshot.components[0].source
        #expect(source["dockerfileUri"]?.string == "Containerfile")
        #expect(source["git"]?["context"]?.string == "svc")
        #expect(source["git"]?["revision"]?.string == "abc")
    }

    /// §1.2: the context of the built component.
    @Test(
        arguments: [
            ([Keys.buildContext: "from-build"], "from-component", "from-build"),
            ([Keys.buildVersion: "v2"], "from-component", "from-version"),
            ([Keys.buildVersion: "v9"], "from-component", "from-component"),
            ([:], "from-component", "from-component"),
            ([:], nil, nil),
        ] as [([String: String], String?, String?)])
    func builtContext(annotations: [String: String], componentContext: String?, expected: String?) throws {
        let web = Fixture.component("web", context: componentContext).setting(
            path: ["spec", "source", "versions"],
            to: .sequence([
                .mapping([("name", .string("v1")), ("revision", .string("r1"))]),
                .mapping([("name", .string("v2")), ("revision", .string("r2")), ("context", .string("from-version"))]),
            ]))
        let r = Support.run([
            Fixture.application(), web, Fixture.build("b", component: "web", annotations: annotations),
        ])
        let snapshot = try #require(r.world.snapshots().first)
        #expect(snapshot.components[0].git?.context == (expected ?? ""))
        #expect(snapshot.components[0].source["git"]?["context"] == expected.map { .string($0) })
    }
}
