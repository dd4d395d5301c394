import Testing
@testable import PineEngine
