/// A path pattern as `.gitignore`-style tools write them: `*` matches within one path segment,
/// `**` matches any number of segments, `?` one character; a pattern without `/` matches the
/// file name in any directory (`*.tmpl.yaml`); a trailing `/` matches everything below a directory.
public struct PathGlob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let segments: [Substring]

    /// Creates a glob from its pattern text.
    public init(_ pattern: String) {
        self.pattern = pattern
        var text = pattern
        while text.hasPrefix("./") { text.removeFirst(2) }
        if text.hasPrefix("/") {
            text.removeFirst()
        } else if !text.contains("/") {
            text = "**/" + text
        }
        if text.hasSuffix("/") { text += "**" }
        segments = text.split(separator: "/", omittingEmptySubsequences: true)
    }

    public var description: String { pattern }

    /// Whether `path` (relative to the repository root, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let first = path.first, matchSegment(Array(head.unicodeScalars)[...], Array(first.unicodeScalars)[...])
        else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool
    {
        guard let p = pattern.first else { return text.isEmpty }
        switch p {
        case "*":
            var remaining = text
            while true {
                if matchSegment(pattern.dropFirst(), remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        case "?":
            return !text.isEmpty && matchSegment(pattern.dropFirst(), text.dropFirst())
        default:
            return text.first == p && matchSegment(pattern.dropFirst(), text.dropFirst())
        }
    }
}
