/// The Konflux CRD schemas compiled into the module (see `KonfluxCRDSchemas.generated.swift`).
enum KonfluxCRDSchemas {
    /// One served version of one CRD, its schema as JSON.
    struct Entry: Sendable {
        var group: String
        var kind: String
        var plural: String
        var version: String
        var storage: Bool
        /// The warning the API server returns for a deprecated version, nil when not deprecated.
        var deprecationWarning: String?
        /// The CRD file the schema comes from.
        var source: String
        var json: String
    }
}
