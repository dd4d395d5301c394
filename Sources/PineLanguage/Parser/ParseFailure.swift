/// Thrown inside the parser after a diagnostic was recorded, to unwind to the
/// enclosing statement, which then skips to the next line.
struct ParseFailure: Error {}
