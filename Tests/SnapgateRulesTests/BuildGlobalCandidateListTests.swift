import SnapgateModel
import SnapgateNode
import Testing

@testable import SnapgateRules

/// The Global Candidate List update from builds (SPEC.md §1.7).
@Suite struct BuildGlobalCandidateListTests {
    typealias Support = BuildTestSupport
    static let commit = String(repeating: "1", count: 40)
    static let image = "quay.io/org/web@sha256:" + String(repeating: "a", count: 64)
    static let success = #"{"result":true,"reason":"Success","lastupdatedtime":"2025-11-09T13:12:00Z"}"#

    static func web(_ r: Reconciliation) -> ManifestObject? {
        r.world.object(.component, namespace: Fixture.namespace, name: "web")
    }

    /// §1.7: a signed, successful push build promotes its image and commit, and is marked with
    /// the exact JSON bytes.
    @Test func pushBuildUpdatesTheComponent() throws {
        let r = Support.run(Support.application(webBuild: Fixture.build("b", component: "web")))
        let web = try #require(Self.web(r))
        #expect(web.component?.lastPromotedImage == Self.image)
        #expect(web.component?.lastBuiltCommit == Self.commit)
        #expect(web.metadata.annotations[Keys.lastBuiltTime] == "1762693445")
        #expect(Support.buildAnnotations(r)[Keys.addedToGlobalCandidateList] == Self.success)
    }

    /// §1.7: pull-request, failed, running and unsigned builds change nothing.
    @Test(
        arguments: [
            Fixture.build("b", component: "web", labels: ["pipelinesascode.tekton.dev/pull-request": "7"]),
            Fixture.build(
                "b", component: "web",
                annotations: ["pipelinesascode.tekton.dev/source-branch": "gh-readonly-queue/main/pr-7-abc"]),
            Fixture.build("b", component: "web", succeeded: "False"),
            Fixture.build("b", component: "web", succeeded: "Unknown"),
            Fixture.build("b", component: "web", signed: false),
            Fixture.build("b", component: "web", annotations: [Keys.addedToGlobalCandidateList: Self.success]),
        ])
    func buildsThatDoNotPromote(build: YAMLNode) throws {
        let r = Support.run(Support.application(webBuild: build))
        let web = try #require(Self.web(r))
        #expect(web.component?.lastPromotedImage == "")
        #expect(web.metadata.annotations[Keys.lastBuiltTime] == nil)
    }

    /// GITOPS.md: a build written by `snapgate record-build` needs no Chains signature.
    @Test func recordedBuildsPromoteUnsigned() throws {
        let build = Fixture.build(
            "b", component: "web", signed: false, annotations: ["snapgate.dev/recorded-by": "record-build"])
        let r = Support.run(Support.application(webBuild: build))
        #expect(Self.web(r)?.component?.lastPromotedImage == Self.image)
    }

    /// §1.7: a build older than the Component's `lastbuilttime` is skipped (and not marked).
    @Test(arguments: [("1762693446", false), ("1762693445", true), ("1762690000", true), ("garbage", true)])
    func olderBuildsAreSkipped(lastBuiltTime: String, promoted: Bool) throws {
        let r = Support.run([
            Fixture.application(),
            Fixture.component(
                "web", lastPromotedImage: Fixture.image("quay.io/org/web"),
                annotations: [Keys.lastBuiltTime: lastBuiltTime]),
            Fixture.build("b", component: "web"),
        ])
        let web = try #require(Self.web(r))
        #expect((web.component?.lastPromotedImage == Self.image) == promoted)
        #expect((Support.buildAnnotations(r)[Keys.addedToGlobalCandidateList] != nil) == promoted)
    }

    /// §1.7: of two builds the newer wins, whatever their order.
    @Test func newerBuildWins() throws {
        let newer = Fixture.build(
            "a-newer", component: "web", startTime: "2025-11-09T13:06:00Z",
            results: [
                ("IMAGE_URL", "quay.io/org/web:new"), ("IMAGE_DIGEST", "sha256:" + String(repeating: "b", count: 64)),
                ("CHAINS-GIT_URL", "https://github.com/org/web"), ("CHAINS-GIT_COMMIT", "new"),
            ])
        let r = Support.run(Support.application(webBuild: newer) + [Fixture.build("z-older", component: "web")])
        let web = try #require(Self.web(r))
        #expect(web.component?.lastBuiltCommit == "new")
        #expect(web.metadata.annotations[Keys.lastBuiltTime] == "1762693560")
    }

    /// §1.7 quirk: missing results promote nothing, yet the build is marked `result:true`.
    @Test func missingResultsStillMark() throws {
        let build = Fixture.build("b", component: "web", results: [("CHAINS-GIT_COMMIT", Self.commit)])
        let r = Support.run(Support.application(webBuild: build))
        #expect(Self.web(r)?.component?.lastPromotedImage == "")
        #expect(Support.buildAnnotations(r)[Keys.addedToGlobalCandidateList] == Self.success)
    }

    /// §1.7: an invalid image is a non-retryable failure, marked `result:false`, and only once.
    @Test func invalidImageIsMarkedFailed() throws {
        let build = Fixture.build(
            "b", component: "web",
            results: [
                ("IMAGE_URL", "quay.io/org/web:x"), ("IMAGE_DIGEST", "md5:abc"),
                ("CHAINS-GIT_URL", "https://github.com/org/web"), ("CHAINS-GIT_COMMIT", Self.commit),
            ])
        let r = Support.run(Support.application(webBuild: build))
        let marker =
            #"{"result":false,"reason":"Failed to set Global Candidate List for component web due to error "#
            + #"quay.io/org/web@md5:abc is invalid container image digest from component web","#
            + #""lastupdatedtime":"2025-11-09T13:12:00Z"}"#
        #expect(Support.buildAnnotations(r)[Keys.addedToGlobalCandidateList] == marker)
        #expect(Self.web(r)?.component?.lastPromotedImage == "")
        // A later clock does not rewrite the same failure.
        let later = Support.run(r.world, now: Fixture.now.adding(milliseconds: 3_600_000))
        #expect(later.revision == 0)
    }

    /// §1.7: the Component's GCL is left alone when a marked build is seen again.
    @Test func markedBuildsAreIdempotent() {
        let first = Support.run(Support.application(webBuild: Fixture.build("b", component: "web")))
        let second = Support.run(first.world, now: Fixture.now.adding(milliseconds: 86_400_000))
        #expect(second.revision == 0)
        #expect(second.changes.isEmpty)
    }
}
