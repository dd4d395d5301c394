import Testing
@testable import PFData
