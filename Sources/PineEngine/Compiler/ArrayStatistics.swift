import PineLanguage

/// `array.*` statistics, searches and transforms of numeric arrays (and
/// `array.concat`/`array.join` of any array), on the kernels of `ArrayAlgorithms`.
enum ArrayStatistics {
    private static func numbers(_ values: [Double]) -> PineArray {
        let a = PineArray(count: 0, fill: 0)
        a.values = values
        return a
    }

    private static func biased(_ a: BoundArguments, _ i: Int) throws -> BoolFn {
        try a.bool(i, default: true)
    }

    static func register(into t: inout [String: BuiltinImplementation]) {
        for (name, largest) in [("array.max", true), ("array.min", false)] {
            t[name] = BuiltinImplementation { a in
                let (f, e) = try a.builder.numericArray(a.value(0), a.range(0), function: a.name)
                let nth = try a.int(1, default: 0)
                return .num({ rt in
                    let v = try f(rt).values
                    let k = try nth(rt)
                    return largest ? ArrayAlgorithms.nthLargest(v, k) : ArrayAlgorithms.nthSmallest(v, k)
                }, e, nil)
            }
        }
        for (name, variance) in [("array.stdev", false), ("array.variance", true)] {
            t[name] = BuiltinImplementation { a in
                let (f, _) = try a.builder.numericArray(a.value(0), a.range(0), function: a.name)
                let b = try biased(a, 1)
                return .num({ rt in
                    let v = try f(rt).values
                    let isBiased = try b(rt)
                    return variance ? ArrayAlgorithms.variance(v, biased: isBiased) : ArrayAlgorithms.standardDeviation(v, biased: isBiased)
                }, .float, nil)
            }
        }
        t["array.covariance"] = BuiltinImplementation { a in
            let (f, _) = try a.builder.numericArray(a.value(0), a.range(0), function: a.name)
            let (g, _) = try a.builder.numericArray(a.value(1), a.range(1), function: a.name)
            let b = try biased(a, 2)
            return .num({ rt in ArrayAlgorithms.covariance(try f(rt).values, try g(rt).values, biased: try b(rt)) }, .float, nil)
        }
        t["array.mode"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.numericArray(a.value(0), a.range(0), function: a.name)
            return .num({ rt in ArrayAlgorithms.mode(try f(rt).values) }, e, nil)
        }
        let percentiles: [(String, ([Double], Double) -> Double)] = [
            ("array.percentile_linear_interpolation", ArrayAlgorithms.percentileLinearInterpolation),
            ("array.percentile_nearest_rank", ArrayAlgorithms.percentileNearestRank),
        ]
        for (name, kernel) in percentiles {
            t[name] = BuiltinImplementation { a in
                let (f, e) = try a.builder.numericArray(a.value(0), a.range(0), function: a.name)
                let p = try a.num(1)
                return .num({ rt in kernel(try f(rt).values, try p(rt)) }, name.hasSuffix("rank") ? e : .float, nil)
            }
        }
        t["array.percentrank"] = BuiltinImplementation { a in
            let (f, _) = try a.builder.numericArray(a.value(0), a.range(0), function: a.name)
            let i = try a.int(1)
            return .num({ rt in ArrayAlgorithms.percentRank(try f(rt).values, try i(rt)) }, .float, nil)
        }
        let searches: [(String, ([Double], Double) -> Int)] = [
            ("array.binary_search", ArrayAlgorithms.binarySearch),
            ("array.binary_search_leftmost", ArrayAlgorithms.binarySearchLeftmost),
            ("array.binary_search_rightmost", ArrayAlgorithms.binarySearchRightmost),
        ]
        for (name, kernel) in searches {
            t[name] = BuiltinImplementation { a in
                let (f, _) = try a.builder.numericArray(a.value(0), a.range(0), function: a.name)
                let x = try a.num(1)
                return .num({ rt in Double(kernel(try f(rt).values, try x(rt))) }, .int, nil)
            }
        }
        t["array.abs"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.numericArray(a.value(0), a.range(0), function: a.name)
            return .array({ rt in numbers(ArrayAlgorithms.absolute(try f(rt).values)) }, e)
        }
        t["array.standardize"] = BuiltinImplementation { a in
            let (f, _) = try a.builder.numericArray(a.value(0), a.range(0), function: a.name)
            return .array({ rt in numbers(ArrayAlgorithms.standardize(try f(rt).values)) }, .float)
        }
        t["array.sort_indices"] = BuiltinImplementation { a in
            let (f, _) = try a.builder.array(a.value(0), a.range(0))
            let isDescending = try a.builder.sortDescending(a.has(1) ? a.value(1) : nil, a.range(1))
            return .array({ rt in
                let arr = try f(rt)
                let descending = try isDescending(rt)
                if arr.holdsStrings {
                    let s = arr.strings
                    return numbers(s.indices.sorted { descending ? s[$0] > s[$1] : s[$0] < s[$1] }.map(Double.init))
                }
                return numbers(ArrayAlgorithms.sortedIndices(arr.values, descending: descending).map(Double.init))
            }, .int)
        }
        for (name, all) in [("array.every", true), ("array.some", false)] {
            t[name] = BuiltinImplementation { a in
                let (f, _) = try a.builder.array(a.value(0), a.range(0))
                return .bool({ rt in
                    let v = try f(rt).values
                    let truthy: (Double) -> Bool = { !$0.isNaN && $0 != 0 }
                    return all ? !v.isEmpty && v.allSatisfy(truthy) : v.contains(where: truthy)
                }, nil)
            }
        }
        t["array.concat"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.array(a.value(0), a.range(0))
            let (g, _) = try a.builder.array(a.value(1), a.range(1))
            let at = a.range.start
            return .array({ rt in
                let x = try f(rt)
                let y = try g(rt)
                if x.count + y.count > ArrayFunctions.maximumSize {
                    throw rt.error(
                        "array.concat(): an array of \(x.count + y.count) elements is larger than TradingView allows (\(ArrayFunctions.maximumSize))",
                        line: at.line, column: at.column)
                }
                if x.holdsStrings { x.strings += y.strings } else { x.values += y.values }
                return x
            }, e)
        }
        t["array.join"] = BuiltinImplementation { a in
            let (f, e) = try a.builder.array(a.value(0), a.range(0))
            let separator: StrFn = a.has(1) ? try a.str(1) : { _ in "" }
            return .str({ rt in
                let arr = try f(rt)
                let s = try separator(rt)
                if arr.holdsStrings { return arr.strings.joined(separator: s) }
                if e == .bool { return arr.values.map { $0 != 0 ? "true" : "false" }.joined(separator: s) }
                return ArrayAlgorithms.join(arr.values, isInt: e == .int, separator: s)
            }, nil)
        }
    }
}
