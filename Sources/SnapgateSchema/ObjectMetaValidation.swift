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
        // By index (not copying each entry), and the field's path pushed only where a finding is
        // reported or a schema walks the value: this runs for every object of a load, and nearly
        // all metadata is valid.
        for index in pairs.indices {
            guard case .scalar(let keyScalar) = pairs[index].key.content else {
                let keyNode = pairs[index].key
                error(keyNode.mark, "Invalid value: \"\(Self.jsonType(keyNode))\": a mapping key must be a scalar")
                continue
            }
            let key = keyScalar.text
            guard seen.isFirst(key, at: index) else {
                let mark = pairs[index].key.mark
                at(.property(key)) { $0.report(.warning, mark, "duplicate field \"\($0.fieldPath)\"") }
                continue
            }
            switch key {
            case "name":
                validateName(pairs[index].value, field: key, errors: KubernetesNames.dns1123SubdomainErrors)
            case "namespace":
                validateName(pairs[index].value, field: key, errors: KubernetesNames.dns1123LabelErrors)
            case "labels":
                validateStringMap(pairs[index].value, field: key, isLabels: true)
            case "annotations":
                validateStringMap(pairs[index].value, field: key, isLabels: false)
            default:
                let (keyMark, value) = (pairs[index].key.mark, pairs[index].value)
                at(.property(key)) { walker in
                    guard let schema = Self.objectMetaFields[key] else {
                        walker.report(.warning, keyMark, "unknown field \"\(walker.fieldPath)\"")
                        return
                    }
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
                }
            }
        }
        // A name of the wrong type is already reported; only an absent, null or empty name is missing.
        func isSet(_ field: String) -> Bool { node[field].map { !$0.isNull && $0.string != "" } ?? false }
        if requireName, !isSet("name"), !isSet("generateName") {
            at(.property("name")) { $0.error(node.mark, Self.nameRequired) }
        }
    }

    /// `name` / `namespace` (the metadata's `field`): a string satisfying a Kubernetes name rule.
    mutating func validateName(_ node: YAMLNode, field: String, errors: (String) -> [String]) {
        if node.isNull { return }
        guard let text = node.string else {
            at(.property(field)) { $0.typeError(node, expected: "string") }
            return
        }
        // An empty name is "missing" (reported once, below); an empty namespace means the default one.
        guard !text.isEmpty else { return }
        let messages = errors(text)
        guard !messages.isEmpty else { return }
        at(.property(field)) { walker in
            for message in messages {
                walker.error(node.mark, "Invalid value: \(goQuoted(text)): \(message)")
            }
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

    /// `labels` / `annotations` (the metadata's `field`): a map of qualified-name keys to string values.
    mutating func validateStringMap(_ node: YAMLNode, field: String, isLabels: Bool) {
        if node.isNull { return }
        guard case .mapping(let pairs) = node.content else {
            at(.property(field)) { $0.typeError(node, expected: "object") }
            return
        }
        var totalSize = 0
        for index in pairs.indices {
            guard case .scalar(let keyScalar) = pairs[index].key.content else {
                let keyNode = pairs[index].key
                at(.property(field)) {
                    $0.error(
                        keyNode.mark, "Invalid value: \"\(Self.jsonType(keyNode))\": a mapping key must be a scalar")
                }
                continue
            }
            let key = keyScalar.text
            // Annotation keys are checked lower-cased, as the API server does.
            let keyMessages = KubernetesNames.qualifiedNameErrors(isLabels ? key : KubernetesNames.lowercased(key))
            if !keyMessages.isEmpty {
                let mark = pairs[index].key.mark
                at(.property(field)) { walker in
                    for message in keyMessages { walker.error(mark, "Invalid value: \(goQuoted(key)): \(message)") }
                }
            }
            guard case .scalar(let valueScalar) = pairs[index].value.content, valueScalar.kind == .string else {
                let value = pairs[index].value
                at(.property(field)) { $0.at(.key(key)) { $0.typeError(value, expected: "string") } }
                continue
            }
            let text = valueScalar.text
            totalSize += key.utf8.count + text.utf8.count
            guard isLabels else { continue }
            let valueMessages = KubernetesNames.labelValueErrors(text)
            if !valueMessages.isEmpty {
                let mark = pairs[index].value.mark
                at(.property(field)) {
                    $0.at(.key(key)) { walker in
                        for message in valueMessages {
                            walker.error(mark, "Invalid value: \(goQuoted(text)): \(message)")
                        }
                    }
                }
            }
        }
        if !isLabels, totalSize > Self.totalAnnotationSizeLimit {
            at(.property(field)) {
                $0.error(node.mark, "Too long: must have at most \(Self.totalAnnotationSizeLimit) bytes")
            }
        }
    }
}
