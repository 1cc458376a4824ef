import SnapgateNode

/// ObjectMeta validation: what the API server checks in `metadata` beyond the CRD schema (which says
/// only `type: object`), from `k8s.io/apimachinery/pkg/api/validation` `ValidateObjectMeta`.
extension SchemaWalker {
    /// The largest total size of annotation keys and values, in bytes.
    static let totalAnnotationSizeLimit = 256 * 1024

    /// Schemas of the typed ObjectMeta fields that need no special rule.
    static let objectMetaFields: [String: StructuralSchema] = [
        "uid": .string(),
        "resourceVersion": .string(),
        "selfLink": .string(),
        "generateName": .string(),
        "generation": .integer(),
        "deletionGracePeriodSeconds": .integer(),
        "creationTimestamp": StructuralSchema(types: [.string], format: "date-time", nullable: true),
        "deletionTimestamp": StructuralSchema(types: [.string], format: "date-time", nullable: true),
        "finalizers": .array(of: .string()),
        "ownerReferences": .array(
            of: .object(
                [
                    "apiVersion": .string(),
                    "kind": .string(),
                    "name": .string(),
                    "uid": .string(),
                    "controller": .boolean,
                    "blockOwnerDeletion": .boolean,
                ], required: ["apiVersion", "kind", "name", "uid"])),
        "managedFields": .array(of: .preservedObject),
    ]

    /// Validates `metadata` (the walker's path is at `metadata`).
    mutating func validateObjectMeta(_ node: YAMLNode, parent: YAMLNode, requireName: Bool) {
        if node.isNull {
            if requireName { at(.property("name")) { $0.error(parent.mark, Self.nameRequired) } }
            return
        }
        guard let pairs = node.mapping else {
            typeError(node, expected: "object")
            return
        }
        var seen = KeyTracker(pairs)
        for (index, pair) in pairs.enumerated() {
            guard let key = pair.key.scalar?.text else {
                error(pair.key.mark, "Invalid value: \"\(Self.jsonType(pair.key))\": a mapping key must be a scalar")
                continue
            }
            guard seen.isFirst(key, at: index) else {
                at(.property(key)) { $0.report(.warning, pair.key.mark, "duplicate field \"\($0.fieldPath)\"") }
                continue
            }
            let value = pair.value
            at(.property(key)) { walker in
                switch key {
                case "name":
                    walker.validateName(value, errors: KubernetesNames.dns1123SubdomainErrors)
                case "namespace":
                    walker.validateName(value, errors: KubernetesNames.dns1123LabelErrors)
                case "labels":
                    walker.validateStringMap(value, isLabels: true)
                case "annotations":
                    walker.validateStringMap(value, isLabels: false)
                default:
                    if let schema = Self.objectMetaFields[key] {
                        if value.isNull && !schema.nullable { return }
                        walker.validate(value, schema: schema, depth: walker.path.count)
                        if key == "generateName", node["name"]?.string?.isEmpty ?? true, let prefix = value.string {
                            // A generated name is the prefix plus random characters: mask a trailing dash.
                            let masked = prefix.hasSuffix("-") ? String(prefix.dropLast()) : prefix
                            for message in KubernetesNames.dns1123SubdomainErrors(masked) where !prefix.isEmpty {
                                walker.error(value.mark, "Invalid value: \(goQuoted(prefix)): \(message)")
                            }
                        }
                        if key == "finalizers", let items = value.sequence {
                            walker.validateFinalizers(items)
                        }
                    } else {
                        walker.report(.warning, pair.key.mark, "unknown field \"\(walker.fieldPath)\"")
                    }
                }
            }
        }
        // A name of the wrong type is already reported; only an absent, null or empty name is missing.
        func isSet(_ field: String) -> Bool { node[field].map { !$0.isNull && $0.string != "" } ?? false }
        if requireName, !isSet("name"), !isSet("generateName") {
            at(.property("name")) { $0.error(node.mark, Self.nameRequired) }
        }
    }

    /// `name` / `namespace`: a string satisfying a Kubernetes name rule.
    mutating func validateName(_ node: YAMLNode, errors: (String) -> [String]) {
        if node.isNull { return }
        guard let text = node.string else {
            typeError(node, expected: "string")
            return
        }
        // An empty name is "missing" (reported once, below); an empty namespace means the default one.
        guard !text.isEmpty else { return }
        for message in errors(text) {
            error(node.mark, "Invalid value: \(goQuoted(text)): \(message)")
        }
    }

    /// Finalizer names are qualified names.
    mutating func validateFinalizers(_ items: [YAMLNode]) {
        for (i, item) in items.enumerated() {
            guard let text = item.string else { continue }
            for message in KubernetesNames.qualifiedNameErrors(text) {
                at(.index(i)) { $0.error(item.mark, "Invalid value: \(goQuoted(text)): \(message)") }
            }
        }
    }

    /// `labels` / `annotations`: a map of qualified-name keys to string values.
    mutating func validateStringMap(_ node: YAMLNode, isLabels: Bool) {
        if node.isNull { return }
        guard let pairs = node.mapping else {
            typeError(node, expected: "object")
            return
        }
        var totalSize = 0
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                error(pair.key.mark, "Invalid value: \"\(Self.jsonType(pair.key))\": a mapping key must be a scalar")
                continue
            }
            // Annotation keys are checked lower-cased, as the API server does.
            for message in KubernetesNames.qualifiedNameErrors(isLabels ? key : KubernetesNames.lowercased(key)) {
                error(pair.key.mark, "Invalid value: \(goQuoted(key)): \(message)")
            }
            let value = pair.value
            at(.key(key)) { walker in
                guard let text = value.string else {
                    walker.typeError(value, expected: "string")
                    return
                }
                totalSize += key.utf8.count + text.utf8.count
                guard isLabels else { return }
                for message in KubernetesNames.labelValueErrors(text) {
                    walker.error(value.mark, "Invalid value: \(goQuoted(text)): \(message)")
                }
            }
        }
        if !isLabels, totalSize > Self.totalAnnotationSizeLimit {
            error(node.mark, "Too long: must have at most \(Self.totalAnnotationSizeLimit) bytes")
        }
    }
}
