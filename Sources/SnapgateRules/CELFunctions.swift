import SnapgateModel

/// CEL's standard functions, methods and comprehension macros (the subset of `CELProgram`).
extension CELEvaluator {
    func global(_ name: String, _ values: [CELValue], _ expr: CELExpr) throws(CELError) -> CELValue {
        if name == "matches", values.count == 2, case .string(let text) = values[0],
            case .string(let pattern) = values[1]
        {
            return try matches(text, pattern, expr)
        }
        guard values.count == 1 else { throw noOverload(name, values, expr) }
        switch (name, values[0]) {
        case ("size", let value): return try size(value, expr)
        case ("timestamp", .string(let text)):
            guard let time = Timestamp(rfc3339: text) else {
                throw error("timestamp: cannot parse '\(text)' as an RFC 3339 date-time", expr)
            }
            return .timestamp(time)
        case ("timestamp", .int(let seconds)):
            let (ms, overflow) = seconds.multipliedReportingOverflow(by: 1000)
            guard !overflow else { throw error("timestamp out of range", expr) }
            return .timestamp(Timestamp(milliseconds: ms))
        case ("timestamp", .timestamp(let time)): return .timestamp(time)
        case ("duration", .string(let text)):
            guard let ms = parseGoDuration(text) else { throw error("duration: cannot parse '\(text)'", expr) }
            return .duration(ms)
        case ("duration", .duration(let ms)): return .duration(ms)
        case ("string", let value):
            guard let text = CELFormat.string(value) else { throw noOverload(name, values, expr) }
            return .string(text)
        case ("int", let value): return try int(value, expr)
        case ("uint", .uint(let number)): return .uint(number)
        case ("uint", .int(let number)):
            guard number >= 0 else { throw error("uint out of range", expr) }
            return .uint(UInt64(number))
        case ("double", .string(let text)):
            guard let number = Double(text) else { throw error("double: cannot parse '\(text)'", expr) }
            return .double(number)
        case ("double", let value):
            guard let number = CELNumbers.double(value) else { throw noOverload(name, values, expr) }
            return .double(number)
        case ("bool", .bool(let flag)): return .bool(flag)
        case ("bool", .string(let text)):
            // Go's strconv.ParseBool, which cel-go uses.
            switch text {
            case "1", "t", "T", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "F", "false", "FALSE", "False": return .bool(false)
            default: throw error("bool: cannot parse '\(text)'", expr)
            }
        default: throw noOverload(name, values, expr)
        }
    }

    func method(_ name: String, _ target: CELValue, _ values: [CELValue], _ expr: CELExpr) throws(CELError) -> CELValue
    {
        if name == "size", values.isEmpty { return try size(target, expr) }
        guard values.count == 1, case .string(let text) = target, case .string(let argument) = values[0] else {
            throw noOverload(name, [target] + values, expr)
        }
        switch name {
        case "startsWith": return .bool(text.hasPrefix(argument))
        case "endsWith": return .bool(text.hasSuffix(argument))
        case "contains": return .bool(argument.isEmpty || text.contains(argument))
        case "matches": return try matches(text, argument, expr)
        default: throw noOverload(name, [target] + values, expr)
        }
    }

    private func size(_ value: CELValue, _ expr: CELExpr) throws(CELError) -> CELValue {
        switch value {
        case .string(let text): return .int(Int64(text.unicodeScalars.count))
        case .list(let items): return .int(Int64(items.count))
        case .map(let map): return .int(Int64(map.count))
        default: throw noOverload("size", [value], expr)
        }
    }

    /// RE2's `MatchString`: true when the pattern matches anywhere in the text (anchor it with
    /// `^…$` for a whole-string match). Swift's Regex stands in for RE2.
    private func matches(_ text: String, _ pattern: String, _ expr: CELExpr) throws(CELError) -> CELValue {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern)
        } catch {
            throw self.error("invalid regular expression '\(pattern)'", expr)
        }
        return .bool(text.contains(regex))
    }

    private func int(_ value: CELValue, _ expr: CELExpr) throws(CELError) -> CELValue {
        switch value {
        case .int(let number): return .int(number)
        case .uint(let number):
            guard number <= UInt64(Int64.max) else { throw error("int out of range", expr) }
            return .int(Int64(number))
        case .double(let number):
            guard number.isFinite, number > -9.2e18, number < 9.2e18 else { throw error("int out of range", expr) }
            return .int(Int64(number))
        case .string(let text):
            guard let number = Int64(text) else { throw error("int: cannot parse '\(text)'", expr) }
            return .int(number)
        case .timestamp(let time): return .int(time.seconds)
        default: throw noOverload("int", [value], expr)
        }
    }

    /// `all`, `exists`, `exists_one`, `map` and `filter` over a list's items or a map's keys.
    func comprehension(
        _ name: String, _ target: CELValue, _ arguments: [CELExpr], _ expr: CELExpr, scope: [String: CELValue]
    ) throws(CELError) -> CELValue {
        guard case .identifier(let variable) = arguments[0].node else {
            throw error("invalid arguments to the '\(name)' macro", expr)
        }
        let items: [CELValue]
        switch target {
        case .list(let values): items = values
        case .map(let map): items = map.keys.sorted().map(CELValue.string)
        default: throw noOverload(name, [target], expr)
        }
        var inner = scope
        func predicate(_ item: CELValue, _ body: CELExpr) throws(CELError) -> Bool {
            inner[variable] = item
            guard case .bool(let flag) = try evaluate(body, scope: inner) else {
                throw error("the predicate of '\(name)' must return a bool", body)
            }
            return flag
        }
        switch name {
        case "all", "exists":
            // Like `&&`/`||`: a decisive item wins over an error raised by another one.
            let decisive = name == "exists"
            var firstError: CELError?
            for item in items {
                do {
                    if try predicate(item, arguments[1]) == decisive { return .bool(decisive) }
                } catch {
                    if firstError == nil { firstError = error }
                }
            }
            if let firstError { throw firstError }
            return .bool(!decisive)
        case "exists_one":
            var count = 0
            for item in items where try predicate(item, arguments[1]) { count += 1 }
            return .bool(count == 1)
        case "filter":
            var kept: [CELValue] = []
            for item in items where try predicate(item, arguments[1]) { kept.append(item) }
            return .list(kept)
        default:  // map(x, transform) or map(x, filter, transform)
            var mapped: [CELValue] = []
            for item in items {
                if arguments.count == 3, try !predicate(item, arguments[1]) { continue }
                inner[variable] = item
                mapped.append(try evaluate(arguments[arguments.count - 1], scope: inner))
            }
            return .list(mapped)
        }
    }
}
