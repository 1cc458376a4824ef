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
        let parts = reference.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, isValidDigest(parts[1]) else { return false }
        var name = parts[0]
        let segmentStart = name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
        if let colon = name[segmentStart...].firstIndex(of: ":") {
            guard isValidTag(name[name.index(after: colon)...]) else { return false }
            name = name[..<colon]
        }
        return isValidRepositoryName(name)
    }

    /// `sha256:` and 64 lowercase hex digits.
    static func isValidDigest(_ digest: Substring) -> Bool {
        guard digest.hasPrefix("sha256:") else { return false }
        let hex = digest.dropFirst("sha256:".count)
        return hex.utf8.count == 64 && hex.utf8.allSatisfy { isDigit($0) || (0x61...0x66).contains($0) }
    }

    /// A tag: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
    static func isValidTag(_ tag: Substring) -> Bool {
        let bytes = Array(tag.utf8)
        guard let first = bytes.first, bytes.count <= 128, isWord(first) else { return false }
        return bytes.allSatisfy { isWord($0) || $0 == 0x2E || $0 == 0x2D }
    }

    /// A repository name: at most 255 characters, an optional domain, then path components.
    static func isValidRepositoryName(_ name: Substring) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 255 else { return false }
        var components = name.split(separator: "/", omittingEmptySubsequences: false)
        // Like the anchored regular expression, a first component is a domain when it can be
        // one and a path follows.
        if components.count > 1, isValidDomain(components[0]) { components.removeFirst() }
        return components.allSatisfy(isValidPathComponent)
    }

    /// `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*`.
    static func isValidPathComponent(_ component: Substring) -> Bool {
        let bytes = Array(component.utf8)
        var index = 0
        func alphanumerics() -> Bool {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) || (0x61...0x7A).contains(bytes[index]) { index += 1 }
            return index > start
        }
        guard alphanumerics() else { return false }
        while index < bytes.count {
            switch bytes[index] {
            case 0x2E:  // "."
                index += 1
            case 0x5F:  // "_" or "__"
                index += 1
                if index < bytes.count, bytes[index] == 0x5F { index += 1 }
            case 0x2D:  // one or more "-"
                while index < bytes.count, bytes[index] == 0x2D { index += 1 }
            default:
                return false
            }
            guard alphanumerics() else { return false }
        }
        return true
    }

    /// `label(.label)*(:port)?` where a label is `[A-Za-z0-9]` or `[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]`.
    static func isValidDomain(_ domain: Substring) -> Bool {
        var host = domain
        if let colon = domain.firstIndex(of: ":") {
            let port = domain[domain.index(after: colon)...]
            guard !port.isEmpty, port.utf8.allSatisfy(isDigit) else { return false }
            host = domain[..<colon]
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            let bytes = Array(label.utf8)
            guard let first = bytes.first, let last = bytes.last else { return false }
            return isAlphanumeric(first) && isAlphanumeric(last)
                && bytes.allSatisfy { isAlphanumeric($0) || $0 == 0x2D }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isWord(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == 0x5F }
}
