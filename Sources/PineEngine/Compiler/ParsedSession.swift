import PFData
import PineLanguage

/// A session argument, parsed once per distinct text.
struct ParsedSession {
    private var text: String?
    private var value: SessionSpec?

    mutating func spec(_ name: String) -> SessionSpec? {
        if name != text {
            text = name
            value = SessionSpec.parse(name)
        }
        return value
    }
}
