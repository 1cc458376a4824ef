/// A parsed CEL expression: a tree whose nodes remember where they start in the text.
indirect enum CELNode: Sendable, Hashable {
    case literal(CELValue)
    case identifier(String)
    /// `operand.field`
    case select(CELExpr, String)
    /// `operand[index]`
    case index(CELExpr, CELExpr)
    /// `name(args)` or `target.name(args)`
    case call(String, target: CELExpr?, arguments: [CELExpr])
    case list([CELExpr])
    case map([CELExpr], [CELExpr])
    /// `!x`, `-x`
    case unary(String, CELExpr)
    /// Arithmetic, comparison, `in`, `&&`, `||`.
    case binary(String, CELExpr, CELExpr)
    /// `condition ? then : else`
    case conditional(CELExpr, CELExpr, CELExpr)
}

/// A node and the character offset of the token that introduced it (the operator for binary
/// expressions, the name for calls), which is where its errors are reported.
struct CELExpr: Sendable, Hashable {
    var node: CELNode
    var offset: Int

    init(_ node: CELNode, _ offset: Int) {
        self.node = node
        self.offset = offset
    }
}

/// A recursive-descent parser of cel-spec's grammar:
///
///     Expr     = Or ["?" Or ":" Expr]
///     Or       = And {"||" And}
///     And      = Relation {"&&" Relation}
///     Relation = Addition {("<"|"<="|">="|">"|"=="|"!="|"in") Addition}
///     Addition = Multiplication {("+"|"-") Multiplication}
///     Multiplication = Unary {("*"|"/"|"%") Unary}
///     Unary    = Member | "!" {"!"} Member | "-" {"-"} Member
///     Member   = Primary {"." IDENT ["(" [Exprs] ")"] | "[" Expr "]"}
///     Primary  = ["."] IDENT ["(" [Exprs] ")"] | "(" Expr ")" | "[" [Exprs] [","] "]"
///              | "{" [MapInits] [","] "}" | LITERAL
struct CELParser {
    private let characters: [Character]
    private let tokens: [CELToken]
    private var position = 0
    private var depth = 0
    private static let maximumDepth = 100

    /// Parses a whole expression.
    static func parse(_ characters: [Character]) throws(CELError) -> CELExpr {
        var parser = CELParser(characters: characters, tokens: try CELLexer.tokens(characters))
        let expression = try parser.expression()
        guard parser.current.kind == .end else { throw parser.unexpected() }
        return expression
    }

    private init(characters: [Character], tokens: [CELToken]) {
        self.characters = characters
        self.tokens = tokens
    }

    private var current: CELToken { tokens[position] }

    private func error(_ message: String, at offset: Int) -> CELError {
        CELSource.error(message, at: offset, in: characters)
    }

    private func unexpected() -> CELError {
        switch current.kind {
        case .end: return error("syntax error: unexpected end of expression", at: current.offset)
        case .symbol(let symbol): return error("syntax error: unexpected '\(symbol)'", at: current.offset)
        case .identifier(let name): return error("syntax error: unexpected identifier '\(name)'", at: current.offset)
        default: return error("syntax error: unexpected literal", at: current.offset)
        }
    }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private mutating func accept(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ symbol: String) throws(CELError) {
        guard accept(symbol) else {
            if current.kind == .end { throw error("syntax error: missing '\(symbol)'", at: current.offset) }
            throw unexpected()
        }
    }

    private mutating func expression() throws(CELError) -> CELExpr {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("expression nests too deeply", at: current.offset) }
        let condition = try or()
        guard isSymbol("?") else { return condition }
        let offset = current.offset
        position += 1
        let then = try or()
        try expect(":")
        let otherwise = try expression()
        return CELExpr(.conditional(condition, then, otherwise), offset)
    }

    private mutating func or() throws(CELError) -> CELExpr {
        var left = try and()
        while isSymbol("||") {
            let offset = current.offset
            position += 1
            left = CELExpr(.binary("||", left, try and()), offset)
        }
        return left
    }

    private mutating func and() throws(CELError) -> CELExpr {
        var left = try relation()
        while isSymbol("&&") {
            let offset = current.offset
            position += 1
            left = CELExpr(.binary("&&", left, try relation()), offset)
        }
        return left
    }

    private mutating func relation() throws(CELError) -> CELExpr {
        var left = try addition()
        while true {
            let op: String
            switch current.kind {
            case .symbol(let s) where ["<", "<=", ">", ">=", "==", "!="].contains(s): op = s
            case .identifier("in"): op = "in"
            default: return left
            }
            let offset = current.offset
            position += 1
            left = CELExpr(.binary(op, left, try addition()), offset)
        }
    }

    private mutating func addition() throws(CELError) -> CELExpr {
        var left = try multiplication()
        while case .symbol(let op) = current.kind, op == "+" || op == "-" {
            let offset = current.offset
            position += 1
            left = CELExpr(.binary(op, left, try multiplication()), offset)
        }
        return left
    }

    private mutating func multiplication() throws(CELError) -> CELExpr {
        var left = try unary()
        while case .symbol(let op) = current.kind, op == "*" || op == "/" || op == "%" {
            let offset = current.offset
            position += 1
            left = CELExpr(.binary(op, left, try unary()), offset)
        }
        return left
    }

    private mutating func unary() throws(CELError) -> CELExpr {
        if case .symbol(let op) = current.kind, op == "!" || op == "-" {
            let offset = current.offset
            position += 1
            // A negative literal is a literal (so -9223372036854775808 is not an overflow).
            if op == "-", case .int(let value) = current.kind, !isMemberAccessAhead {
                position += 1
                return CELExpr(.literal(.int(-value)), offset)
            }
            if op == "-", case .double(let value) = current.kind, !isMemberAccessAhead {
                position += 1
                return CELExpr(.literal(.double(-value)), offset)
            }
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { throw error("expression nests too deeply", at: offset) }
            return CELExpr(.unary(op, try unary()), offset)
        }
        return try member()
    }

    private var isMemberAccessAhead: Bool {
        position + 1 < tokens.count && [.symbol("."), .symbol("[")].contains(tokens[position + 1].kind)
    }

    private mutating func member() throws(CELError) -> CELExpr {
        var operand = try primary()
        while true {
            if isSymbol(".") {
                position += 1
                guard case .identifier(let name) = current.kind else { throw unexpected() }
                let offset = current.offset
                position += 1
                if accept("(") {
                    operand = CELExpr(.call(name, target: operand, arguments: try arguments(closing: ")")), offset)
                } else {
                    operand = CELExpr(.select(operand, name), offset)
                }
            } else if isSymbol("[") {
                let offset = current.offset
                position += 1
                let index = try expression()
                try expect("]")
                operand = CELExpr(.index(operand, index), offset)
            } else {
                return operand
            }
        }
    }

    private mutating func primary() throws(CELError) -> CELExpr {
        let token = current
        switch token.kind {
        case .int(let value):
            position += 1
            return CELExpr(.literal(.int(value)), token.offset)
        case .uint(let value):
            position += 1
            return CELExpr(.literal(.uint(value)), token.offset)
        case .double(let value):
            position += 1
            return CELExpr(.literal(.double(value)), token.offset)
        case .string(let value):
            position += 1
            return CELExpr(.literal(.string(value)), token.offset)
        case .identifier(let name):
            position += 1
            switch name {
            case "true": return CELExpr(.literal(.bool(true)), token.offset)
            case "false": return CELExpr(.literal(.bool(false)), token.offset)
            case "null": return CELExpr(.literal(.null), token.offset)
            case "in": throw error("syntax error: unexpected 'in'", at: token.offset)
            default: break
            }
            if accept("(") {
                return CELExpr(.call(name, target: nil, arguments: try arguments(closing: ")")), token.offset)
            }
            return CELExpr(.identifier(name), token.offset)
        case .symbol("."):
            // A leading dot names the root scope: `.snapshot` is `snapshot`.
            position += 1
            guard case .identifier = current.kind else { throw unexpected() }
            return try primary()
        case .symbol("("):
            position += 1
            let inner = try expression()
            try expect(")")
            return inner
        case .symbol("["):
            position += 1
            return CELExpr(.list(try arguments(closing: "]")), token.offset)
        case .symbol("{"):
            position += 1
            var keys: [CELExpr] = []
            var values: [CELExpr] = []
            while !accept("}") {
                keys.append(try expression())
                try expect(":")
                values.append(try expression())
                if !accept(",") {
                    try expect("}")
                    break
                }
            }
            return CELExpr(.map(keys, values), token.offset)
        default:
            throw unexpected()
        }
    }

    /// Comma-separated expressions up to `closing` (a trailing comma is allowed in lists).
    private mutating func arguments(closing: String) throws(CELError) -> [CELExpr] {
        var items: [CELExpr] = []
        while !accept(closing) {
            items.append(try expression())
            if !accept(",") {
                try expect(closing)
                break
            }
        }
        return items
    }
}
