/// Container image references of builds (SPEC.md §1.2): composing a digest reference from the
/// `IMAGE_URL` and `IMAGE_DIGEST` results, and checking one against the docker reference grammar.
public enum ImageReference {
    /// `imageURL` without its tag (and without a digest it may already carry), then `@digest`.
    ///
    /// Deliberate deviation from upstream (SPEC.md §10.1): the tag is cut in the last path
    /// segment only, so a registry port survives — `localhost:5000/x:tag` gives
    /// `localhost:5000/x@sha256:…`, not upstream's `localhost@sha256:…`.
    public static func compose(imageURL: String, digest: String) -> String {
        "\(repository(of: imageURL))@\(digest)"
    }

    /// The repository of a reference: the text before any `@`, without a tag in its last segment.
    static func repository(of reference: String) -> Substring {
        let name = reference.prefix { $0 != "@" }
        let segmentStart = name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
        guard let colon = name[segmentStart...].firstIndex(of: ":") else { return name }
        return name[..<colon]
    }

    /// Whether `reference` is `<repository>[:<tag>]@sha256:<64 lowercase hex>` with a valid
    /// repository name: optional `host[:port]/`, then lowercase path components
    /// `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*` separated by `/` (docker's grammar).
    public static func isValidDigestReference(_ reference: String) -> Bool {
        // On UTF-8 bytes: a valid reference is ASCII, every separator is ASCII and every part
        // rejects other bytes, so bytes decide as characters would, without grapheme breaking
        // (Snapshots check every component's image, every round).
        var reference = reference
        return reference.withUTF8 { isValidDigestReference(bytes: $0[...]) }
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    private static func isValidDigestReference(bytes: Bytes) -> Bool {
        guard let at = bytes.firstIndex(of: 0x40) else { return false }  // "@"
        let digest = bytes[(at + 1)...]
        guard !digest.contains(0x40), isValidDigest(digest) else { return false }
        var name = bytes[..<at]
        let segmentStart = name.lastIndex(of: 0x2F).map { $0 + 1 } ?? name.startIndex  // "/"
        if let colon = name[segmentStart...].firstIndex(of: 0x3A) {  // ":"
            guard isValidTag(name[(colon + 1)...]) else { return false }
            name = name[..<colon]
        }
        return isValidRepositoryName(name)
    }

    /// `sha256:` and 64 lowercase hex digits.
    private static func isValidDigest(_ digest: Bytes) -> Bool {
        guard digest.count == 71, digest.starts(with: "sha256:".utf8) else { return false }
        return digest.dropFirst(7).allSatisfy { isDigit($0) || (0x61...0x66).contains($0) }
    }

    /// A tag: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
    private static func isValidTag(_ tag: Bytes) -> Bool {
        guard let first = tag.first, tag.count <= 128, isWord(first) else { return false }
        return tag.allSatisfy { isWord($0) || $0 == 0x2E || $0 == 0x2D }
    }

    /// A repository name: at most 255 characters, an optional domain, then path components.
    private static func isValidRepositoryName(_ name: Bytes) -> Bool {
        guard !name.isEmpty, name.count <= 255 else { return false }
        var components = name.split(separator: 0x2F, omittingEmptySubsequences: false)
        // Like the anchored regular expression, a first component is a domain when it can be
        // one and a path follows.
        if components.count > 1, isValidDomain(components[0]) { components.removeFirst() }
        return components.allSatisfy(isValidPathComponent)
    }

    /// `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*`.
    private static func isValidPathComponent(_ bytes: Bytes) -> Bool {
        var index = bytes.startIndex
        let end = bytes.endIndex
        func alphanumerics() -> Bool {
            let start = index
            while index < end, isDigit(bytes[index]) || (0x61...0x7A).contains(bytes[index]) { index += 1 }
            return index > start
        }
        guard alphanumerics() else { return false }
        while index < end {
            switch bytes[index] {
            case 0x2E:  // "."
                index += 1
            case 0x5F:  // "_" or "__"
                index += 1
                if index < end, bytes[index] == 0x5F { index += 1 }
            case 0x2D:  // one or more "-"
                while index < end, bytes[index] == 0x2D { index += 1 }
            default:
                return false
            }
            guard alphanumerics() else { return false }
        }
        return true
    }

    /// `label(.label)*(:port)?` where a label is `[A-Za-z0-9]` or `[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]`.
    private static func isValidDomain(_ domain: Bytes) -> Bool {
        var host = domain
        if let colon = domain.firstIndex(of: 0x3A) {
            let port = domain[(colon + 1)...]
            guard !port.isEmpty, port.allSatisfy(isDigit) else { return false }
            host = domain[..<colon]
        }
        return host.split(separator: 0x2E, omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            return isAlphanumeric(first) && isAlphanumeric(last)
                && label.allSatisfy { isAlphanumeric($0) || $0 == 0x2D }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isWord(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == 0x5F }
}
