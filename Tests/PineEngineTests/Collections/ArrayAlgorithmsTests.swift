@testable import PineEngine
import Testing

/// The numeric `array.*` kernels, against values worked out by the manual's definitions.
@Suite struct ArrayAlgorithmsTests {
    @Test func nthExtremesMedianMode() {
        let v: [Double] = [5, 1, .nan, 4, 4, 2]
        #expect(ArrayAlgorithms.nthLargest(v, 0) == 5)
        #expect(ArrayAlgorithms.nthLargest(v, 1) == 4)
        #expect(ArrayAlgorithms.nthSmallest(v, 1) == 2)
        #expect(ArrayAlgorithms.nthSmallest(v, 9).isNaN)
        #expect(ArrayAlgorithms.median(v) == 4)  // 1 2 4 4 5
        #expect(ArrayAlgorithms.mode(v) == 4)
        #expect(ArrayAlgorithms.mode([3, 1, 3, 1]) == 1)  // a tie: the smallest
        #expect(ArrayAlgorithms.range(v) == 4)
        #expect(ArrayAlgorithms.sum(v).isNaN)
    }

    @Test func varianceStdevCovarianceStandardize() {
        let v: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]  // mean 5, squared deviations sum 32
        #expect(ArrayAlgorithms.variance(v) == 4)
        #expect(ArrayAlgorithms.variance(v, biased: false) == 32.0 / 7)
        #expect(ArrayAlgorithms.standardDeviation(v) == 2)
        // cov([1,2,3],[1,2,5]): means 2 and 8/3; products (−1)(−5/3)+0+(1)(7/3) = 4 → 4/3 biased, 2 unbiased
        #expect(abs(ArrayAlgorithms.covariance([1, 2, 3], [1, 2, 5]) - 4.0 / 3) < 1e-12)
        #expect(abs(ArrayAlgorithms.covariance([1, 2, 3], [1, 2, 5], biased: false) - 2) < 1e-12)
        #expect(ArrayAlgorithms.covariance([1], [1, 2]).isNaN)
        #expect(ArrayAlgorithms.standardize(v).first == -1.5)
    }

    @Test func percentiles() {
        let v: [Double] = [15, 20, 35, 40, 50]
        // Nearest rank: ⌈p/100 · n⌉-th smallest.
        #expect(ArrayAlgorithms.percentileNearestRank(v, 30) == 20)  // ⌈1.5⌉ = 2
        #expect(ArrayAlgorithms.percentileNearestRank(v, 40) == 20)  // ⌈2⌉ = 2
        #expect(ArrayAlgorithms.percentileNearestRank(v, 100) == 50)
        #expect(ArrayAlgorithms.percentileNearestRank(v, 0) == 15)
        // Linear interpolation at position p/100 · (n − 1): 40% → 1.6 → 20 + 0.6 · 15 = 29
        #expect(abs(ArrayAlgorithms.percentileLinearInterpolation(v, 40) - 29) < 1e-12)
        #expect(ArrayAlgorithms.percentileLinearInterpolation(v, 100) == 50)
        // Percent rank of 35: two of the other four are ≤ 35 → 50%.
        #expect(ArrayAlgorithms.percentRank(v, 2) == 50)
        #expect(ArrayAlgorithms.percentRank(v, 4) == 100)
    }

    @Test func binarySearches() {
        let v: [Double] = [1, 3, 3, 5, 8]
        #expect(ArrayAlgorithms.binarySearch(v, 5) == 3)
        #expect(ArrayAlgorithms.binarySearch(v, 4) == -1)
        #expect(ArrayAlgorithms.binarySearchLeftmost(v, 3) == 1)
        #expect(ArrayAlgorithms.binarySearchLeftmost(v, 4) == 2)  // largest smaller than 4: index 2
        #expect(ArrayAlgorithms.binarySearchLeftmost(v, 0) == -1)
        #expect(ArrayAlgorithms.binarySearchRightmost(v, 3) == 2)
        #expect(ArrayAlgorithms.binarySearchRightmost(v, 4) == 3)  // first larger than 4: index 3
        #expect(ArrayAlgorithms.binarySearchRightmost(v, 9) == 5)
    }

    @Test func sortingKeepsNaLastAndIsStable() {
        var v: [Double] = [3, .nan, 1, 2]
        ArrayAlgorithms.sort(&v, descending: false)
        #expect(Array(v.prefix(3)) == [1, 2, 3] && v[3].isNaN)
        ArrayAlgorithms.sort(&v, descending: true)
        #expect(Array(v.prefix(3)) == [3, 2, 1] && v[3].isNaN)
        #expect(ArrayAlgorithms.sortedIndices([2, 1, 2, 0], descending: false) == [3, 1, 0, 2])
        #expect(ArrayAlgorithms.join([1, 2.5], isInt: false, separator: ", ") == "1, 2.5")
    }
}
