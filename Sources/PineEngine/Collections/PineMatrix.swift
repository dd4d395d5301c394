/// A Pine matrix: a reference to `rows × columns` elements stored row by row.
/// `Element` is the storage of the element type (`Double` for numbers and
/// bools, `String`, or an object reference); `empty` is its `na`.
/// The shape operations here work for every element type; arithmetic and
/// linear algebra are in the `Double` extensions.
final class PineMatrix<Element> {
    /// TradingView's limit on the number of elements of a matrix.
    static var maximumElements: Int { 100_000 }

    // A matrix is used by one engine instance, one bar at a time, and no
    // access to its storage calls back into it: no dynamic exclusivity checks.
    @exclusivity(unchecked) private(set) var rows: Int
    @exclusivity(unchecked) private(set) var columns: Int
    /// The elements, row by row: element (r, c) is at `r * columns + c`.
    @exclusivity(unchecked) var elements: [Element]
    /// The element a new row or column is filled with when none is given (`na`).
    let empty: Element

    init(rows: Int, columns: Int, fill: Element, empty: Element) throws {
        guard rows >= 0, columns >= 0 else {
            throw CollectionError.invalidArgument("a matrix cannot have a negative number of rows or columns")
        }
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        if overflow || count > PineMatrix.maximumElements {
            throw CollectionError.tooLarge(what: "a matrix", count: overflow ? Int.max : count, limit: PineMatrix.maximumElements)
        }
        self.rows = rows
        self.columns = columns
        elements = Array(repeating: fill, count: count)
        self.empty = empty
    }

    init(rows: Int, columns: Int, elements: [Element], empty: Element) {
        self.rows = rows
        self.columns = columns
        self.elements = elements
        self.empty = empty
    }

    /// How many elements the matrix holds (`matrix.elements_count`).
    var count: Int { rows * columns }

    private func checkRow(_ r: Int, allowEnd: Bool = false) throws {
        guard r >= 0 && (r < rows || (allowEnd && r == rows)) else {
            throw CollectionError.matrixIndexOutOfRange(what: "row", index: r, count: rows)
        }
    }

    private func checkColumn(_ c: Int, allowEnd: Bool = false) throws {
        guard c >= 0 && (c < columns || (allowEnd && c == columns)) else {
            throw CollectionError.matrixIndexOutOfRange(what: "column", index: c, count: columns)
        }
    }

    func get(_ r: Int, _ c: Int) throws -> Element {
        try checkRow(r)
        try checkColumn(c)
        return elements[r * columns + c]
    }

    func set(_ r: Int, _ c: Int, _ value: Element) throws {
        try checkRow(r)
        try checkColumn(c)
        elements[r * columns + c] = value
    }

    /// The elements of row `r` (`matrix.row`).
    func row(_ r: Int) throws -> [Element] {
        try checkRow(r)
        return Array(elements[(r * columns)..<((r + 1) * columns)])
    }

    /// The elements of row `r`, which must exist.
    func rowSlice(_ r: Int) -> ArraySlice<Element> {
        elements[(r * columns)..<((r + 1) * columns)]
    }

    /// The elements of column `c` (`matrix.col`).
    func column(_ c: Int) throws -> [Element] {
        try checkColumn(c)
        return (0..<rows).map { elements[$0 * columns + c] }
    }

    private func checkGrowth(by added: Int) throws {
        if count + added > PineMatrix.maximumElements {
            throw CollectionError.tooLarge(what: "a matrix", count: count + added, limit: PineMatrix.maximumElements)
        }
    }

    /// Inserts a row at index `r` (`matrix.add_row`): the given values, or `na`.
    /// An empty matrix takes its width from the first row added.
    func addRow(at r: Int, _ values: [Element]?) throws {
        try checkRow(r, allowEnd: true)
        if let values {
            if rows == 0 {
                columns = values.count
            } else if values.count != columns {
                throw CollectionError.shapeMismatch(
                    "the row has \(values.count) elements but the matrix has \(columns) columns")
            }
        }
        try checkGrowth(by: columns)
        let row = values ?? Array(repeating: empty, count: columns)
        elements.insert(contentsOf: row, at: r * columns)
        rows += 1
    }

    /// Inserts a column at index `c` (`matrix.add_col`): the given values, or `na`.
    func addColumn(at c: Int, _ values: [Element]?) throws {
        try checkColumn(c, allowEnd: true)
        if let values {
            if columns == 0 {
                rows = values.count
            } else if values.count != rows {
                throw CollectionError.shapeMismatch(
                    "the column has \(values.count) elements but the matrix has \(rows) rows")
            }
        }
        try checkGrowth(by: rows)
        let column = values ?? Array(repeating: empty, count: rows)
        var out: [Element] = []
        out.reserveCapacity(rows * (columns + 1))
        for r in 0..<rows {
            for k in 0..<c { out.append(elements[r * columns + k]) }
            out.append(column[r])
            for k in c..<columns { out.append(elements[r * columns + k]) }
        }
        elements = out
        columns += 1
    }

    /// Removes row `r` and returns its elements (`matrix.remove_row`).
    @discardableResult
    func removeRow(_ r: Int) throws -> [Element] {
        let removed = try row(r)
        elements.removeSubrange((r * columns)..<((r + 1) * columns))
        rows -= 1
        if rows == 0 { columns = 0 }
        return removed
    }

    /// Removes column `c` and returns its elements (`matrix.remove_col`).
    @discardableResult
    func removeColumn(_ c: Int) throws -> [Element] {
        let removed = try column(c)
        var out: [Element] = []
        out.reserveCapacity(rows * (columns - 1))
        for r in 0..<rows {
            for k in 0..<columns where k != c { out.append(elements[r * columns + k]) }
        }
        elements = out
        columns -= 1
        if columns == 0 { rows = 0 }
        return removed
    }

    /// Clamps a `from..<to` pair of a fill or submatrix to `0...limit`.
    private static func span(_ from: Int, _ to: Int, _ limit: Int, _ what: String) throws -> Range<Int> {
        guard from >= 0, to <= limit, from <= to else {
            throw CollectionError.matrixIndexOutOfRange(what: what, index: from < 0 || from > to ? from : to, count: limit)
        }
        return from..<to
    }

    /// Sets every element of rows `fromRow..<toRow` and columns `fromColumn..<toColumn` (`matrix.fill`).
    func fill(_ value: Element, fromRow: Int, toRow: Int, fromColumn: Int, toColumn: Int) throws {
        let rs = try PineMatrix.span(fromRow, toRow, rows, "row")
        let cs = try PineMatrix.span(fromColumn, toColumn, columns, "column")
        for r in rs { for c in cs { elements[r * columns + c] = value } }
    }

    /// A new matrix of rows `fromRow..<toRow` and columns `fromColumn..<toColumn` (`matrix.submatrix`).
    func submatrix(fromRow: Int, toRow: Int, fromColumn: Int, toColumn: Int) throws -> PineMatrix<Element> {
        let rs = try PineMatrix.span(fromRow, toRow, rows, "row")
        let cs = try PineMatrix.span(fromColumn, toColumn, columns, "column")
        var out: [Element] = []
        out.reserveCapacity(rs.count * cs.count)
        for r in rs { for c in cs { out.append(elements[r * columns + c]) } }
        return PineMatrix(rows: rs.count, columns: cs.count, elements: out, empty: empty)
    }

    /// Gives the same elements, in the same row-by-row order, a new shape (`matrix.reshape`).
    func reshape(rows newRows: Int, columns newColumns: Int) throws {
        guard newRows >= 0, newColumns >= 0, newRows * newColumns == count else {
            throw CollectionError.shapeMismatch(
                "cannot reshape a \(rows)×\(columns) matrix to \(newRows)×\(newColumns): the element counts differ")
        }
        rows = newRows
        columns = newColumns
    }

    /// Reverses the order of the rows and of the columns (`matrix.reverse`): the
    /// first element becomes the last.
    func reverse() { elements.reverse() }

    /// A new matrix with rows and columns exchanged (`matrix.transpose`).
    func transposed() -> PineMatrix<Element> {
        var out: [Element] = []
        out.reserveCapacity(count)
        for c in 0..<columns { for r in 0..<rows { out.append(elements[r * columns + c]) } }
        return PineMatrix(rows: columns, columns: rows, elements: out, empty: empty)
    }

    /// Appends the rows of `other` below this matrix's (`matrix.concat`).
    func concat(_ other: PineMatrix<Element>) throws {
        if count == 0 {
            rows = other.rows
            columns = other.columns
            elements = other.elements
            return
        }
        if other.count == 0 { return }
        guard other.columns == columns else {
            throw CollectionError.shapeMismatch(
                "cannot concatenate a matrix of \(other.columns) columns to one of \(columns) columns")
        }
        try checkGrowth(by: other.count)
        elements += other.elements
        rows += other.rows
    }

    func swapRows(_ a: Int, _ b: Int) throws {
        try checkRow(a)
        try checkRow(b)
        guard a != b else { return }
        for c in 0..<columns { elements.swapAt(a * columns + c, b * columns + c) }
    }

    func swapColumns(_ a: Int, _ b: Int) throws {
        try checkColumn(a)
        try checkColumn(b)
        guard a != b else { return }
        for r in 0..<rows { elements.swapAt(r * columns + a, r * columns + b) }
    }

    /// A shallow copy (`matrix.copy`).
    func copy() -> PineMatrix<Element> {
        PineMatrix(rows: rows, columns: columns, elements: elements, empty: empty)
    }

    /// Reorders the rows by `key` applied to each row's element in `column`
    /// (`matrix.sort`); equal keys keep their order.
    func sortRows(byColumn column: Int, _ areInIncreasingOrder: (Element, Element) -> Bool) throws {
        try checkColumn(column)
        let order = (0..<rows).map { ($0, elements[$0 * columns + column]) }
        let sorted = order.enumerated().sorted { x, y in
            if areInIncreasingOrder(x.element.1, y.element.1) { return true }
            if areInIncreasingOrder(y.element.1, x.element.1) { return false }
            return x.offset < y.offset
        }
        var out: [Element] = []
        out.reserveCapacity(count)
        for (_, (r, _)) in sorted { out.append(contentsOf: elements[(r * columns)..<((r + 1) * columns)]) }
        elements = out
    }
}
