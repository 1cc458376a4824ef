public import SnapgateNode

/// One finding of schema validation: where, how bad, and the API server's message.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// How a violation affects the object.
    public enum Severity: String, Sendable, Hashable {
        /// The API server rejects the object.
        case error
        /// The API server accepts the object but drops or ignores something (an unknown field is
        /// pruned; `kubectl --validate=strict` rejects it).
        case warning
    }

    /// How bad the finding is.
    public var severity: Severity
    /// The field path: properties joined with `.`, list indexes and map keys in brackets
    /// (`spec.resolverRef.params[0].value`, `metadata.labels[app.kubernetes.io/name]`); empty for the object itself.
    public var field: String
    /// The position of the offending node, or of the parent mapping when a field is missing.
    public var mark: YAMLMark
    /// The message after the field path, in the API server's wording where it has one
    /// (`Required value`, `Invalid value: "integer": spec.application in body must be of type string: "integer"`).
    public var message: String

    /// Creates a violation.
    public init(severity: Severity, field: String, mark: YAMLMark, message: String) {
        self.severity = severity
        self.field = field
        self.mark = mark
        self.message = message
    }

    /// `field: message` (the API server's rendering), or just the message for the object itself.
    public var description: String { field.isEmpty ? message : field + ": " + message }
}
