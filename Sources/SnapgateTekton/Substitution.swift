import SnapgateNode

/// One part of a variable reference: `params.x[*]` is `[.name("params"), .name("x"), .star]`.
enum ReferencePart: Sendable, Hashable {
    case name(String)
    case star
    case index(Int)
}

/// The values `$(…)` references resolve to in one place of a pipeline: parameters, task results,
/// and plain dotted names (`context.pipelineRun.name`, `results.x.path`, `tasks.a.status`).
struct Scope: Sendable {
    var params: [String: ParamValue] = [:]
    /// Results of earlier pipeline tasks, by pipeline task name then result name.
    var taskResults: [String: [String: ParamValue]] = [:]
    /// Every other reference, by its dotted text.
    var plain: [String: String] = [:]

    /// The value of a parsed reference, or nil when this scope does not know it.
    func resolve(_ parts: [ReferencePart]) -> ParamValue? {
        guard case .name(let head)? = parts.first else { return nil }
        if head == "params", parts.count >= 2, case .name(let name) = parts[1], let value = params[name] {
            return Scope.select(value, Array(parts.dropFirst(2)))
        }
        if head == "tasks", parts.count >= 4, case .name(let task) = parts[1], parts[2] == .name("results"),
            case .name(let result) = parts[3]
        {
            guard let value = taskResults[task]?[result] else { return nil }
            return Scope.select(value, Array(parts.dropFirst(4)))
        }
        var names: [String] = []
        for part in parts {
            guard case .name(let name) = part else { return nil }
            names.append(name)
        }
        return plain[names.joined(separator: ".")].map(ParamValue.string)
    }

    private static func select(_ value: ParamValue, _ rest: [ReferencePart]) -> ParamValue? {
        switch (value, rest.first, rest.count) {
        case (_, nil, _), (_, .star?, 1): return value
        case (.array(let items), .index(let index)?, 1):
            return items.indices.contains(index) ? .string(items[index]) : nil
        case (.object(let map), .name(let key)?, 1): return map[key].map(ParamValue.string)
        default: return nil
        }
    }

    /// `text` with every resolvable `$(…)` replaced; unknown references stay as written (a
    /// script's own `$(command)` substitutions included). Arrays in a string join with spaces;
    /// objects are left unreplaced.
    func substitute(_ text: String) -> String {
        guard text.contains("$(") else { return text }
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "$(") {
            output += rest[..<start.lowerBound]
            let afterOpen = rest[start.upperBound...]
            guard let close = afterOpen.firstIndex(of: ")"),
                let parts = Scope.parse(String(afterOpen[..<close])),
                let value = resolve(parts)
            else {
                output += "$("
                rest = afterOpen
                continue
            }
            switch value {
            case .string(let string): output += string
            case .array(let items): output += items.joined(separator: " ")
            case .object: output += rest[start.lowerBound...close]
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        return output + rest
    }

    /// A list field (`args`, `command`, when `values`, array params): an item that is exactly one
    /// reference to an array expands to its items; every other item is substituted as a string.
    func substitute(list: [String]) -> [String] {
        var output: [String] = []
        for item in list {
            if item.hasPrefix("$("), item.hasSuffix(")"),
                item.dropFirst(2).firstIndex(of: ")") == item.index(before: item.endIndex),
                let parts = Scope.parse(String(item.dropFirst(2).dropLast())),
                case .array(let items)? = resolve(parts)
            {
                output += items
            } else {
                output.append(substitute(item))
            }
        }
        return output
    }

    /// A parameter value given in a pipeline: a string is substituted; an array expands its items;
    /// an object substitutes its values. A string that is one reference to a whole array or object
    /// (`$(params.a[*])`) takes that value.
    func substitute(_ value: ParamValue) -> ParamValue {
        switch value {
        case .string(let text):
            if text.hasPrefix("$("), text.hasSuffix(")"),
                text.dropFirst(2).firstIndex(of: ")") == text.index(before: text.endIndex),
                let parts = Scope.parse(String(text.dropFirst(2).dropLast())),
                let resolved = resolve(parts)
            {
                return resolved
            }
            return .string(substitute(text))
        case .array(let items): return .array(substitute(list: items))
        case .object(let map): return .object(map.mapValues { substitute($0) })
        }
    }

    /// Parses the text between `$(` and `)`: dotted names, `["name"]` / `['name']`, `[*]`, `[0]`.
    static func parse(_ text: String) -> [ReferencePart]? {
        var parts: [ReferencePart] = []
        var chars = Substring(text)
        var current = ""
        func flush() {
            if !current.isEmpty { parts.append(.name(current)) }
            current = ""
        }
        while let char = chars.first {
            switch char {
            case ".":
                flush()
                chars = chars.dropFirst()
            case "[":
                flush()
                guard let close = chars.firstIndex(of: "]") else { return nil }
                let inner = chars[chars.index(after: chars.startIndex)..<close]
                if inner == "*" {
                    parts.append(.star)
                } else if let index = Int(inner) {
                    parts.append(.index(index))
                } else if inner.count >= 2, let quote = inner.first, quote == "\"" || quote == "'", inner.last == quote
                {
                    parts.append(.name(String(inner.dropFirst().dropLast())))
                } else {
                    return nil
                }
                chars = chars[chars.index(after: close)...]
            case " ", "\t", "\n", "$", "(":
                return nil
            default:
                current.append(char)
                chars = chars.dropFirst()
            }
        }
        flush()
        return parts.isEmpty ? nil : parts
    }

    /// The task results `text` references (`$(tasks.<task>.results.<result>…)`).
    static func referencedResults(in text: String) -> [ResultReference] {
        var names: [ResultReference] = []
        var rest = Substring(text)
        while let start = rest.range(of: "$(") {
            let afterOpen = rest[start.upperBound...]
            if let close = afterOpen.firstIndex(of: ")"), let parts = parse(String(afterOpen[..<close])),
                parts.count >= 4, parts[0] == .name("tasks"), case .name(let task) = parts[1],
                parts[2] == .name("results"), case .name(let result) = parts[3]
            {
                names.append(ResultReference(task: task, result: result))
            }
            rest = afterOpen
        }
        return names
    }
}

/// A reference to a result of a pipeline task: `$(tasks.<task>.results.<result>)`.
struct ResultReference: Sendable, Hashable {
    var task: String
    var result: String
}
