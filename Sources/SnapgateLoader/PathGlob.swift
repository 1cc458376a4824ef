/// A path pattern as `.gitignore`-style tools write them: `*` matches within one path segment,
/// `**` matches any number of segments, `?` one character; a pattern without `/` matches the
/// file name in any directory (`*.tmpl.yaml`); a trailing `/` matches everything below a directory.
public struct PathGlob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    /// The pattern's segments, as UTF-8 bytes.
    private let segments: [[UInt8]]
    /// For the common `**/*<literal>` (a pattern like `*.yaml`): the literal suffix of the file
    /// name, matched without splitting the path (every manifest path of every pass goes through
    /// here).
    private let fileNameSuffix: [UInt8]?

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
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        if segments.count == 2, segments[0] == Array("**".utf8), let name = segments.last,
            name.first == UInt8(ascii: "*"),
            !name.dropFirst().contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") })
        {
            fileNameSuffix = Array(name.dropFirst())
        } else {
            fileNameSuffix = nil
        }
    }

    public var description: String { pattern }

    /// Whether `path` (relative to the repository root, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            if let suffix = fileNameSuffix {
                // The last non-empty segment ends with the suffix.
                var end = bytes.count
                while end > 0 && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
                guard end > 0 else { return false }
                var start = end
                while start > 0 && bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
                guard end - start >= suffix.count else { return false }
                return bytes[(end - suffix.count)..<end].elementsEqual(suffix)
            }
            var parts: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                if index > start { parts.append(start..<index) }
                start = index + 1
            }
            return Self.match(segments[...], parts[...], in: bytes)
        }
    }

    private static func match(
        _ pattern: ArraySlice<[UInt8]>, _ path: ArraySlice<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head.count == 2 && head[0] == UInt8(ascii: "*") && head[1] == UInt8(ascii: "*") {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            var remaining = path
            while true {
                if match(rest, remaining, in: bytes) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let first = path.first, matchSegment(head[...], bytes[first]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst(), in: bytes)
    }

    /// Matches one segment; `*` and `?` step over whole UTF-8 sequences (a character, not a byte).
    private static func matchSegment(_ pattern: ArraySlice<UInt8>, _ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let p = pattern.first else { return text.isEmpty }
        switch p {
        case UInt8(ascii: "*"):
            var remaining = text
            while true {
                if matchSegment(pattern.dropFirst(), remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst(scalarLength(remaining))
            }
        case UInt8(ascii: "?"):
            return !text.isEmpty && matchSegment(pattern.dropFirst(), text.dropFirst(scalarLength(text)))
        default:
            return text.first == p && matchSegment(pattern.dropFirst(), text.dropFirst())
        }
    }

    /// The byte length of the UTF-8 sequence `text` starts with.
    private static func scalarLength(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var length = 1
        while length < text.count && text[text.startIndex + length] & 0xC0 == 0x80 { length += 1 }
        return length
    }
}
