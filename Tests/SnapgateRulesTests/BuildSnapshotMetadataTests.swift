import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// Names, labels and annotations of component Snapshots (SPEC.md §1.4–§1.6).
@Suite struct BuildSnapshotMetadataTests {
    typealias Support = BuildTestSupport

    /// The Snapshot made for the build `b` of Component `web` of Application `app`.
    static func snapshot(
        app: String = "app", startTime: String = "2025-11-09T13:04:05.123Z", labels: [String: String] = [:],
        annotations: [String: String] = [:], extra: [YAMLNode] = []
    ) throws -> Snapshot {
        let r = Support.run(
            [
                Fixture.application(app), Fixture.component("web", application: app),
                Fixture.build(
                    "b", component: "web", application: app, startTime: startTime, labels: labels,
                    annotations: annotations),
            ] + extra)
        let name = try #require(Support.buildAnnotations(r)[Keys.snapshotAnnotation])
        return try #require(r.world.snapshot(namespace: Fixture.namespace, name: name))
    }

    /// §1.4: `<app cut to 43>-<YYYYMMDD>-<HHMMSS>-<mmm>` from `status.startTime` in UTC, ms padded.
    @Test(
        arguments: [
            ("application-sample", "2025-11-09T13:04:05.123Z", "application-sample-20251109-130405-123"),
            ("app", "2025-11-09T13:04:05.007Z", "app-20251109-130405-007"),
            ("app", "2025-11-09T13:04:05Z", "app-20251109-130405-000"),
            ("app", "2025-01-02T03:04:05.6+02:00", "app-20250102-010405-600"),
            (
                String(repeating: "a", count: 50), "2025-11-09T13:04:05.123Z",
                String(repeating: "a", count: 43) + "-20251109-130405-123"
            ),
        ])
    func names(app: String, startTime: String, expected: String) throws {
        let snapshot = try Self.snapshot(app: app, startTime: startTime)
        #expect(snapshot.metadata.name == expected)
        #expect(snapshot.metadata.name.count <= 63)
        let ms = try #require(Timestamp(rfc3339: startTime)).milliseconds
        #expect(snapshot.metadata.annotations[Keys.pipelineRunStartTime] == String(ms))
    }

    /// §1.4 collisions, made deterministic: `<app cut to 40>-…-<xx>`, `xx` derived from the build.
    @Test func collisionsGetADeterministicSuffix() throws {
        let app = String(repeating: "a", count: 50)
        let taken = Fixture.snapshot(String(repeating: "a", count: 43) + "-20251109-130405-123", application: app)
        let snapshot = try Self.snapshot(app: app, extra: [taken])
        let suffix = Naming.suffix(
            seed: "tenant/b/1", count: 2, alphabet: Array("0123456789abcdefghijklmnopqrstuvwxyz"))
        #expect(snapshot.metadata.name == String(repeating: "a", count: 40) + "-20251109-130405-123-" + suffix)
        #expect(snapshot.metadata.name.count == 63)
        #expect(try Self.snapshot(app: app, extra: [taken]).metadata.name == snapshot.metadata.name)
    }

    /// §1.4: the next attempt is used when the first suffixed name is taken too.
    @Test func collisionsTryFurtherSuffixes() throws {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        let first = Naming.suffix(seed: "tenant/b/1", count: 2, alphabet: alphabet)
        let second = Naming.suffix(seed: "tenant/b/2", count: 2, alphabet: alphabet)
        let taken = [
            Fixture.snapshot("app-20251109-130405-123"), Fixture.snapshot("app-20251109-130405-123-\(first)"),
        ]
        #expect(try Self.snapshot(extra: taken).metadata.name == "app-20251109-130405-123-\(second)")
    }

    /// §1.5: prefix copying of labels and annotations, PaC keys renamed; other keys not copied.
    @Test func labelsAndAnnotationsAreCopiedByPrefix() throws {
        let snapshot = try Self.snapshot(
            labels: [
                "pipelinesascode.tekton.dev/event-type": "push", "pipelinesascode.tekton.dev/url-org": "org",
                "build.appstudio.redhat.com/commit_sha": "abc", "test.appstudio.openshift.io/x": "1",
                "custom.appstudio.openshift.io/y": "2", "release.appstudio.openshift.io/z": "3",
                "tekton.dev/pipeline": "docker-build",
            ],
            annotations: [
                "pipelinesascode.tekton.dev/sha": "abc", "build.appstudio.openshift.io/repo": "https://x",
                "foo": "bar", "tekton.dev/pipelinerunSpanContext": "{\"traceparent\":\"00-1\"}",
                "chains.tekton.dev/signed": "true",
            ])
        let labels = snapshot.metadata.labels
        let annotations = snapshot.metadata.annotations
        #expect(labels["pac.test.appstudio.openshift.io/event-type"] == "push")
        #expect(labels["pac.test.appstudio.openshift.io/url-org"] == "org")
        #expect(labels["build.appstudio.redhat.com/commit_sha"] == "abc")
        #expect(labels["test.appstudio.openshift.io/x"] == "1")
        #expect(labels["custom.appstudio.openshift.io/y"] == "2")
        #expect(labels["release.appstudio.openshift.io/z"] == "3")
        #expect(labels["pipelines.appstudio.openshift.io/type"] == nil)
        #expect(labels["tekton.dev/pipeline"] == nil)
        #expect(labels["pipelinesascode.tekton.dev/event-type"] == nil)
        #expect(annotations["pac.test.appstudio.openshift.io/sha"] == "abc")
        #expect(annotations["build.appstudio.openshift.io/repo"] == "https://x")
        #expect(annotations["foo"] == nil)
        #expect(annotations["chains.tekton.dev/signed"] == nil)
        #expect(annotations["tekton.dev/pipelinerunSpanContext"] == "{\"traceparent\":\"00-1\"}")
        // Labels stay labels and annotations stay annotations.
        #expect(annotations["pac.test.appstudio.openshift.io/event-type"] == nil)
        #expect(labels["pac.test.appstudio.openshift.io/sha"] == nil)
    }

    /// §1.5: the labels and annotations set explicitly, with times in seconds and milliseconds.
    @Test func explicitMetadata() throws {
        let snapshot = try Self.snapshot()
        let labels = snapshot.metadata.labels
        let annotations = snapshot.metadata.annotations
        #expect(labels[Keys.testType] == "component")
        #expect(labels[Keys.component] == "web")
        #expect(labels[Keys.application] == "app")
        #expect(labels[Keys.buildPipelineRun] == "b")
        #expect(labels[Keys.pipelineRunFinishTime] == "1762693800")  // 2025-11-09T13:10:00Z
        #expect(annotations[Keys.pipelineRunStartTime] == "1762693445123")
        #expect(annotations[Keys.sourceRepoURL] == "https://github.com/org/web")
        #expect(annotations["test.appstudio.openshift.io/result-image-url"] == "quay.io/org/web:on-push")
        #expect(
            annotations["test.appstudio.openshift.io/result-image-digest"] == "sha256:"
                + String(repeating: "a", count: 64))
        #expect(annotations["test.appstudio.openshift.io/result-chains-git-url"] == "https://github.com/org/web")
        #expect(
            annotations["test.appstudio.openshift.io/result-chains-git-commit"] == String(repeating: "1", count: 40))
        #expect(annotations[Keys.pacTestPrefix + "/pull-request"] == nil)
        #expect(labels[Keys.autoRelease] == nil)
    }

    /// §1.4, §1.5 fallbacks: without `startTime` the build's other times are used, the clock last.
    @Test func missingTimesFallBack() throws {
        let withoutStart = Fixture.build("b", component: "web").removing(path: ["status", "startTime"])
        let r = Support.run([Fixture.application(), Fixture.component("web"), withoutStart])
        let fromCompletion = try #require(r.world.snapshots().first)
        #expect(fromCompletion.metadata.name == "app-20251109-131000-000")
        #expect(fromCompletion.metadata.labels[Keys.pipelineRunFinishTime] == "1762693800")
        let withoutTimes = withoutStart.removing(path: ["status", "completionTime"])
            .settingAnnotation("snapgate.dev/recorded-by", to: "record-build")
        let s = Support.run([Fixture.application(), Fixture.component("web"), withoutTimes])
        let fromClock = try #require(s.world.snapshots().first)
        #expect(fromClock.metadata.name == "app-20251109-131200-000")
        #expect(fromClock.metadata.labels[Keys.pipelineRunFinishTime] == String(Fixture.now.seconds))
        #expect(fromClock.metadata.annotations[Keys.pipelineRunStartTime] == String(Fixture.now.milliseconds))
    }

    /// §1.5: every non-empty string result becomes a `result-<name>` annotation.
    @Test func resultAnnotations() throws {
        let r = Support.run([
            Fixture.application(), Fixture.component("web"),
            Fixture.build(
                "b", component: "web",
                results: [
                    ("IMAGE_URL", "quay.io/org/web"), ("IMAGE_DIGEST", "sha256:" + String(repeating: "a", count: 64)),
                    ("CHAINS-GIT_URL", "u"), ("CHAINS-GIT_COMMIT", "c"), ("SHOULD_RELEASE", "false"), ("EMPTY", ""),
                ]),
        ])
        let snapshot = try #require(r.world.snapshots().first)
        #expect(snapshot.metadata.annotations[Keys.shouldReleaseResult] == "false")
        #expect(snapshot.metadata.annotations["test.appstudio.openshift.io/result-empty"] == nil)
    }

    /// §1.5: a merge-queue build is a pull request whose number comes from the branch, unless
    /// it carries one.
    @Test(
        arguments: [
            (["pipelinesascode.tekton.dev/source-branch": "refs/heads/gh-readonly-queue/main/pr-42-abc123"], [:], "42"),
            (["pipelinesascode.tekton.dev/source-branch": "gh-readonly-queue/main/pr-7-def"], [:], "7"),
            (
                ["pipelinesascode.tekton.dev/source-branch": "gh-readonly-queue/main/pr-7-def"],
                ["pipelinesascode.tekton.dev/pull-request": "99"], "99"
            ),
            (["pipelinesascode.tekton.dev/source-branch": "gh-readonly-queue/main/other"], [:], nil),
        ] as [([String: String], [String: String], String?)])
    func mergeQueuePullRequest(annotations: [String: String], labels: [String: String], expected: String?) throws {
        let snapshot = try Self.snapshot(labels: labels, annotations: annotations)
        #expect(snapshot.metadata.labels[Keys.snapshotPullRequest] == expected)
        #expect(snapshot.metadata.annotations[Keys.snapshotPullRequest] == expected)
        #expect(snapshot.metadata.annotations[Keys.integrationWorkflow] == "pull-request")
    }

    /// §1.6: the `integration-workflow` annotation.
    @Test(
        arguments: [
            ([:], "push"),
            (["pipelinesascode.tekton.dev/event-type": "push"], "push"),
            (["pipelinesascode.tekton.dev/event-type": "pull_request"], "push"),
            (["pipelinesascode.tekton.dev/pull-request": "7"], "pull-request"),
            (
                ["pipelinesascode.tekton.dev/pull-request": "7", "pipelinesascode.tekton.dev/event-type": "Push"],
                "push"
            ),
            (
                [
                    "pipelinesascode.tekton.dev/pull-request": "7",
                    "pipelinesascode.tekton.dev/event-type": "Merge_Request",
                ], "pull-request"
            ),
        ] as [([String: String], String)])
    func workflow(labels: [String: String], expected: String) throws {
        let snapshot = try Self.snapshot(labels: labels)
        #expect(snapshot.metadata.annotations[Keys.integrationWorkflow] == expected)
    }
}
