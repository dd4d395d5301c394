import Testing
@testable import PineLanguage
