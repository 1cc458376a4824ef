public import SnapgateNode

extension Diagnostic {
    /// The diagnostic as GITOPS.md's JSON output writes it:
    /// `{"severity", "path", "line", "column", "message"}`.
    public var json: JSONValue {
        .object([
            ("severity", .string(severity.rawValue)), ("path", .string(path)), ("line", .int(line)),
            ("column", .int(column)), ("message", .string(message)),
        ])
    }

    /// Reads a diagnostic written by `json`; nil when it is not one.
    public init?(json: JSONValue) {
        guard let severity = json["severity"]?.string.flatMap(Severity.init(rawValue:)) else { return nil }
        var line = 0
        var column = 0
        if case .int(let value)? = json["line"] { line = value }
        if case .int(let value)? = json["column"] { column = value }
        self.init(
            severity, path: json["path"]?.string ?? "", line: line, column: column,
            message: json["message"]?.string ?? "")
    }
}
