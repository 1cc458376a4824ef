import Foundation
public import SnapgateGit
import SnapgateLoader
public import SnapgateModel

/// A `PassIndex` on disk, under `.git/snapgate/state/<branch>.index`, so a new process's pass
/// starts where the last one ended (issue 5: an incremental reconcile in a fresh process).
///
/// A line format rather than JSON: a large repository's index has a line per manifest, and this
/// is read at the start of every pass. Fields are tab-separated and percent-encoded (`%`, tab,
/// newline, carriage return, comma). Lines: `snapgate-pass-index 2`, `commit`, `tree`, `config`
/// (a blob id or `-`), `fingerprint`, then `f <path> <ns,ns>` per manifest, `p <path>` per
/// patch file, `n <namespace> <wake-up ms or -> <0|1>` per namespace, `d <namespace or empty>
/// <severity> <path> <line> <column> <message>` per finding (empty namespace: the loader's),
/// and `end` last. An unreadable file is no index — one without its `end` line was cut short
/// (the file is not flushed to disk) —: the next pass reads everything, which is always correct.
public enum PassIndexFile {
    static let header = "snapgate-pass-index 2"
    /// The last line: a file without it was cut short (state files are not flushed to disk) and
    /// is no index.
    static let trailer = "end"

    /// The index file of `branch`.
    static func path(in repository: GitRepository, branch: String) -> String {
        PassMemo.stateFile(in: repository, branch: branch, suffix: "index")
    }

    /// Writes `index` atomically (a rename); failures only cost the next process a full pass.
    public static func write(_ index: PassIndex, in repository: GitRepository, branch: String) {
        write(body: body(of: index), commit: index.commit, tree: index.tree, in: repository, branch: branch)
    }

    /// Everything of `index` but its commit and tree: the bulk of the file, which a pass builds
    /// while it publishes (the commit is known only afterwards).
    public static func body(of index: PassIndex) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(index.fileMap.approximateCount * 80 + 4096)
        func append(_ text: String) { out.append(contentsOf: text.utf8) }
        func field(_ text: String) {
            out.append(UInt8(ascii: "\t"))
            appendEncoded(text, to: &out)
        }
        append("config\t\(index.configBlob?.hex ?? "-")\nfingerprint")
        field(index.fingerprint)
        // Grouped by namespaces, so a reader decodes each list once (it compares a line's list with
        // the line before's) and keeps the runs as they are; not sorted: sorting a large index
        // costs more than writing it.
        index.fileMap.forEachGroup { namespaces, paths in
            var list: [UInt8] = [UInt8(ascii: "\t")]
            for (position, namespace) in (namespaces.count == 1 ? Array(namespaces) : namespaces.sorted()).enumerated()
            {
                if position > 0 { list.append(UInt8(ascii: ",")) }
                appendEncoded(namespace, to: &list)
            }
            for path in paths {
                append("\nf")
                field(path)
                out.append(contentsOf: list)
            }
        }
        for path in index.patchFiles {
            append("\np")
            field(path)
        }
        func diagnosticLine(_ diagnostic: Diagnostic, unit: String) {
            append("\nd")
            field(unit)
            field(diagnostic.severity.rawValue)
            field(diagnostic.path)
            field(String(diagnostic.line))
            field(String(diagnostic.column))
            field(diagnostic.message)
        }
        for (namespace, state) in index.namespaces {
            append("\nn")
            field(namespace)
            field(state.wakeUp.map { String($0.milliseconds) } ?? "-")
            field(state.alwaysDecide ? "1" : "0")
            for diagnostic in state.diagnostics { diagnosticLine(diagnostic, unit: namespace) }
        }
        for diagnostics in index.fileDiagnostics.values {
            for diagnostic in diagnostics { diagnosticLine(diagnostic, unit: "") }
        }
        out.append(contentsOf: "\n\(trailer)\n".utf8)
        return out
    }

    /// Writes an index file from its `body` and the commit and tree it describes, atomically (a
    /// rename); failures only cost the next process a full pass.
    public static func write(
        body: [UInt8], commit: GitObjectID, tree: GitObjectID, in repository: GitRepository, branch: String
    ) {
        let head = Array("\(header)\ncommit\t\(commit.hex)\ntree\t\(tree.hex)\n".utf8)
        StateWrites.replaceFile(at: path(in: repository, branch: branch), with: [head, body])
    }

    /// Reads the index of `branch`; nil when there is none or it cannot be read.
    public static func read(in repository: GitRepository, branch: String) async -> PassIndex? {
        guard let data = FileManager.default.contents(atPath: path(in: repository, branch: branch)) else { return nil }
        // Parsed in place: a large index is megabytes, not worth a copy.
        let parsed = data.withUnsafeBytes { raw in parse(raw.bindMemory(to: UInt8.self)) }
        guard var index = parsed else { return nil }
        if let blob = index.configBlob {
            // The configuration is re-read from its blob: the index only names it.
            guard let bytes = try? await repository.readBlob(blob) else { return nil }
            let (config, _) = SnapgateConfig.parse(bytes)
            index.config = config
        }
        return index
    }

    /// Parses an index file's bytes; the configuration is left at the defaults.
    static func parse(_ bytes: [UInt8]) -> PassIndex? {
        bytes.withUnsafeBufferPointer { buffer in parse(buffer) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> PassIndex? {
        var commit: GitObjectID?
        var tree: GitObjectID?
        var configBlob: GitObjectID??
        var fingerprint: String?
        // Kept as the runs the writer grouped: no path is hashed on the way in.
        var files = FileNamespaceMap()
        var patches: Set<String> = []
        var namespaces: [String: PassIndex.NamespaceState] = [:]
        var fileDiagnostics: [Diagnostic] = []
        var fields: [Slice<UnsafeBufferPointer<UInt8>>] = []
        var previousList = bytes[0..<0]
        var previousNames: Set<String> = []
        var lineStart = 0
        var sawHeader = false
        var sawTrailer = false
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            guard lineEnd > lineStart else { continue }
            let line = bytes[lineStart..<lineEnd]
            guard sawHeader else {
                guard String(decoding: line, as: UTF8.self) == header else { return nil }
                sawHeader = true
                continue
            }
            // Nothing may follow the last line.
            guard !sawTrailer else { return nil }
            if line.elementsEqual(trailer.utf8) {
                sawTrailer = true
                continue
            }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = line.startIndex
            for position in line.indices where line[position] == UInt8(ascii: "\t") {
                fields.append(line[fieldStart..<position])
                fieldStart = position + 1
            }
            fields.append(line[fieldStart..<line.endIndex])
            let tag = fields[0]
            switch (tag.count, tag.first, fields.count) {
            case (1, UInt8(ascii: "f"), 3):
                let list = fields[2]
                // Lines come grouped by their lists: the set decoded for the line before is shared.
                let startsGroup = !list.elementsEqual(previousList)
                if startsGroup {
                    previousNames = []
                    var nameStart = list.startIndex
                    for position in list.indices where list[position] == UInt8(ascii: ",") {
                        previousNames.insert(decode(list[nameStart..<position]))
                        nameStart = position + 1
                    }
                    if nameStart < list.endIndex { previousNames.insert(decode(list[nameStart..<list.endIndex])) }
                    previousList = list
                }
                files.appendRead(decode(fields[1]), namespaces: previousNames, startsGroup: startsGroup)
            case (1, UInt8(ascii: "p"), 2):
                patches.insert(decode(fields[1]))
            case (1, UInt8(ascii: "n"), 4):
                let wake = decode(fields[2])
                namespaces[decode(fields[1])] = PassIndex.NamespaceState(
                    wakeUp: wake == "-" ? nil : Int64(wake).map { Timestamp(milliseconds: $0) },
                    alwaysDecide: decode(fields[3]) == "1", diagnostics: [])
            case (1, UInt8(ascii: "d"), 7):
                guard let severity = Severity(rawValue: decode(fields[2])), let row = Int(decode(fields[4])),
                    let column = Int(decode(fields[5]))
                else { return nil }
                let diagnostic = Diagnostic(
                    severity, path: decode(fields[3]), line: row, column: column, message: decode(fields[6]))
                let unit = decode(fields[1])
                if unit.isEmpty {
                    fileDiagnostics.append(diagnostic)
                } else {
                    guard namespaces[unit] != nil else { return nil }
                    namespaces[unit]?.diagnostics.append(diagnostic)
                }
            default:
                guard fields.count == 2 else { return nil }
                let value = decode(fields[1])
                switch decode(tag) {
                case "commit": commit = GitObjectID(hex: value)
                case "tree": tree = GitObjectID(hex: value)
                case "config": configBlob = value == "-" ? .some(nil) : GitObjectID(hex: value).map { .some($0) }
                case "fingerprint": fingerprint = value
                default: return nil
                }
            }
        }
        guard sawTrailer, let commit, let tree, let configBlob, let fingerprint else { return nil }
        var index = PassIndex(
            commit: commit, tree: tree, fingerprint: fingerprint, config: .default, configBlob: configBlob,
            patchFiles: patches, fileMap: files)
        for (namespace, state) in namespaces { index.setNamespace(namespace, state) }
        index.replaceFileDiagnostics(of: [], with: fileDiagnostics)
        return index
    }

    /// Appends `text` percent-encoding the bytes that separate fields, lines and lists.
    static func appendEncoded(_ text: String, to out: inout [UInt8]) {
        var text = text
        // Nearly every name needs no encoding: checked first, then copied whole (byte by byte,
        // the appends were a third of a fresh incremental pass).
        text.withUTF8 { bytes in
            if !bytes.contains(where: needsEncoding) {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                if needsEncoding(byte) {
                    out.append(UInt8(ascii: "%"))
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                } else {
                    out.append(byte)
                }
            }
        }
    }

    private static func needsEncoding(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "%") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ",")
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Reverses `appendEncoded`.
    static func decode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard bytes.contains(UInt8(ascii: "%")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

}
