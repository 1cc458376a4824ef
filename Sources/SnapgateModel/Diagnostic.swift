/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable, Codable {
    /// The object (or file) cannot be used as written.
    case error
    /// The object is used, but something in it is probably not what its author meant.
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// A finding about the repository's manifests: what is wrong, where, and what to do.
///
/// Diagnostics are values, never log lines: the CLI prints them like a compiler
/// (`path:line:column: error: message`) or as JSON.
public struct Diagnostic: Sendable, Hashable, Comparable {
    /// How serious the finding is.
    public var severity: Severity
    /// The file, relative to the repository root ("" when the finding concerns no file).
    public var path: String
    /// 1-based line, or 0 when the finding has no position.
    public var line: Int
    /// 1-based column, or 0 when the finding has no position.
    public var column: Int
    /// What is wrong and, where it helps, what to do about it.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, path: String, line: Int = 0, column: Int = 0, message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// Orders by file, then position, then severity and message, so output is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.severity == .error ? 0 : 1, lhs.message)
            < (rhs.path, rhs.line, rhs.column, rhs.severity == .error ? 0 : 1, rhs.message)
    }
}

extension Diagnostic: CustomStringConvertible {
    /// `path:line:column: severity: message`, the shape compilers and editors understand.
    public var description: String {
        var location = path.isEmpty ? "<repository>" : path
        if line > 0 { location += ":\(line):\(column)" }
        return "\(location): \(severity.rawValue): \(message)"
    }
}
