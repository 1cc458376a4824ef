// The canonical key order: at a document's root Kubernetes' top-level fields first, then the rest
// sorted; every nested mapping simply sorted (as Go's YAML encoder sorts map keys). The same object
// always prints the same way whatever order its source used.

enum YAMLCanonicalOrder {
    /// Keys written first, in this order, when they are string keys.
    static let leadingKeys = ["apiVersion", "kind", "metadata", "spec", "status"]

    /// `pairs` in canonical order: at the root the leading keys, then other scalar keys by text in
    /// UTF-8 byte order (then by kind), then non-scalar keys by their canonical YAML text.
    static func sorted(_ pairs: [YAMLPair], root: Bool) -> [YAMLPair] {
        guard let order = order(of: pairs, root: root) else { return pairs }
        return order.map { pairs[$0] }
    }

    /// The indices of `pairs` in canonical order, or nil when they already are in that order.
    static func order(of pairs: [YAMLPair], root: Bool) -> [Int]? {
        guard pairs.count > 1, !isInOrder(pairs, root: root) else { return nil }
        struct SortKey {
            var rank: Int
            var text: String
            var kind: Int
        }
        var keys: [SortKey] = []
        keys.reserveCapacity(pairs.count)
        for pair in pairs {
            switch pair.key.content {
            case .scalar(let s):
                var rank = leadingKeys.count
                if root, s.kind == .string, let i = leadingKeys.firstIndex(of: s.text) { rank = i }
                keys.append(SortKey(rank: rank, text: s.text, kind: kindOrder(s.kind)))
            case .sequence, .mapping:
                keys.append(SortKey(rank: leadingKeys.count + 1, text: YAMLEmitter.emit(pair.key), kind: 0))
            }
        }
        func precedes(_ a: SortKey, _ b: SortKey) -> Bool {
            if a.rank != b.rank { return a.rank < b.rank }
            if a.text != b.text { return utf8Precedes(a.text, b.text) }
            return a.kind < b.kind
        }
        var inOrder = true
        for i in 1..<keys.count where precedes(keys[i], keys[i - 1]) {
            inOrder = false
            break
        }
        if inOrder { return nil }
        return keys.indices.sorted { precedes(keys[$0], keys[$1]) || (!precedes(keys[$1], keys[$0]) && $0 < $1) }
    }

    /// Whether `pairs` are in canonical order already, decided without building sort keys (the
    /// common case: a document that was written canonically, a map built sorted). Conservative:
    /// false for a non-scalar key.
    private static func isInOrder(_ pairs: [YAMLPair], root: Bool) -> Bool {
        var previous: (rank: Int, scalar: YAMLScalar)?
        for pair in pairs {
            guard case .scalar(let s) = pair.key.content else { return false }
            var rank = leadingKeys.count
            if root, s.kind == .string, let i = leadingKeys.firstIndex(of: s.text) { rank = i }
            if let p = previous {
                if rank != p.rank {
                    if rank < p.rank { return false }
                } else if s.text != p.scalar.text {
                    if utf8Precedes(s.text, p.scalar.text) { return false }
                } else if kindOrder(s.kind) < kindOrder(p.scalar.kind) {
                    return false
                }
            }
            previous = (rank, s)
        }
        return true
    }

    /// UTF-8 byte order, on contiguous bytes when the strings have them.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        let result = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                for i in 0..<min(x.count, y.count) where x[i] != y[i] { return x[i] < y[i] }
                return x.count < y.count
            }
        }
        return (result ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static func kindOrder(_ kind: YAMLScalarKind) -> Int {
        switch kind {
        case .string: 0
        case .int: 1
        case .float: 2
        case .bool: 3
        case .null: 4
        }
    }
}

extension YAMLNode {
    /// This node with every mapping, at every level, in the order `YAMLEmitter` writes with
    /// `.canonical` keys, so `YAMLParser.parse(YAMLEmitter.emit(x))` equals `x.canonicalized()`.
    public func canonicalized() -> YAMLNode { canonicalized(root: true) }

    private func canonicalized(root: Bool) -> YAMLNode {
        switch content {
        case .scalar:
            return self
        case .sequence(let items):
            return YAMLNode(.sequence(items.map { $0.canonicalized(root: false) }), mark: mark)
        case .mapping(let pairs):
            let canonical = pairs.map {
                YAMLPair(key: $0.key.canonicalized(root: false), value: $0.value.canonicalized(root: false))
            }
            return YAMLNode(.mapping(YAMLCanonicalOrder.sorted(canonical, root: root)), mark: mark)
        }
    }
}
