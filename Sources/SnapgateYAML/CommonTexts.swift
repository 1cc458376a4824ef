/// Scalar texts that recur in nearly every Konflux manifest and are too long for Swift's inline
/// small strings (over 15 bytes). Handed out as literals, they cost no allocation and no
/// reference counting, however often the parsed trees copy them.
enum CommonTexts {
    /// The literals grouped by UTF-8 length, in memory that is never freed: `slots[n - 16]` is the
    /// range of `texts` holding the literals of length `n`. Plain pointers, not arrays: reading an
    /// array held in a global retains and releases it, and with a parsing worker on each core that
    /// one reference count moved between the cores for every scalar of every manifest.
    private struct Table: @unchecked Sendable {
        let texts: UnsafeMutableBufferPointer<String>
        let slots: UnsafeMutableBufferPointer<Range<Int>>
    }

    private static let table: Table = {
        let literals = [
            "appstudio.redhat.com/v1alpha1", "appstudio.redhat.com/v1beta1", "appstudio.redhat.com/v1beta2",
            "IntegrationTestScenario", "ReleasePlanAdmission", "lastPromotedImage",
            "appstudio.openshift.io/application", "appstudio.openshift.io/component",
            "appstudio.openshift.io/snapshot", "build.appstudio.openshift.io/request",
            "build.appstudio.openshift.io/pipeline", "test.appstudio.openshift.io/optional",
            "test.appstudio.openshift.io/status", "test.appstudio.openshift.io/scenario",
            "release.appstudio.openshift.io/auto-release", "release.appstudio.openshift.io/standing-attribution",
            "pipelines.appstudio.openshift.io/type", "pipelinesascode.tekton.dev/event-type",
            "pipelinesascode.tekton.dev/sha", "chains.tekton.dev/signed", "application.thumbnail",
            "https://github.com/konflux-ci/build-definitions", "pipelines/enterprise-contract.yaml",
            "POLICY_CONFIGURATION", "rhtap-releng-tenant",
        ].filter { (16..<64).contains($0.utf8.count) }.sorted { $0.utf8.count < $1.utf8.count }
        let texts = UnsafeMutableBufferPointer<String>.allocate(capacity: literals.count)
        _ = texts.initialize(from: literals)
        let slots = UnsafeMutableBufferPointer<Range<Int>>.allocate(capacity: 48)
        for length in 16..<64 {
            let first = literals.firstIndex { $0.utf8.count >= length } ?? literals.count
            let end = literals[first...].firstIndex { $0.utf8.count > length } ?? literals.count
            slots.initializeElement(at: length - 16, to: first..<end)
        }
        return Table(texts: texts, slots: slots)
    }()

    /// The literal whose bytes are `bytes`, if there is one.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let table = Self.table
        let slot = bytes.count - 16
        guard slot >= 0, slot < table.slots.count else { return nil }
        for index in table.slots[slot] {
            // Most texts of a length differ in their last bytes: compare those first, then the
            // rest eight bytes at a time (a generic element-by-element comparison cost ~900
            // instructions a scalar, 1.5% of a `validate`).
            let equal =
                table.texts[index].utf8.withContiguousStorageIfAvailable {
                    $0[$0.count - 1] == bytes[bytes.count - 1] && Self.equal(UnsafeRawBufferPointer($0), .init(bytes))
                } ?? false
            if equal { return table.texts[index] }
        }
        return nil
    }

    /// Whether two buffers of the same length (at least 8 bytes) hold the same bytes.
    private static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let count = a.count
        var offset = 0
        while offset + 8 <= count {
            guard
                a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            else { return false }
            offset += 8
        }
        // The tail as the last eight bytes (overlapping what was compared).
        return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
}
