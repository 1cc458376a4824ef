/// Builds `YAMLNode` trees from parser events with an explicit stack (never recursion, so nesting
/// depth cannot overflow the C stack), and enforces the per-document limits: depth, alias
/// expansion, duplicate keys. Also applies `<<` merge keys.
struct YAMLTreeBuilder {
    /// A sequence or mapping being built; its children wait in `items` or `pairs` from `start` on.
    private struct Frame {
        var isMapping: Bool
        var mark: YAMLMark
        var anchor: String?
        var start: Int
        var pendingKey: YAMLNode?
        /// Nodes in this subtree, aliases counted at their expanded size.
        var count = 1
        var hasMerge = false
        /// Key lookup for large mappings (small ones are scanned linearly: cheaper than hashing).
        var keyIndex: [YAMLScalar: YAMLMark]?
    }

    private static let indexThreshold = 16

    private let path: String
    private let limits: YAMLLimits
    private(set) var documents: [YAMLDocument] = []
    private(set) var errors: [YAMLError] = []

    // State of the current document.
    /// The collections enclosing the innermost open one, outermost first.
    private var stack: [Frame] = []
    /// The innermost open collection, kept out of `stack`: every node is added to it, and a
    /// field of an array element costs a uniqueness and a bounds check per access.
    private var top = Frame(isMapping: false, mark: .none, anchor: nil, start: 0)
    /// How many collections are open (`stack.count + 1`, or 0).
    private var depth = 0
    /// The items of the open sequences.
    private let items = ScratchStack<YAMLNode>()
    /// The entries of the open mappings.
    private let pairs = ScratchStack<YAMLPair>()
    private var anchors: [String: (node: YAMLNode, count: Int)] = [:]
    private var aliasTotal = 0
    private var root: YAMLNode?
    private var documentMark = YAMLMark.none
    private var documentIndex = 0
    /// Set when the stream must not be read further (nesting too deep).
    private(set) var isFinished = false
    /// Set when the current document broke a limit: its remaining events are skipped.
    private var documentError: YAMLError?

    init(path: String, limits: YAMLLimits) {
        self.path = path
        self.limits = limits
    }

    var stream: YAMLStream { YAMLStream(documents: documents, errors: errors) }

    /// Records the error that ended the stream (the open document, if any, is lost).
    mutating func end(with error: YAMLError) {
        if let documentError { errors.append(documentError) }
        documentError = nil
        errors.append(error)
    }

    // The events, as the reader delivers them. After an error in a document, its remaining
    // events are skipped up to its end.

    mutating func startDocument(_ mark: YAMLMark) {
        guard documentError == nil else { return }
        documentMark = mark
    }

    mutating func endDocument() {
        finishDocument()
    }

    mutating func startCollection(isMapping: Bool, anchor: String?, mark: YAMLMark) {
        guard documentError == nil else { return }
        guard depth < limits.maxDepth else {
            // Ends the stream, unlike the other limits: skipping to the next document would
            // make libyaml (0.2.5) scan the rest of the nesting, and its simple-key bookkeeping
            // is quadratic in flow depth (100,000 `[` take ~20 s).
            let message = "nesting deeper than \(limits.maxDepth) levels"
            errors.append(YAMLError(code: .tooDeep, path: path, mark: mark, message: message))
            isFinished = true
            return
        }
        // Moved, not copied, in and out of the stack (a frame holds a pending key and an index).
        var enclosing = Frame(
            isMapping: isMapping, mark: mark, anchor: anchor, start: isMapping ? pairs.count : items.count)
        swap(&top, &enclosing)
        if depth > 0 { stack.append(consume enclosing) }
        depth += 1
    }

    mutating func endCollection() {
        guard documentError == nil, depth > 0 else { return }
        var frame = depth > 1 ? stack.removeLast() : Frame(isMapping: false, mark: .none, anchor: nil, start: 0)
        swap(&top, &frame)
        depth -= 1
        let node: YAMLNode
        if frame.isMapping {
            var entries = pairs.take(from: frame.start)
            if frame.hasMerge, !applyMerges(&entries) { return }
            node = YAMLNode(.mapping(entries), mark: frame.mark)
        } else {
            node = YAMLNode(.sequence(items.take(from: frame.start)), mark: frame.mark)
        }
        if let anchor = frame.anchor { anchors[anchor] = (node, frame.count) }
        add(node, count: frame.count)
    }

    mutating func scalar(_ scalar: consuming YAMLScalar, anchor: String?, mark: YAMLMark, isEmptyPlain: Bool) {
        guard documentError == nil else { return }
        if depth == 0, isEmptyPlain { return }  // `---` with no content: an empty document.
        // Moved, not copied, all the way into the collection: no reference counting per scalar.
        let node = YAMLNode(.scalar(consume scalar), mark: mark)
        if let anchor { anchors[anchor] = (node, 1) }
        add(consume node, count: 1)
    }

    mutating func alias(_ name: String, mark: YAMLMark) {
        guard documentError == nil else { return }
        guard let anchored = anchors[name] else {
            fail(.undefinedAlias, mark, "alias *\(name) refers to no anchor defined before it in this document")
            return
        }
        aliasTotal += anchored.count
        guard aliasTotal <= limits.maxAliasExpansion else {
            fail(
                .aliasExpansion, mark,
                "alias expansion exceeds \(limits.maxAliasExpansion) nodes (a \"billion laughs\" document?); "
                    + "refusing to expand *\(name)")
            return
        }
        var node = anchored.node
        node.mark = mark  // The copy is reported where it is used; its children keep their anchors' marks.
        add(node, count: anchored.count)
    }

    private mutating func fail(_ code: YAMLError.Code, _ mark: YAMLMark, _ message: String) {
        documentError = YAMLError(code: code, path: path, mark: mark, message: message)
    }

    private mutating func finishDocument() {
        if let documentError {
            errors.append(documentError)
        } else {
            documents.append(YAMLDocument(root: root, mark: documentMark, index: documentIndex))
        }
        documentIndex += 1
        documentError = nil
        stack.removeAll(keepingCapacity: true)
        top = Frame(isMapping: false, mark: .none, anchor: nil, start: 0)
        depth = 0
        items.removeAll()
        pairs.removeAll()
        anchors.removeAll()
        aliasTotal = 0
        root = nil
    }

    /// Adds a finished node to the collection on top of the stack (or makes it the root). Taken,
    /// not borrowed: the node moves into its collection without reference counting.
    private mutating func add(_ node: consuming YAMLNode, count: Int) {
        guard depth > 0 else {
            root = consume node
            return
        }
        top.count += count
        guard top.isMapping else {
            items.push(consume node)
            return
        }
        // Moved out, not copied: no reference counting for the key on the way into its pair.
        if let key = top.pendingKey.take() {
            if Self.isMergeKey(key) { top.hasMerge = true }
            pairs.push(YAMLPair(key: key, value: consume node))
            return
        }
        if let first = Self.firstMark(ofKey: node, in: &top, pairs: pairs) {
            fail(
                .duplicateKey, node.mark,
                "duplicate key \"\(node.scalar?.text ?? "")\" (first at line \(first.line), column \(first.column))")
            return
        }
        top.pendingKey = consume node
    }

    /// The mark of an earlier key equal to the scalar `key` in `frame`, or nil (then the key is
    /// indexed). Nil for collection keys and merge keys, which may repeat.
    private static func firstMark(
        ofKey key: borrowing YAMLNode, in frame: inout Frame, pairs: ScratchStack<YAMLPair>
    ) -> YAMLMark? {
        guard case .scalar(let scalar) = key.content, !isMergeKey(key) else { return nil }
        let entries = pairs.elements(from: frame.start)
        if frame.keyIndex == nil, entries.count >= indexThreshold {
            var index: [YAMLScalar: YAMLMark] = [:]
            for pair in entries {
                if case .scalar(let s) = pair.key.content, index[s] == nil { index[s] = pair.key.mark }
            }
            frame.keyIndex = index
        }
        if frame.keyIndex != nil {
            if let mark = frame.keyIndex?[scalar] { return mark }
            frame.keyIndex?[scalar] = key.mark
            return nil
        }
        // Through the buffer, lengths first: no copy of each earlier pair, and most keys differ
        // from each other in length (this runs for every key of every small mapping).
        let length = scalar.text.utf8.count
        for index in entries.indices
        where entries[index].key.isScalar(scalar.text, kind: scalar.kind, utf8Count: length) {
            return entries[index].key.mark
        }
        return nil
    }

    private static func isMergeKey(_ node: YAMLNode) -> Bool {
        guard case .scalar(let s) = node.content else { return false }
        // The length first: comparing two different strings calls into the runtime, and this
        // runs for every key of every mapping.
        return s.style == .plain && s.kind == .string && s.text.utf8.count == 2 && s.text == "<<"
    }

    /// Replaces each `<<` entry by the entries of the mapping(s) it names whose keys the mapping
    /// does not already have. Explicit keys win wherever they are; among merged mappings, the
    /// first one listed wins (the YAML merge-key rules). Returns false after recording an error.
    private mutating func applyMerges(_ pairs: inout [YAMLPair]) -> Bool {
        var present = Set<YAMLNode>()
        for pair in pairs where !Self.isMergeKey(pair.key) { present.insert(pair.key) }
        var merged: [YAMLPair] = []
        merged.reserveCapacity(pairs.count)
        for pair in pairs {
            guard Self.isMergeKey(pair.key) else {
                merged.append(pair)
                continue
            }
            var sources: [[YAMLPair]] = []
            switch pair.value.content {
            case .mapping(let pairs):
                sources = [pairs]
            case .sequence(let items):
                for item in items {
                    guard case .mapping(let pairs) = item.content else { break }
                    sources.append(pairs)
                }
                if sources.count != items.count { sources = [] }
            case .scalar:
                break
            }
            guard !sources.isEmpty || pair.value.sequence?.isEmpty == true else {
                fail(.syntax, pair.key.mark, "a merge key (<<) needs a mapping or a list of mappings as its value")
                return false
            }
            for source in sources {
                for entry in source where !present.contains(entry.key) {
                    present.insert(entry.key)
                    merged.append(entry)
                }
            }
        }
        pairs = merged
        return true
    }
}
