/// Why a ticker id cannot be requested.
enum TickerIDError: Error, CustomStringConvertible {
    case unreadable(String)
    case modifier(key: String, value: String)

    var description: String {
        switch self {
        case .unreadable(let t):
            return "cannot read the ticker id '\(t)'"
        case .modifier(let k, let v):
            return "the ticker id asks for \(k) \"\(v)\": pfopt requests the data file's bars as they are (plain or Heikin Ashi)"
        }
    }
}
