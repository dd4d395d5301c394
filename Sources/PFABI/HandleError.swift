/// A problem of a handle, as the text `pf_last_error` returns.
enum HandleError: Error, CustomStringConvertible {
    case message(String)

    var description: String {
        switch self {
        case .message(let text): return text
        }
    }
}
