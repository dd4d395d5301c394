import PineLanguage

/// User-defined types: declarations, `T.new(...)`, fields read and written,
/// `copy()`, and the boxing of values into object fields and map values.
extension InstanceBuilder {
    // MARK: types

    /// The compiled type of a written type, user types and enums included.
    func valueType(of ref: TypeReference) throws -> ValueType {
        switch ref.name {
        case "int": return .int
        case "float": return .float
        case "bool": return .bool
        case "string": return .string
        case "color": return .color
        case "label", "line", "box": return .object(ref.name)
        case "table", "linefill", "polyline": return .float
        case "array":
            guard ref.arguments.count == 1 else { throw error(ref.range, "'array' takes one element type: array<float>") }
            let e = try valueType(of: ref.arguments[0])
            if case .map = e { throw error(ref.range, "an array cannot hold maps: put the map in an object field") }
            if case .matrix = e { throw error(ref.range, "an array cannot hold matrices: put the matrix in an object field") }
            if case .array = e { throw error(ref.range, "an array cannot hold arrays: put the array in an object field") }
            return .array(e)
        case "map":
            guard ref.arguments.count == 2 else { throw error(ref.range, "'map' takes a key and a value type: map<string, float>") }
            let k = try valueType(of: ref.arguments[0])
            let v = try valueType(of: ref.arguments[1])
            try checkMapTypes(k, v, ref.range)
            return .map(k, v)
        case "matrix":
            guard ref.arguments.count == 1 else { throw error(ref.range, "'matrix' takes one element type: matrix<float>") }
            let e = try valueType(of: ref.arguments[0])
            switch e {
            case .array, .map, .matrix:
                throw error(ref.range, "a matrix cannot hold \(e) values: put the collection in an object field")
            default: break
            }
            return .matrix(e)
        default:
            if userTypes.types[ref.name] != nil { return .object(ref.name) }
            if userTypes.enums[ref.name] != nil { return .enumeration(ref.name) }
            throw error(ref.range, "the type '\(ref.name)' is not supported yet")
        }
    }

    func checkMapTypes(_ k: ValueType, _ v: ValueType, _ range: SourceRange) throws {
        switch k {
        case .int, .float, .bool, .string, .color, .enumeration: break
        default: throw error(range, "a map key must be int, float, bool, string, color or an enum, not \(k)")
        }
        switch v {
        case .map, .matrix, .array: throw error(range, "a map cannot hold collections directly: put it in an object field")
        default: break
        }
    }

    /// Registers `type Name` and its fields (a field may have the type being declared).
    func declareType(_ t: TypeDeclaration, _ range: SourceRange) throws {
        guard userTypes.types[t.name.text] == nil, userTypes.enums[t.name.text] == nil else {
            throw error(t.name.range, "the type '\(t.name.text)' is already declared")
        }
        userTypes.types[t.name.text] = UserTypeTable.UserType(name: t.name.text)
        var fields: [UserTypeTable.Field] = []
        for f in t.fields {
            if fields.contains(where: { $0.name == f.name.text }) {
                throw error(f.name.range, "the field '\(f.name.text)' is already declared in type '\(t.name.text)'")
            }
            fields.append(UserTypeTable.Field(name: f.name.text, type: try valueType(of: f.type), defaultValue: f.defaultValue))
        }
        userTypes.types[t.name.text]?.fields = fields
    }

    // MARK: references

    /// A reference-valued closure for `v`, which must be of type `expected` (or `na`).
    func reference(_ v: CompiledValue, _ expected: ValueType?, _ range: SourceRange) throws -> RefFn {
        switch v {
        case .ref(let f, let t):
            if let expected, t != expected {
                throw error(range, "expected a value of type \(expected) here, found \(t)")
            }
            return f
        case .na:
            return { _ in nil }
        case .num(_, _, let c) where c?.isNaN == true:
            return { _ in nil }
        default:
            throw error(range, "expected \(expected.map { "a value of type \($0)" } ?? "an object") here, found \(v.type)")
        }
    }

    /// A closure giving `v` as a field or map value of type `t`.
    func boxer(_ v: CompiledValue, as t: ValueType, _ range: SourceRange) throws -> (Runtime) throws -> PineValue {
        if t.isReference {
            let f = try reference(v, t, range)
            return { rt in .reference(try f(rt)) }
        }
        switch t {
        case .string:
            let f = try string(v, range)
            return { rt in .text(try f(rt)) }
        case .array(let e):
            if case .na = v { return { _ in .reference(nil) } }
            if case .array(_, let got) = v, got != e && !(e == .float && got == .int) {
                throw error(range, "expected an array<\(e)> here, found array<\(got)>")
            }
            let f = try arrayValue(v, range)
            return { rt in
                let a = try f(rt)
                return .reference(a.isNa ? nil : a)
            }
        default:
            let f = try numericField(v, as: t, range)
            return { rt in .number(try f(rt)) }
        }
    }

    /// A closure giving `v` as the number stored in a field or map value of
    /// the numeric type `t` (int, float, bool, color, an enum): an int is
    /// truncated toward zero.
    func numericField(_ v: CompiledValue, as t: ValueType, _ range: SourceRange) throws -> NumFn {
        if case .enumeration(let name) = t {
            if case .num(_, let got, _) = v, got != t, got != .float || v.constNumber?.isNaN != true {
                throw error(range, "expected a member of enum \(name) here, found \(got)")
            }
            return try number(v, range)
        }
        if v.type.isReference || v.type == .string {
            throw error(range, "expected a value of type \(t) here, found \(v.type)")
        }
        let f = try number(v, range)
        if t == .int {
            return { rt in
                let x = try f(rt)
                return x.isNaN ? x : x.rounded(.towardZero)
            }
        }
        return f
    }

    /// The compiled value of a stored `PineValue` of type `t`.
    func unboxed(_ f: @escaping (Runtime) throws -> PineValue, _ t: ValueType, _ range: SourceRange) -> CompiledValue {
        if t.isReference { return .ref({ rt in try f(rt).reference }, t) }
        switch t {
        case .string: return .str({ rt in try f(rt).text }, nil)
        case .bool: return .bool({ rt in let x = try f(rt).number; return !x.isNaN && x != 0 }, nil)
        case .array(let e):
            return .array(
                { rt in
                    guard let o = try f(rt).reference else { return PineArray.na }
                    return unsafeDowncast(o, to: PineArray.self)
                }, e)
        default: return .num({ rt in try f(rt).number }, t, nil)
        }
    }

    /// The object `f` gives, or a located error when it is `na`.
    static func object(
        _ f: RefFn, _ rt: Runtime, _ range: SourceRange, _ what: @autoclosure () -> String
    ) throws -> PineObject {
        guard let o = try f(rt) else {
            let what = what()
            throw rt.error("\(what) of an na object: the object was never created (use \(what.hasPrefix("reading") ? "na(x)" : "x := T.new()") first)", line: range.start.line, column: range.start.column)
        }
        return unsafeDowncast(o, to: PineObject.self)
    }

    // MARK: construction

    /// `T.new(...)`, `T.copy(x)`: nil when `name` is not a user type's function.
    func compileTypeFunction(_ name: String, _ call: Call, _ range: SourceRange) throws -> CompiledValue? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let typeName = String(name[..<dot])
        let function = String(name[name.index(after: dot)...])
        guard let type = userTypes.types[typeName] else { return nil }
        switch function {
        case "new": return try compileNew(type, call, range)
        case "copy":
            guard call.arguments.count == 1 else { throw error(range, "\(name)() takes one argument: the object to copy") }
            let f = try reference(compile(call.arguments[0].value), .object(typeName), call.arguments[0].value.range)
            return .ref({ rt in try InstanceBuilder.object(f, rt, range, "copying").copy() }, .object(typeName))
        default:
            throw error(call.callee.range, "type '\(typeName)' has no function '\(function)' (use \(typeName).new(...) or \(typeName).copy(x))")
        }
    }

    private func compileNew(_ type: UserTypeTable.UserType, _ call: Call, _ range: SourceRange) throws -> CompiledValue {
        var given: [Expression?] = Array(repeating: nil, count: type.fields.count)
        var position = 0
        for arg in call.arguments {
            if let label = arg.label {
                guard let i = type.index(of: label) else {
                    let names = type.fields.map(\.name).joined(separator: ", ")
                    throw error(arg.labelRange ?? arg.range, "type '\(type.name)' has no field '\(label)' (its fields: \(names))")
                }
                if given[i] != nil { throw error(arg.range, "the field '\(label)' is given twice") }
                given[i] = arg.value
            } else {
                guard position < given.count else {
                    throw error(arg.range, "\(type.name).new() takes at most \(given.count) arguments, one per field")
                }
                given[position] = arg.value
                position += 1
            }
        }
        var boxes: [(Runtime) throws -> PineValue] = []
        for (i, field) in type.fields.enumerated() {
            if let e = given[i] ?? field.defaultValue {
                boxes.append(try boxer(compile(e), as: field.type, e.range))
            } else {
                let empty = InstanceBuilder.emptyValue(field.type)
                boxes.append({ _ in empty })
            }
        }
        let count = boxes.count
        return .ref(
            { rt in
                var fields: [PineValue] = []
                fields.reserveCapacity(count)
                for b in boxes { fields.append(try b(rt)) }
                return PineObject(fields: fields)
            }, .object(type.name))
    }

    /// The `na` of a field or map value of type `t`.
    static func emptyValue(_ t: ValueType) -> PineValue {
        if t.isReference { return .reference(nil) }
        switch t {
        case .string: return .text("")
        case .array: return .reference(nil)
        default: return .number(.nan)
        }
    }

    // MARK: fields

    /// `base.name` when `base` is a value: a field of an object, or nil when the
    /// expression is a dotted built-in name (`strategy.long`) or an enum member.
    func compileMember(_ base: Expression, _ name: String, _ range: SourceRange) throws -> CompiledValue? {
        if let dotted = base.dottedName {
            if let e = userTypes.enums[dotted] {
                guard let k = e.ordinal(of: name) else {
                    throw error(range, "enum '\(dotted)' has no member '\(name)' (its members: \(e.members.joined(separator: ", ")))")
                }
                return .num({ _ in Double(k) }, .enumeration(dotted), Double(k))
            }
            let root = dotted.split(separator: ".").first.map(String.init) ?? dotted
            guard lookup(root) != nil else { return nil }
        }
        let value = try compile(base)
        return try fieldRead(value, base.range, name, range, base: base)
    }

    func fieldRead(_ value: CompiledValue, _ baseRange: SourceRange, _ name: String, _ range: SourceRange, base: Expression? = nil) throws -> CompiledValue {
        guard case .ref(let f, .object(let typeName)) = value, let type = userTypes.types[typeName] else {
            throw error(range, "a value of type \(value.type) has no field '\(name)'")
        }
        guard let i = type.index(of: name) else {
            let names = type.fields.map(\.name).joined(separator: ", ")
            throw error(range, "type '\(typeName)' has no field '\(name)' (its fields: \(names))")
        }
        // The message is built once here: the closure runs on every bar.
        let what = "reading the field '\(name)'"
        let t = type.fields[i].type
        if t.isNumeric || t == .bool || t.isEnumeration {
            // A number is read in place from the object, itself read in place
            // from its variable when the base is one (no reference counting).
            if let cell = objectCell(base) {
                if t == .bool {
                    return .bool({ rt in let x = try InstanceBuilder.object(in: cell, rt, range, what).number(i); return !x.isNaN && x != 0 }, nil)
                }
                return .num({ rt in try InstanceBuilder.object(in: cell, rt, range, what).number(i) }, t, nil)
            }
            if t == .bool {
                return .bool({ rt in let x = try InstanceBuilder.object(f, rt, range, what).number(i); return !x.isNaN && x != 0 }, nil)
            }
            return .num({ rt in try InstanceBuilder.object(f, rt, range, what).number(i) }, t, nil)
        }
        return unboxed({ rt in try InstanceBuilder.object(f, rt, range, what)[i] }, t, range)
    }

    /// The cell of the variable `base` names when it holds an object: field
    /// accesses read the object from it in place. Nil for any other expression.
    func objectCell(_ base: Expression?) -> UnsafeMutablePointer<AnyObject?>? {
        guard let base, case .identifier(let name) = base.kind, case .reference(.cell(let cell), .object)? = lookup(name) else { return nil }
        return cell
    }

    /// The object held in `cell`, or a located error when it is `na`.
    @inline(__always)
    static func object(
        in cell: UnsafeMutablePointer<AnyObject?>, _ rt: Runtime, _ range: SourceRange, _ what: @autoclosure () -> String
    ) throws -> PineObject {
        guard let o = cell.pointee else { return try object({ _ in nil }, rt, range, what()) }
        return unsafeDowncast(o, to: PineObject.self)
    }

    /// `obj.field := value` (and `+=` & co.).
    func compileFieldAssignment(_ a: Assignment, _ range: SourceRange) throws -> ExecFn {
        guard case .member(let base, let name, _) = a.target.kind else {
            throw error(a.target.range, "only variables and object fields can be assigned to")
        }
        let object = try compile(base)
        guard case .ref(let f, .object(let typeName)) = object, let type = userTypes.types[typeName] else {
            throw error(a.target.range, "cannot assign to '\(a.target.dottedName ?? name)': a value of type \(object.type) has no fields")
        }
        guard let i = type.index(of: name) else {
            let names = type.fields.map(\.name).joined(separator: ", ")
            throw error(a.target.range, "type '\(typeName)' has no field '\(name)' (its fields: \(names))")
        }
        var value = try compile(a.value)
        if let op = a.op.binaryOperator {
            value = try compile(Expression(.binary(op, a.target, a.value), range: range))
        }
        let target = a.target.range
        let what = "assigning the field '\(name)'"
        let t = type.fields[i].type
        if t.isNumeric || t == .bool || t.isEnumeration {
            let number = try numericField(value, as: t, a.value.range)
            if let cell = objectCell(base) {
                return { rt in
                    let v = try number(rt)
                    try InstanceBuilder.object(in: cell, rt, target, what).setNumber(v, i)
                    return .normal
                }
            }
            return { rt in
                let v = try number(rt)
                try InstanceBuilder.object(f, rt, target, what).setNumber(v, i)
                return .normal
            }
        }
        let box = try boxer(value, as: t, a.value.range)
        return { rt in
            let v = try box(rt)
            try InstanceBuilder.object(f, rt, target, what)[i] = v
            return .normal
        }
    }
}
