/// Evaluates a checked CEL tree. Errors name the operator, call or selection they arise at.
struct CELEvaluator {
    let characters: [Character]
    let variables: [String: CELValue]
    let functions: [String: CELFunction]

    func error(_ message: String, _ expr: CELExpr) -> CELError {
        CELSource.error(message, at: expr.offset, in: characters)
    }

    func noOverload(_ function: String, _ arguments: [CELValue], _ expr: CELExpr) -> CELError {
        let types = arguments.map(\.typeName).joined(separator: ", ")
        return error("no matching overload for '\(function)' applied to (\(types))", expr)
    }

    func evaluate(_ expr: CELExpr, scope: [String: CELValue]) throws(CELError) -> CELValue {
        switch expr.node {
        case .literal(let value): return value
        case .identifier(let name):
            guard let value = scope[name] ?? variables[name] else {
                throw error("undeclared reference to '\(name)'", expr)
            }
            return value
        case .select(let operand, let field):
            return try select(try evaluate(operand, scope: scope), field, expr)
        case .index(let operand, let index):
            return try self.index(try evaluate(operand, scope: scope), try evaluate(index, scope: scope), expr)
        case .list(let items):
            var values: [CELValue] = []
            for item in items { values.append(try evaluate(item, scope: scope)) }
            return .list(values)
        case .map(let keys, let values):
            var map: [String: CELValue] = [:]
            for (key, value) in zip(keys, values) {
                guard case .string(let name) = try evaluate(key, scope: scope) else {
                    throw error("map keys must be strings in this CEL subset", key)
                }
                guard map[name] == nil else { throw error("duplicate map key '\(name)'", key) }
                map[name] = try evaluate(value, scope: scope)
            }
            return .map(map)
        case .unary(let op, let operand):
            return try unary(op, try evaluate(operand, scope: scope), expr)
        case .binary("&&", let left, let right):
            return try logical(isAnd: true, left, right, expr, scope: scope)
        case .binary("||", let left, let right):
            return try logical(isAnd: false, left, right, expr, scope: scope)
        case .binary(let op, let left, let right):
            return try binary(op, try evaluate(left, scope: scope), try evaluate(right, scope: scope), expr)
        case .conditional(let condition, let then, let otherwise):
            guard case .bool(let flag) = try evaluate(condition, scope: scope) else {
                throw error("the condition of '?:' must be a bool", expr)
            }
            return try evaluate(flag ? then : otherwise, scope: scope)
        case .call(let name, let target?, let arguments) where CELBuiltins.macros.contains(name):
            return try comprehension(name, try evaluate(target, scope: scope), arguments, expr, scope: scope)
        case .call("has", nil, let arguments):
            guard arguments.count == 1, case .select(let operand, let field) = arguments[0].node else {
                throw error("invalid argument to has() macro", expr)
            }
            switch try evaluate(operand, scope: scope) {
            case .map(let map): return .bool(map[field] != nil)
            case let other: throw noOverload("has", [other], expr)
            }
        case .call(let name, let target, let arguments):
            var values: [CELValue] = []
            for argument in arguments { values.append(try evaluate(argument, scope: scope)) }
            if let target {
                return try method(name, try evaluate(target, scope: scope), values, expr)
            }
            if let function = functions[name] {
                guard values.count == function.arity, let result = function.body(values) else {
                    throw noOverload(name, values, expr)
                }
                return result
            }
            return try global(name, values, expr)
        }
    }

    /// `&&` and `||` are commutative in CEL: a decisive operand wins over an error on the other
    /// side (`false && error` and `error && false` are both false).
    private func logical(
        isAnd: Bool, _ left: CELExpr, _ right: CELExpr, _ expr: CELExpr, scope: [String: CELValue]
    ) throws(CELError) -> CELValue {
        let decisive = CELValue.bool(!isAnd)
        let first: Result<CELValue, CELError>
        do { first = .success(try evaluate(left, scope: scope)) } catch { first = .failure(error) }
        if case .success(decisive) = first { return decisive }
        let second: Result<CELValue, CELError>
        do { second = .success(try evaluate(right, scope: scope)) } catch { second = .failure(error) }
        if case .success(decisive) = second { return decisive }
        let a = try first.get()
        let b = try second.get()
        guard case .bool = a, case .bool = b else { throw noOverload(isAnd ? "&&" : "||", [a, b], expr) }
        return .bool(isAnd)
    }

    private func select(_ value: CELValue, _ field: String, _ expr: CELExpr) throws(CELError) -> CELValue {
        guard case .map(let map) = value else {
            throw error("type '\(value.typeName)' does not support field selection", expr)
        }
        guard let result = map[field] else { throw error("no such key: '\(field)'", expr) }
        return result
    }

    private func index(_ value: CELValue, _ key: CELValue, _ expr: CELExpr) throws(CELError) -> CELValue {
        switch (value, key) {
        case (.map(let map), .string(let name)):
            guard let result = map[name] else { throw error("no such key: '\(name)'", expr) }
            return result
        case (.map, _): throw error("no such key: \(CELFormat.literal(key))", expr)
        case (.list(let items), _):
            guard let position = CELNumbers.integerIndex(key) else { throw noOverload("_[_]", [value, key], expr) }
            guard position >= 0, position < items.count else { throw error("index out of range: \(position)", expr) }
            return items[Int(position)]
        default: throw noOverload("_[_]", [value, key], expr)
        }
    }

    private func unary(_ op: String, _ value: CELValue, _ expr: CELExpr) throws(CELError) -> CELValue {
        switch (op, value) {
        case ("!", .bool(let flag)): return .bool(!flag)
        case ("-", .int(let number)):
            guard number != .min else { throw error("integer overflow", expr) }
            return .int(-number)
        case ("-", .double(let number)): return .double(-number)
        case ("-", .duration(let ms)): return .duration(-ms)
        default: throw noOverload(op == "!" ? "!_" : "-_", [value], expr)
        }
    }

    private func binary(_ op: String, _ a: CELValue, _ b: CELValue, _ expr: CELExpr) throws(CELError) -> CELValue {
        switch op {
        case "==": return .bool(CELCompare.equal(a, b))
        case "!=": return .bool(!CELCompare.equal(a, b))
        case "<", "<=", ">", ">=":
            guard let order = CELCompare.order(a, b) else { throw noOverload("_\(op)_", [a, b], expr) }
            switch op {
            case "<": return .bool(order < 0)
            case "<=": return .bool(order <= 0)
            case ">": return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case "in":
            switch b {
            case .list(let items): return .bool(items.contains { CELCompare.equal(a, $0) })
            case .map(let map):
                if case .string(let key) = a { return .bool(map[key] != nil) }
                return .bool(false)
            default: throw noOverload("@in", [a, b], expr)
            }
        default:
            switch CELArithmetic.apply(op, a, b) {
            case .value(let result): return result
            case .noOverload: throw noOverload("_\(op)_", [a, b], expr)
            case .failure(let message): throw error(message, expr)
            }
        }
    }
}
