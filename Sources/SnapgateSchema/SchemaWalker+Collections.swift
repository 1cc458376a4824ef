import SnapgateNode

/// Arrays and objects: items, list types, properties, pruning, unknown fields, required, CEL rules.
extension SchemaWalker {
    mutating func validateArray(_ node: YAMLNode, items: [YAMLNode], schema: StructuralSchema, depth: Int) {
        if let maxItems = schema.maxItems, items.count > maxItems {
            error(node.mark, "Too many: \(items.count): must have at most \(maxItems) items")
        }
        if let minItems = schema.minItems, items.count < minItems {
            error(node.mark, "Invalid value: \(items.count): \(bodyPath) should have at least \(minItems) items")
        }
        if let itemSchema = schema.items {
            for (i, item) in items.enumerated() {
                at(.index(i)) { $0.validate(item, schema: itemSchema, depth: depth + 1) }
            }
        }
        switch schema.listType {
        case "set": checkSetDuplicates(items)
        case "map": checkMapDuplicates(items, keys: schema.listMapKeys)
        default: break
        }
    }

    /// `x-kubernetes-list-type: set`: scalar items must be unique.
    mutating func checkSetDuplicates(_ items: [YAMLNode]) {
        var seen = Set<YAMLNode>()
        for (i, item) in items.enumerated() where !seen.insert(item).inserted {
            at(.index(i)) { $0.error(item.mark, "Duplicate value: \(Self.literal(item))") }
        }
    }

    /// `x-kubernetes-list-type: map`: no two items may have the same values for the map keys.
    mutating func checkMapDuplicates(_ items: [YAMLNode], keys: [String]) {
        guard !keys.isEmpty else { return }
        var seen = Set<[YAMLNode?]>()
        for (i, item) in items.enumerated() where item.mapping != nil {
            let identity = keys.map { item[$0] }
            if !seen.insert(identity).inserted {
                let rendered = zip(keys, identity).map { key, value in
                    "\"\(key)\":" + (value.map(Self.literal) ?? "<nil>")
                }
                at(.index(i)) {
                    $0.error(
                        item.mark, "Duplicate value: map[string]interface {}{" + rendered.joined(separator: ", ") + "}")
                }
            }
        }
    }

    mutating func validateObject(
        _ node: YAMLNode, pairs: [YAMLPair], schema: StructuralSchema, depth: Int, skipping: HandledFields
    ) {
        if let maxProperties = schema.maxProperties, pairs.count > maxProperties {
            error(node.mark, "Too many: \(pairs.count): must have at most \(maxProperties) items")
        }
        if let minProperties = schema.minProperties, pairs.count < minProperties {
            error(
                node.mark, "Invalid value: \(pairs.count): \(bodyPath) should have at least \(minProperties) properties"
            )
        }
        var seen = KeyTracker(pairs)
        // By index, each value passed on in place: copying every pair (`for pair in pairs`) cost
        // four reference counts a field, for every field of every object.
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
            if skipping.contains(key) { continue }
            if let property = schema.property(key) {
                if pairs[index].value.isNull && !property.nullable { continue }  // pruned, then defaulted
                path.append(.property(key))
                validate(pairs[index].value, schema: property, depth: depth + 1)
                path.removeLast()
                continue
            }
            switch schema.additionalProperties {
            case .schema(let values)?:
                if pairs[index].value.isNull && !values.nullable { continue }
                path.append(.key(key))
                validate(pairs[index].value, schema: values, depth: depth + 1)
                path.removeLast()
            case .allowed(true)?:
                continue
            case .allowed(false)?, nil:
                if schema.preserveUnknownFields { continue }
                let mark = pairs[index].key.mark
                at(.property(key)) { $0.report(.warning, mark, "unknown field \"\($0.fieldPath)\"") }
            }
        }
        for name in schema.required where !skipping.contains(name) {
            let value = node[name]
            let property = schema.property(name)
            if let value, !value.isNull || property?.nullable == true { continue }
            if property?.defaultValue != nil { continue }
            at(.property(name)) { $0.error(node.mark, "Required value") }
        }
        for (rule, compiled) in zip(schema.validations, schema.compiledValidations) {
            guard let compiled else { continue }
            if !CELSubset.evaluate(compiled, on: node) {
                let message = rule.message.isEmpty ? "failed rule: \(rule.rule)" : rule.message
                error(node.mark, "Invalid value: \"object\": \(message)")
            }
        }
    }
}
