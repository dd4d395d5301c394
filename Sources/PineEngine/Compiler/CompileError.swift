import PineLanguage

/// A script the engine cannot compile: names the file, line and column.
public struct CompileError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    /// A position inside a linked library names the library's file.
    public init(file: String, range: SourceRange, message: String) {
        self.file = LibrarySources.locate(range)?.file ?? file
        self.line = range.start.line
        self.column = range.start.column
        self.message = message
    }

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}
