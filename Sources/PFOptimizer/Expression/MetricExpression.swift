import Foundation

/// A compiled expression over named variables (metric names and parameters):
/// `fast < slow`, `num_trades >= 30 and max_equity_drawdown_pct < 25`,
/// `net_profit_pct / max_equity_drawdown_pct`.
///
/// Operators: `+ - * / % ^`, comparisons `< <= > >= == !=`, `and or not`
/// (also `&& || !`), parentheses; literals: numbers, "strings", true, false,
/// na; functions: abs, min, max, sqrt, log, log10, exp, pow, round, floor,
/// ceil, nz(x[, replacement]), na(x). NaN (`na`) propagates through
/// arithmetic; comparisons with NaN are false.
public struct MetricExpression: Sendable, CustomStringConvertible {
    /// The source text.
    public let text: String
    /// The variables the expression reads, as indices into the names it was compiled against.
    public let usedVariables: [Int]
    let root: Node

    public var description: String { text }

    indirect enum Node: Sendable {
        case number(Double)
        case text(String)
        case variable(Int)
        case negate(Node)
        case not(Node)
        case binary(BinaryOp, Node, Node)
        case call(Function, [Node])
    }

    enum BinaryOp: String, Sendable {
        case add = "+", sub = "-", mul = "*", div = "/", mod = "%", pow = "^"
        case lt = "<", le = "<=", gt = ">", ge = ">=", eq = "==", ne = "!="
        case and, or
    }

    enum Function: String, Sendable, CaseIterable {
        case abs, min, max, sqrt, log, log10, exp, pow, round, floor, ceil, nz, na

        var arity: ClosedRange<Int> {
            switch self {
            case .min, .max: return 2...16
            case .pow: return 2...2
            case .nz: return 1...2
            default: return 1...1
            }
        }
    }

    /// Compiles `text`; identifiers must be among `variables`.
    public init(_ text: String, variables: [String]) throws(ExpressionError) {
        var parser = ExpressionParser(text: text, variables: variables)
        let node = try parser.parseAll()
        self.text = text
        self.root = node
        self.usedVariables = parser.used.sorted()
    }

    /// Evaluates with `value(i)` giving variable `i`.
    public func evaluate(_ value: (Int) -> ExpressionValue) -> ExpressionValue {
        Self.eval(root, value)
    }

    /// Evaluates to a number (NaN for strings).
    public func number(_ value: (Int) -> ExpressionValue) -> Double {
        evaluate(value).number
    }

    /// Evaluates as a condition.
    public func isTrue(_ value: (Int) -> ExpressionValue) -> Bool {
        evaluate(value).isTrue
    }

    private static func eval(_ node: Node, _ value: (Int) -> ExpressionValue) -> ExpressionValue {
        switch node {
        case .number(let d): return .number(d)
        case .text(let s): return .text(s)
        case .variable(let i): return value(i)
        case .negate(let a): return .number(-eval(a, value).number)
        case .not(let a): return .number(eval(a, value).isTrue ? 0 : 1)
        case .binary(let op, let a, let b):
            switch op {
            case .and:
                return .number(eval(a, value).isTrue && eval(b, value).isTrue ? 1 : 0)
            case .or:
                return .number(eval(a, value).isTrue || eval(b, value).isTrue ? 1 : 0)
            case .eq, .ne:
                let l = eval(a, value)
                let r = eval(b, value)
                let equal: Bool
                switch (l, r) {
                case (.number(let x), .number(let y)): equal = x == y
                case (.text(let x), .text(let y)): equal = x == y
                default: equal = false
                }
                return .number((op == .eq) == equal ? 1 : 0)
            default:
                let x = eval(a, value).number
                let y = eval(b, value).number
                switch op {
                case .add: return .number(x + y)
                case .sub: return .number(x - y)
                case .mul: return .number(x * y)
                case .div: return .number(x / y)
                case .mod: return .number(x.truncatingRemainder(dividingBy: y))
                case .pow: return .number(Foundation.pow(x, y))
                case .lt: return .number(x < y ? 1 : 0)
                case .le: return .number(x <= y ? 1 : 0)
                case .gt: return .number(x > y ? 1 : 0)
                case .ge: return .number(x >= y ? 1 : 0)
                default: return .number(.nan)
                }
            }
        case .call(let f, let args):
            let v = args.map { eval($0, value).number }
            let x = v.first ?? .nan
            switch f {
            case .abs: return .number(Swift.abs(x))
            case .min: return .number(v.contains(where: \.isNaN) ? .nan : v.min() ?? .nan)
            case .max: return .number(v.contains(where: \.isNaN) ? .nan : v.max() ?? .nan)
            case .sqrt: return .number(x.squareRoot())
            case .log: return .number(Foundation.log(x))
            case .log10: return .number(Foundation.log10(x))
            case .exp: return .number(Foundation.exp(x))
            case .pow: return .number(Foundation.pow(x, v.count > 1 ? v[1] : .nan))
            case .round: return .number(x.rounded())
            case .floor: return .number(x.rounded(.down))
            case .ceil: return .number(x.rounded(.up))
            case .nz: return .number(x.isNaN ? (v.count > 1 ? v[1] : 0) : x)
            case .na: return .number(x.isNaN ? 1 : 0)
            }
        }
    }
}
