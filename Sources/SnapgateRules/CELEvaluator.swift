/// A function the host adds to CEL's standard ones (`updatedComponentIs`, `shouldRelease`).
public struct CELFunction: Sendable {
    /// How many arguments it takes.
    public var arity: Int
    /// The result, or nil when the arguments have types the function does not accept.
    public var body: @Sendable ([CELValue]) -> CELValue?

    /// Creates a function.
    public init(arity: Int, _ body: @escaping @Sendable ([CELValue]) -> CELValue?) {
        self.arity = arity
        self.body = body
    }
}

/// A CEL expression, read once and evaluated against variables and host functions.
///
/// The subset snapgate implements is what ReleasePlan auto-release expressions use (SPEC.md
/// §5.2): literals, lists and maps, field selection and indexing, `has()`, the comprehension
/// macros (`all`, `exists`, `exists_one`, `map`, `filter`), logical operators with CEL's
/// error-absorbing `&&`/`||`, comparisons, arithmetic (with timestamps and durations), `in`,
/// the conditional operator, the string methods `startsWith`, `endsWith`, `contains`,
/// `matches`, `size()`, and the conversions `timestamp`, `duration`, `string`, `int`, `double`.
public struct CELProgram: Sendable {
    /// The expression's text.
    public let text: String
    let characters: [Character]
    let root: CELExpr

    /// Reads an expression; a syntax error names its position.
    public init(_ text: String) throws(CELError) {
        self.text = text
        characters = Array(text)
        root = try CELParser.parse(characters)
    }

    /// Checks what upstream's compiler checks before evaluating: every identifier is a declared
    /// variable (or a comprehension's own), every function and method exists.
    public func check(variables: Set<String>, functions: Set<String>) throws(CELError) {
        var checker = CELChecker(characters: characters, variables: variables, functions: functions)
        try checker.check(root, bound: [])
    }

    /// Evaluates the expression (after `check`).
    public func evaluate(variables: [String: CELValue], functions: [String: CELFunction]) throws(CELError) -> CELValue {
        try check(variables: Set(variables.keys), functions: Set(functions.keys))
        let evaluator = CELEvaluator(characters: characters, variables: variables, functions: functions)
        return try evaluator.evaluate(root, scope: [:])
    }

    /// Evaluates an expression that must yield a bool (an auto-release expression).
    public func evaluateCondition(
        variables: [String: CELValue], functions: [String: CELFunction]
    ) throws(CELError) -> Bool {
        let value = try evaluate(variables: variables, functions: functions)
        guard case .bool(let result) = value else {
            throw CELError("the expression must return a bool, not \(value.typeName)", column: 1)
        }
        return result
    }
}

/// Names the standard library provides.
enum CELBuiltins {
    static let globalFunctions: Set<String> = [
        "size", "timestamp", "duration", "string", "int", "uint", "double", "bool", "matches", "has",
    ]
    static let methods: Set<String> = ["startsWith", "endsWith", "contains", "matches", "size"]
    static let macros: Set<String> = ["all", "exists", "exists_one", "map", "filter"]
}

/// The static check of `CELProgram.check`.
struct CELChecker {
    let characters: [Character]
    let variables: Set<String>
    let functions: Set<String>

    mutating func check(_ expr: CELExpr, bound: Set<String>) throws(CELError) {
        switch expr.node {
        case .literal: return
        case .identifier(let name):
            guard bound.contains(name) || variables.contains(name) else {
                throw CELSource.error("undeclared reference to '\(name)'", at: expr.offset, in: characters)
            }
        case .select(let operand, _): try check(operand, bound: bound)
        case .index(let operand, let index):
            try check(operand, bound: bound)
            try check(index, bound: bound)
        case .call(let name, let target?, let arguments):
            try check(target, bound: bound)
            if CELBuiltins.macros.contains(name) {
                guard (2...3).contains(arguments.count), case .identifier(let variable) = arguments[0].node,
                    name == "map" || arguments.count == 2
                else {
                    throw CELSource.error("invalid arguments to the '\(name)' macro", at: expr.offset, in: characters)
                }
                for argument in arguments.dropFirst() { try check(argument, bound: bound.union([variable])) }
                return
            }
            guard CELBuiltins.methods.contains(name) else {
                throw CELSource.error("undeclared reference to method '\(name)'", at: expr.offset, in: characters)
            }
            for argument in arguments { try check(argument, bound: bound) }
        case .call(let name, nil, let arguments):
            guard CELBuiltins.globalFunctions.contains(name) || functions.contains(name) else {
                throw CELSource.error("undeclared reference to function '\(name)'", at: expr.offset, in: characters)
            }
            if name == "has" {
                guard arguments.count == 1, case .select = arguments[0].node else {
                    throw CELSource.error("invalid argument to has() macro", at: expr.offset, in: characters)
                }
            }
            for argument in arguments { try check(argument, bound: bound) }
        case .list(let items):
            for item in items { try check(item, bound: bound) }
        case .map(let keys, let values):
            for item in keys + values { try check(item, bound: bound) }
        case .unary(_, let operand): try check(operand, bound: bound)
        case .binary(_, let left, let right):
            try check(left, bound: bound)
            try check(right, bound: bound)
        case .conditional(let condition, let then, let otherwise):
            try check(condition, bound: bound)
            try check(then, bound: bound)
            try check(otherwise, bound: bound)
        }
    }
}
