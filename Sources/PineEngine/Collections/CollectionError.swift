/// A misuse of a collection found while a script runs. The compiled call that
/// made it turns it into a runtime error located at the call's line and bar.
enum CollectionError: Error, Equatable, CustomStringConvertible {
    /// An element index outside `0..<count`.
    case indexOutOfRange(index: Int, count: Int)
    /// A row or column index outside the matrix.
    case matrixIndexOutOfRange(what: String, index: Int, count: Int)
    /// A collection would grow beyond what TradingView allows.
    case tooLarge(what: String, count: Int, limit: Int)
    /// Two matrices whose shapes do not fit the operation.
    case shapeMismatch(String)
    /// An operation on an empty collection that needs an element.
    case empty(String)
    /// An argument outside its domain (a negative size, a bad percentage).
    case invalidArgument(String)
    /// A matrix that has no inverse.
    case singular

    var description: String {
        switch self {
        case .indexOutOfRange(let index, let count):
            return "index \(index) is out of bounds (the collection has \(count) elements)"
        case .matrixIndexOutOfRange(let what, let index, let count):
            return "\(what) index \(index) is out of bounds (the matrix has \(count) \(what)s)"
        case .tooLarge(let what, let count, let limit):
            return "\(what) of \(count) elements is larger than TradingView allows (\(limit))"
        case .shapeMismatch(let text), .empty(let text), .invalidArgument(let text):
            return text
        case .singular:
            return "the matrix is singular: it has no inverse"
        }
    }
}
