/// A Kubernetes `map[string]string` — an object's labels or annotations: its entries in key order,
/// each key once.
///
/// A dictionary in use (`map[key]`, `map[key] = value`, iteration, literals), kept as one sorted
/// array: the few entries metadata holds take one allocation and no hashing to build (a
/// dictionary took ~1,700 instructions for each map of every manifest of a load), a look-up
/// compares a few keys, and iteration is in the order the maps are written in.
public struct StringMap: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    public typealias Element = (key: String, value: String)

    fileprivate struct Entry: Sendable, Hashable {
        var key: String
        var value: String
    }

    /// Sorted by key (`String`'s `<`), keys unique.
    private var entries: [Entry]

    /// An empty map.
    public init() { entries = [] }

    /// The map of `dictionary`'s entries.
    public init(_ dictionary: [String: String]) {
        entries = dictionary.map { Entry(key: $0.key, value: $0.value) }
        entries.sort { $0.key < $1.key }
    }

    /// A map of `pairs`; of repeated keys, the last one's value.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, String) {
        var all: [Entry] = []
        all.reserveCapacity(pairs.underestimatedCount)
        for (key, value) in pairs { all.append(Entry(key: key, value: value)) }
        self.init(unsorted: all)
    }

    /// A map of the entries `entry` gives for `0..<count` (nil: none), in any order; of repeated
    /// keys, the last one's value. For a reader that holds the entries in its own form.
    init(count: Int, entry: (Int) -> (key: String, value: String)?) {
        var all: [Entry] = []
        all.reserveCapacity(count)
        for index in 0..<count {
            if let (key, value) = entry(index) { all.append(Entry(key: key, value: value)) }
        }
        self.init(unsorted: all)
    }

    private init(unsorted: consuming [Entry]) {
        var all = unsorted
        if all.count <= 16 {
            // Insertion sort (stable, in place): metadata holds a few entries, often in order.
            for index in all.indices.dropFirst() {
                var j = index
                while j > 0 && all[j].key < all[j - 1].key {
                    all.swapAt(j, j - 1)
                    j -= 1
                }
            }
        } else if !all.indices.dropFirst().allSatisfy({ all[$0 - 1].key <= all[$0].key }) {
            // Stable, as a manifest may hold any number of annotations (sorted once, not inserted
            // one by one in quadratic time).
            all = all.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        }
        // Of a run of equal keys, the last one given.
        var end = 0
        for index in all.indices {
            if end > 0, all[end - 1].key == all[index].key {
                all.swapAt(end - 1, index)
            } else {
                all.swapAt(end, index)
                end += 1
            }
        }
        all.removeLast(all.count - end)
        entries = all
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// How many entries the map holds.
    public var count: Int { entries.count }

    /// Whether the map has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The entries as a dictionary.
    public var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
    }

    /// The value of `key`; setting nil removes the entry.
    public subscript(key: String) -> String? {
        get {
            switch position(of: key) {
            case .found(let index): entries[index].value
            case .insertion: nil
            }
        }
        set {
            switch (position(of: key), newValue) {
            case (.found(let index), let value?): entries[index].value = value
            case (.found(let index), nil): entries.remove(at: index)
            case (.insertion(let index), let value?): entries.insert(Entry(key: key, value: value), at: index)
            case (.insertion, nil): break
            }
        }
    }

    /// Removes `key`'s entry; returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> String? {
        guard case .found(let index) = position(of: key) else { return nil }
        return entries.remove(at: index).value
    }

    /// The entries that satisfy `isIncluded`.
    public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> StringMap {
        var kept = StringMap()
        kept.entries = try entries.filter { try isIncluded(($0.key, $0.value)) }
        return kept
    }

    public struct Iterator: IteratorProtocol {
        fileprivate var base: IndexingIterator<[Entry]>
        public mutating func next() -> Element? { base.next().map { ($0.key, $0.value) } }
    }

    public func makeIterator() -> Iterator { Iterator(base: entries.makeIterator()) }

    public var underestimatedCount: Int { entries.count }

    public var description: String {
        entries.isEmpty ? "[:]" : "[" + entries.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ") + "]"
    }

    private enum Position {
        case found(Int)
        case insertion(Int)
    }

    /// Where `key` is, or where it would go. Lengths first: most keys of a map differ in length,
    /// and comparing two different strings calls into the runtime.
    private func position(of key: String) -> Position {
        if entries.count <= 16 {
            let length = key.utf8.count
            for index in entries.indices where entries[index].key.utf8.count == length && entries[index].key == key {
                return .found(index)
            }
        }
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        if low < entries.count, entries[low].key == key { return .found(low) }
        return .insertion(low)
    }
}
