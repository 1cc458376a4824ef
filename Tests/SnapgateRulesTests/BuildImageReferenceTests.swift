import Testing

@testable import SnapgateRules

/// SPEC.md §1.2: composing and validating digest references.
@Suite struct BuildImageReferenceTests {
    static let digest = "sha256:" + String(repeating: "8413", count: 16)

    /// §1.2 composition; the tag is cut in the last path segment only, so a port survives
    /// (the deliberate fix of §10.1).
    @Test(
        arguments: [
            ("quay.io/org/app:on-pr-abc", "quay.io/org/app"),
            ("quay.io/org/app", "quay.io/org/app"),
            ("localhost:5000/x:tag", "localhost:5000/x"),
            ("localhost:5000/x", "localhost:5000/x"),
            ("registry.io:443/org/team/app:1.0", "registry.io:443/org/team/app"),
            ("quay.io/org/app@sha256:abc", "quay.io/org/app"),
            ("quay.io/org/app:tag@sha256:abc", "quay.io/org/app"),
        ])
    func composition(imageURL: String, repository: String) {
        let composed = ImageReference.compose(imageURL: imageURL, digest: Self.digest)
        #expect(composed == "\(repository)@\(Self.digest)")
        #expect(ImageReference.isValidDigestReference(composed))
    }

    /// §1.2 validation: one `@`, `sha256:` + 64 lowercase hex, a valid repository name, a tag
    /// tolerated before `@`.
    @Test(
        arguments: [
            ("quay.io/org/app@\(digest)", true),
            ("quay.io/org/app:v1.2@\(digest)", true),
            ("localhost:5000/x@\(digest)", true),
            ("localhost:5000/x:tag@\(digest)", true),
            ("app@\(digest)", true),
            ("org/my_app__x.y-z--w@\(digest)", true),
            ("Quay.IO/org/app@\(digest)", true),
            ("quay.io/Org/app@\(digest)", false),
            ("quay.io/org/app", false),
            ("quay.io/org/app:tag", false),
            ("quay.io/org/app@\(digest)@\(digest)", false),
            ("quay.io/org/app@sha512:" + String(repeating: "a", count: 64), false),
            ("quay.io/org/app@sha256:" + String(repeating: "A", count: 64), false),
            ("quay.io/org/app@sha256:" + String(repeating: "a", count: 63), false),
            ("quay.io/org/app@sha256:" + String(repeating: "g", count: 64), false),
            ("@\(digest)", false),
            ("quay.io//app@\(digest)", false),
            ("quay.io/org/-app@\(digest)", false),
            ("quay.io/org/app.@\(digest)", false),
            ("quay.io/org/a___b@\(digest)", false),
            ("quay.io:port/app@\(digest)", false),
            ("quay.io/org/app:@\(digest)", false),
            ("quay.io/org/app:-tag@\(digest)", false),
            ("localhost@\(digest)", true),
        ])
    func validation(reference: String, valid: Bool) {
        #expect(ImageReference.isValidDigestReference(reference) == valid)
    }

    /// §1.2: a repository name is at most 255 characters.
    @Test func longNamesAreInvalid() {
        let name = "quay.io/" + String(repeating: "a", count: 250)
        #expect(!ImageReference.isValidDigestReference("\(name)@\(Self.digest)"))
    }
}
