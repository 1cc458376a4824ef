/// A problem with a CEL expression: a syntax error found while reading it, or an error raised
/// while evaluating it, with the place in the expression it concerns.
public struct CELError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// 1-based line of the expression (annotations may hold several lines).
    public var line: Int
    /// 1-based column within that line, in characters.
    public var column: Int

    /// Creates an error.
    public init(_ message: String, line: Int = 1, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        line > 1 ? "\(message) at line \(line), column \(column)" : "\(message) at column \(column)"
    }
}

/// A token of a CEL expression; `offset` is the index of its first character.
struct CELToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier(String)
        case int(Int64)
        case uint(UInt64)
        case double(Double)
        case string(String)
        /// An operator or punctuation mark.
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int
}

/// Splits a CEL expression into tokens (cel-spec's lexical grammar, without bytes literals).
struct CELLexer {
    private let characters: [Character]
    private var index = 0

    /// Identifiers cel-spec reserves; using one is an error.
    static let reserved: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while",
    ]

    private static let symbols = [
        "&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "?", ":", "(", ")", "[", "]", "{", "}", ".", ",", "+", "-",
        "*", "/", "%",
    ]

    init(_ characters: [Character]) {
        self.characters = characters
    }

    /// Every token of the expression, ending with `.end`.
    static func tokens(_ characters: [Character]) throws(CELError) -> [CELToken] {
        var lexer = CELLexer(characters)
        var tokens: [CELToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func error(_ message: String, at offset: Int) -> CELError {
        CELSource.error(message, at: offset, in: characters)
    }

    private func peek(_ ahead: Int = 0) -> Character? {
        index + ahead < characters.count ? characters[index + ahead] : nil
    }

    private mutating func next() throws(CELError) -> CELToken {
        skipSpaceAndComments()
        let start = index
        guard let c = peek() else { return CELToken(kind: .end, offset: start) }
        if c.isLetter || c == "_" {
            // A string prefix: r'…' (raw); b'…' would be bytes, which this subset lacks.
            if let quote = peek(1), quote == "'" || quote == "\"" {
                if c == "r" || c == "R" {
                    index += 1
                    return CELToken(kind: .string(try readString(raw: true, start: start)), offset: start)
                }
                if c == "b" || c == "B" { throw error("bytes literals are not supported", at: start) }
            }
            var name = ""
            while let d = peek(), d.isLetter || d.isNumber || d == "_", d.isASCII {
                name.append(d)
                index += 1
            }
            guard !name.isEmpty else { throw error("unexpected character '\(c)'", at: start) }
            if Self.reserved.contains(name) { throw error("reserved identifier '\(name)'", at: start) }
            return CELToken(kind: .identifier(name), offset: start)
        }
        if c.isASCII, c.isNumber { return try readNumber() }
        if c == "'" || c == "\"" {
            return CELToken(kind: .string(try readString(raw: false, start: start)), offset: start)
        }
        for symbol in Self.symbols where matches(symbol) {
            index += symbol.count
            return CELToken(kind: .symbol(symbol), offset: start)
        }
        throw error("unexpected character '\(c)'", at: start)
    }

    private func matches(_ symbol: String) -> Bool {
        for (offset, character) in symbol.enumerated() where peek(offset) != character { return false }
        return true
    }

    private mutating func skipSpaceAndComments() {
        while let c = peek() {
            if c.isWhitespace {
                index += 1
            } else if c == "/", peek(1) == "/" {
                while let d = peek(), !d.isNewline { index += 1 }
            } else {
                return
            }
        }
    }

    private mutating func readNumber() throws(CELError) -> CELToken {
        let start = index
        if peek() == "0", peek(1) == "x" || peek(1) == "X" {
            index += 2
            var digits = ""
            while let d = peek(), d.isHexDigit {
                digits.append(d)
                index += 1
            }
            return try integer(digits, radix: 16, start: start)
        }
        var text = ""
        var isDouble = false
        while let d = peek(), d.isASCII, d.isNumber {
            text.append(d)
            index += 1
        }
        if peek() == ".", let d = peek(1), d.isASCII, d.isNumber {
            isDouble = true
            text.append(".")
            index += 1
            while let d = peek(), d.isASCII, d.isNumber {
                text.append(d)
                index += 1
            }
        }
        if peek() == "e" || peek() == "E" {
            var exponent = "e"
            var ahead = 1
            if let sign = peek(1), sign == "+" || sign == "-" {
                exponent.append(sign)
                ahead = 2
            }
            if let d = peek(ahead), d.isASCII, d.isNumber {
                isDouble = true
                index += ahead
                text += exponent
                while let d = peek(), d.isASCII, d.isNumber {
                    text.append(d)
                    index += 1
                }
            }
        }
        if isDouble {
            guard let value = Double(text) else { throw error("invalid number '\(text)'", at: start) }
            return CELToken(kind: .double(value), offset: start)
        }
        return try integer(text, radix: 10, start: start)
    }

    private mutating func integer(_ digits: String, radix: Int, start: Int) throws(CELError) -> CELToken {
        guard !digits.isEmpty else { throw error("invalid number", at: start) }
        if peek() == "u" || peek() == "U" {
            index += 1
            guard let value = UInt64(digits, radix: radix) else { throw error("uint literal out of range", at: start) }
            return CELToken(kind: .uint(value), offset: start)
        }
        guard let value = Int64(digits, radix: radix) else { throw error("int literal out of range", at: start) }
        return CELToken(kind: .int(value), offset: start)
    }

    private mutating func readString(raw: Bool, start: Int) throws(CELError) -> String {
        guard let quote = peek() else { throw error("unterminated string literal", at: start) }
        let triple = peek(1) == quote && peek(2) == quote
        index += triple ? 3 : 1
        var value = ""
        while true {
            guard let c = peek() else { throw error("unterminated string literal", at: start) }
            if c == quote, !triple || (peek(1) == quote && peek(2) == quote) {
                index += triple ? 3 : 1
                return value
            }
            if c.isNewline, !triple { throw error("unterminated string literal", at: start) }
            if c == "\\", !raw {
                value.unicodeScalars.append(try readEscape())
                continue
            }
            value.append(c)
            index += 1
        }
    }

    private mutating func readEscape() throws(CELError) -> Unicode.Scalar {
        let start = index
        index += 1
        guard let c = peek() else { throw error("invalid escape sequence", at: start) }
        index += 1
        switch c {
        case "\\": return "\\"
        case "'": return "'"
        case "\"": return "\""
        case "`": return "`"
        case "?": return "?"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "a": return "\u{07}"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "x", "X": return try hexEscape(count: 2, start: start)
        case "u": return try hexEscape(count: 4, start: start)
        case "U": return try hexEscape(count: 8, start: start)
        case "0"..."3":
            var value = UInt32(String(c))!
            for _ in 0..<2 {
                guard let d = peek(), let digit = UInt32(String(d)), digit < 8 else {
                    throw error("invalid octal escape sequence", at: start)
                }
                value = value * 8 + digit
                index += 1
            }
            return Unicode.Scalar(value)!
        default: throw error("invalid escape sequence '\\\(c)'", at: start)
        }
    }

    private mutating func hexEscape(count: Int, start: Int) throws(CELError) -> Unicode.Scalar {
        var digits = ""
        for _ in 0..<count {
            guard let d = peek(), d.isHexDigit else { throw error("invalid hex escape sequence", at: start) }
            digits.append(d)
            index += 1
        }
        guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw error("invalid code point in escape sequence", at: start)
        }
        return scalar
    }
}

/// Positions in an expression's text.
enum CELSource {
    /// An error at a character offset, with its line and column.
    static func error(_ message: String, at offset: Int, in characters: [Character]) -> CELError {
        var line = 1
        var column = 1
        for character in characters.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return CELError(message, line: line, column: column)
    }
}
