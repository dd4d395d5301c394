/// The kinds of token the lexer produces, including the layout tokens the
/// indentation pass inserts.
enum TokenKind: UInt8, Sendable, Hashable {
    case identifier, intLiteral, floatLiteral, stringLiteral, colorLiteral
    // keywords
    case kwAnd, kwOr, kwNot, kwIf, kwElse, kwFor, kwWhile, kwSwitch, kwVar, kwVarip
    case kwTrue, kwFalse, kwBreak, kwContinue
    // punctuation and operators
    case leftParen, rightParen, leftBracket, rightBracket, comma, dot, question, colon
    case plus, minus, star, slash, percent
    case equal, colonEqual, plusEqual, minusEqual, starEqual, slashEqual, percentEqual
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual, arrow
    // layout
    case newline, indent, dedent, endOfFile
    /// An invalid character or literal (already reported).
    case invalid
}
