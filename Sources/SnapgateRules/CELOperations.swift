import SnapgateModel

/// CEL's equality and ordering: numbers compare across int, uint and double; values of other
/// different types are unequal (heterogeneous equality) and unordered.
enum CELCompare {
    static func equal(_ a: CELValue, _ b: CELValue) -> Bool {
        if let order = numericOrder(a, b) { return order == 0 }
        switch (a, b) {
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.map(let x), .map(let y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { equal(value, $0) } ?? false }
        default: return a == b
        }
    }

    /// -1, 0 or 1; nil when the values have no ordering (or a NaN is involved).
    static func order(_ a: CELValue, _ b: CELValue) -> Int? {
        if let order = numericOrder(a, b) { return order }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            return sign(x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars), x == y)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.timestamp(let x), .timestamp(let y)): return sign(x < y, x == y)
        case (.duration(let x), .duration(let y)): return sign(x < y, x == y)
        default: return nil
        }
    }

    private static func sign(_ less: Bool, _ same: Bool) -> Int { same ? 0 : (less ? -1 : 1) }

    private static func numericOrder(_ a: CELValue, _ b: CELValue) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return sign(x < y, x == y)
        case (.uint(let x), .uint(let y)): return sign(x < y, x == y)
        case (.int(let x), .uint(let y)): return x < 0 ? -1 : sign(UInt64(x) < y, UInt64(x) == y)
        case (.uint(let x), .int(let y)): return y < 0 ? 1 : sign(x < UInt64(y), x == UInt64(y))
        default:
            guard let x = CELNumbers.double(a), let y = CELNumbers.double(b) else { return nil }
            guard !x.isNaN, !y.isNaN else { return nil }
            return sign(x < y, x == y)
        }
    }
}

/// Numeric helpers.
enum CELNumbers {
    /// Any number as a double; nil for non-numbers.
    static func double(_ value: CELValue) -> Double? {
        switch value {
        case .int(let x): return Double(x)
        case .uint(let x): return Double(x)
        case .double(let x): return x
        default: return nil
        }
    }

    /// An int or uint usable as a list index.
    static func integerIndex(_ value: CELValue) -> Int64? {
        switch value {
        case .int(let x): return x
        case .uint(let x): return x <= UInt64(Int64.max) ? Int64(x) : nil
        default: return nil
        }
    }
}

/// `+ - * / %` on numbers, strings, lists, timestamps and durations.
enum CELArithmetic {
    enum Outcome {
        case value(CELValue)
        case noOverload
        case failure(String)
    }

    static func apply(_ op: String, _ a: CELValue, _ b: CELValue) -> Outcome {
        switch (a, b) {
        case (.int(let x), .int(let y)): return arithmetic(op, x, y).map { .value(.int($0)) } ?? failure(op, y == 0)
        case (.uint(let x), .uint(let y)): return arithmetic(op, x, y).map { .value(.uint($0)) } ?? failure(op, y == 0)
        case (.double(let x), .double(let y)):
            switch op {
            case "+": return .value(.double(x + y))
            case "-": return .value(.double(x - y))
            case "*": return .value(.double(x * y))
            case "/": return .value(.double(x / y))
            default: return .noOverload
            }
        case (.string(let x), .string(let y)) where op == "+": return .value(.string(x + y))
        case (.list(let x), .list(let y)) where op == "+": return .value(.list(x + y))
        case (.timestamp(let t), .duration(let d)) where op == "+" || op == "-":
            return .value(.timestamp(t.adding(milliseconds: op == "+" ? d : -d)))
        case (.duration(let d), .timestamp(let t)) where op == "+": return .value(.timestamp(t.adding(milliseconds: d)))
        case (.timestamp(let x), .timestamp(let y)) where op == "-":
            return .value(.duration(x.milliseconds - y.milliseconds))
        case (.duration(let x), .duration(let y)) where op == "+" || op == "-":
            return .value(.duration(op == "+" ? x + y : x - y))
        default: return .noOverload
        }
    }

    private static func failure(_ op: String, _ zero: Bool) -> Outcome {
        guard ["+", "-", "*", "/", "%"].contains(op) else { return .noOverload }
        if zero && op == "/" { return .failure("division by zero") }
        if zero && op == "%" { return .failure("modulus by zero") }
        return .failure("integer overflow")
    }

    /// `x op y` for a fixed-width integer type; nil on overflow or division by zero.
    private static func arithmetic<T: FixedWidthInteger>(_ op: String, _ x: T, _ y: T) -> T? {
        let result: (partialValue: T, overflow: Bool)
        switch op {
        case "+": result = x.addingReportingOverflow(y)
        case "-": result = x.subtractingReportingOverflow(y)
        case "*": result = x.multipliedReportingOverflow(by: y)
        case "/":
            guard y != 0 else { return nil }
            result = x.dividedReportingOverflow(by: y)
        case "%":
            guard y != 0 else { return nil }
            result = x.remainderReportingOverflow(dividingBy: y)
        default: return nil
        }
        return result.overflow ? nil : result.partialValue
    }
}

/// How values appear in messages and `string()`.
enum CELFormat {
    static func literal(_ value: CELValue) -> String {
        switch value {
        case .string(let text): return "'\(text)'"
        default: return string(value) ?? value.typeName
        }
    }

    /// CEL's `string()` conversion; nil for lists and maps.
    static func string(_ value: CELValue) -> String? {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .uint(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return text
        case .timestamp(let time): return time.rfc3339Nano
        case .duration(let ms):
            let seconds = Double(ms) / 1000
            return ms % 1000 == 0 ? "\(ms / 1000)s" : "\(seconds)s"
        case .list, .map: return nil
        }
    }
}
