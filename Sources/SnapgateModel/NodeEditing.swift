public import SnapgateNode

/// Edits of object documents that the rules make: labels, annotations, finalizers, conditions and
/// nested fields. Each returns a new node; untouched parts keep their order and positions.
extension YAMLNode {
    /// The value at a path of mapping keys, creating intermediate mappings as needed (`set(path:to:)`
    /// on a copy).
    public func setting(path: [String], to value: YAMLNode) -> YAMLNode {
        var copy = self
        copy.set(path: path[...], to: value)
        return copy
    }

    /// Sets the value at a path of mapping keys in place: the first entry with each key is
    /// followed, an entry that is missing or not a mapping becomes an empty mapping on the way, and
    /// a node that is not a mapping is left alone. Only the mappings along the path are copied,
    /// and only those another tree shares. For the edits rules make to every object of a pass.
    public mutating func set(path: ArraySlice<String>, to value: YAMLNode) {
        guard let first = path.first else {
            self = value
            return
        }
        guard case .mapping(var pairs) = content else { return }
        // This node lets go of its entries: they are copied only when another tree holds them.
        content = .sequence([])
        let length = first.utf8.count
        if let index = pairs.firstIndex(where: { $0.key.isScalar(first, kind: .string, utf8Count: length) }) {
            if path.count == 1 {
                pairs[index].value = value
            } else {
                if pairs[index].value.mapping == nil { pairs[index].value = .mapping([]) }
                pairs[index].value.set(path: path.dropFirst(), to: value)
            }
        } else {
            var child = value
            if path.count > 1 {
                child = .mapping([])
                child.set(path: path.dropFirst(), to: value)
            }
            // One entry more, in an array of exactly that size: appending to a full array would
            // double its storage (parsed mappings are sized exactly), and a cold pass adds a label
            // and a finalizer to 10,000 Components, keeping every edited mapping to the exit.
            pairs.reserveCapacity(pairs.count + 1)
            pairs.append(YAMLPair(key: .string(first), value: child))
        }
        content = .mapping(pairs)
    }

    /// This node without the value at a path of mapping keys (a no-op when it is absent).
    public func removing(path: [String]) -> YAMLNode {
        guard let first = path.first else { return self }
        if path.count == 1 { return removing(first) }
        guard let child = self.mapping(first) else { return self }
        return setting(first, to: child.removing(path: Array(path.dropFirst())))
    }

    /// `metadata.labels[key]`.
    public func label(_ key: String) -> String? { mapping("metadata")?.mapping("labels")?[key]?.string }

    /// `metadata.annotations[key]`.
    public func annotation(_ key: String) -> String? { mapping("metadata")?.mapping("annotations")?[key]?.string }

    /// Sets `metadata.labels[key]`.
    public func settingLabel(_ key: String, to value: String) -> YAMLNode {
        setting(path: ["metadata", "labels", key], to: .string(value))
    }

    /// Removes `metadata.labels[key]`, and the labels map when it becomes empty.
    public func removingLabel(_ key: String) -> YAMLNode { removingMetadataEntry("labels", key) }

    /// Sets `metadata.annotations[key]`.
    public func settingAnnotation(_ key: String, to value: String) -> YAMLNode {
        setting(path: ["metadata", "annotations", key], to: .string(value))
    }

    /// Removes `metadata.annotations[key]`, and the annotations map when it becomes empty.
    public func removingAnnotation(_ key: String) -> YAMLNode { removingMetadataEntry("annotations", key) }

    private func removingMetadataEntry(_ map: String, _ key: String) -> YAMLNode {
        guard let entries = mapping("metadata")?.mapping(map), entries[key] != nil else { return self }
        let remaining = entries.removing(key)
        if remaining.mapping?.isEmpty == true { return removing(path: ["metadata", map]) }
        return setting(path: ["metadata", map], to: remaining)
    }

    /// `metadata.finalizers`.
    public var finalizers: [String] { mapping("metadata")?.strings("finalizers") ?? [] }

    /// Adds a finalizer when absent.
    public func addingFinalizer(_ name: String) -> YAMLNode {
        let current = finalizers
        guard !current.contains(name) else { return self }
        return setting(path: ["metadata", "finalizers"], to: .sequence((current + [name]).map { .string($0) }))
    }

    /// Removes a finalizer, and the list when it becomes empty.
    public func removingFinalizer(_ name: String) -> YAMLNode {
        let current = finalizers
        guard current.contains(name) else { return self }
        let remaining = current.filter { $0 != name }
        if remaining.isEmpty { return removing(path: ["metadata", "finalizers"]) }
        return setting(path: ["metadata", "finalizers"], to: .sequence(remaining.map { .string($0) }))
    }

    /// `status.conditions`.
    public var conditions: [Condition] {
        mapping("status")?.items("conditions").map(Condition.init(node:)) ?? []
    }

    /// Upserts a condition with Kubernetes' `meta.SetStatusCondition` semantics: matched by
    /// `type`; `lastTransitionTime` changes only when `status` changes (or the condition is new).
    public func settingCondition(
        type: String, status: String, reason: String, message: String, now: Timestamp
    ) -> YAMLNode {
        var conditions = self.conditions
        if let index = conditions.firstIndex(where: { $0.type == type }) {
            var condition = conditions[index]
            if condition.status != status {
                condition.status = status
                condition.lastTransitionTime = now.rfc3339
            }
            condition.reason = reason
            condition.message = message
            guard condition != conditions[index] else { return self }
            conditions[index] = condition
        } else {
            conditions.append(
                Condition(type: type, status: status, reason: reason, message: message, lastTransitionTime: now.rfc3339)
            )
        }
        return setting(path: ["status", "conditions"], to: .sequence(conditions.map(\.node)))
    }
}
