// Git's tree object format, read and written without libgit2: entries `<octal mode> <name>\0<20-byte
// id>`, sorted by name with a directory's name compared as if it ended in '/'. Pure.

/// One entry of a tree object. Only git's five canonical modes are represented: a tree holding
/// anything else is left to libgit2.
struct TreeObjectEntry {
    var name: [UInt8]
    var mode: GitFileMode
    var id: GitObjectID

    /// Whether git sorts the entry as a directory (a submodule is not one).
    var isTree: Bool { mode == .tree }
}

extension GitFileMode {
    /// The mode as a tree object spells it.
    var treeObjectSpelling: StaticString {
        switch self {
        case .blob: "100644"
        case .executable: "100755"
        case .link: "120000"
        case .tree: "40000"
        case .submodule: "160000"
        }
    }

    /// The mode a tree object spells as `spelling`; `nil` for anything but the canonical five.
    init?(treeObjectSpelling spelling: UnsafeRawBufferPointer) {
        for mode in [GitFileMode.blob, .executable, .link, .tree, .submodule] {
            let known = mode.treeObjectSpelling
            if spelling.elementsEqual(UnsafeRawBufferPointer(start: known.utf8Start, count: known.utf8CodeUnitCount)) {
                self = mode
                return
            }
        }
        return nil
    }
}

/// Whether an entry named `a` (a directory when `aIsTree`) comes before one named `b` in a tree:
/// byte order, a directory's name compared as if it ended in '/'.
func treeOrderPrecedes(_ a: [UInt8], _ aIsTree: Bool, _ b: [UInt8], _ bIsTree: Bool) -> Bool {
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            let common = min(a.count, b.count)
            for index in 0..<common where a[index] != b[index] { return a[index] < b[index] }
            let nextA: UInt8 = a.count > common ? a[common] : (aIsTree ? UInt8(ascii: "/") : 0)
            let nextB: UInt8 = b.count > common ? b[common] : (bIsTree ? UInt8(ascii: "/") : 0)
            return nextA < nextB
        }
    }
}

/// The entries of raw tree object `bytes`; `nil` when it is malformed, not strictly sorted, or has
/// a mode other than the canonical five (libgit2 then decides what to do with it).
func parseTreeObject(_ bytes: UnsafeRawBufferPointer) -> [TreeObjectEntry]? {
    var entries: [TreeObjectEntry] = []
    var position = 0
    while position < bytes.count {
        let modeStart = position
        while position < bytes.count && bytes[position] != UInt8(ascii: " ") { position += 1 }
        guard position < bytes.count,
            let mode = GitFileMode(treeObjectSpelling: UnsafeRawBufferPointer(rebasing: bytes[modeStart..<position]))
        else { return nil }
        position += 1
        let nameStart = position
        while position < bytes.count && bytes[position] != 0 { position += 1 }
        guard position > nameStart, position + 21 <= bytes.count else { return nil }
        let entry = TreeObjectEntry(
            name: Array(bytes[nameStart..<position]), mode: mode,
            id: GitObjectID(loadingFrom: bytes.baseAddress! + position + 1))
        position += 21
        if let last = entries.last, !treeOrderPrecedes(last.name, last.isTree, entry.name, entry.isTree) {
            return nil
        }
        entries.append(entry)
    }
    return entries
}

/// The raw tree object of `entries`, which must be in tree order.
func makeTreeObject(_ entries: [TreeObjectEntry]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(entries.reduce(0) { $0 + $1.name.count + 28 })
    for entry in entries {
        let mode = entry.mode.treeObjectSpelling
        bytes.append(contentsOf: UnsafeBufferPointer(start: mode.utf8Start, count: mode.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: entry.name)
        bytes.append(0)
        withUnsafeTemporaryAllocation(byteCount: 20, alignment: 1) { id in
            entry.id.store(to: id.baseAddress!)
            bytes.append(contentsOf: id)
        }
    }
    return bytes
}
