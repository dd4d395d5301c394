import Testing
@testable import PFOptimizer
