import PineLanguage

/// Enums, user methods with overloads by their first parameter's type, and
/// the method syntax on objects, collections and strings.
extension InstanceBuilder {
    func declareEnum(_ e: EnumDeclaration) throws {
        guard userTypes.enums[e.name.text] == nil, userTypes.types[e.name.text] == nil else {
            throw error(e.name.range, "the type '\(e.name.text)' is already declared")
        }
        var members: [String] = []
        var titles: [String] = []
        for m in e.members {
            if members.contains(m.name.text) { throw error(m.name.range, "the member '\(m.name.text)' is already declared") }
            members.append(m.name.text)
            if let t = m.title {
                guard case .stringLiteral(let s) = t.kind else { throw error(t.range, "an enum member's title must be a string literal") }
                titles.append(s)
            } else {
                titles.append(m.name.text)
            }
        }
        userTypes.enums[e.name.text] = UserTypeTable.EnumType(name: e.name.text, members: members, titles: titles)
    }

    func declareMethod(_ f: FunctionDeclaration) throws {
        guard let first = f.parameters.first else {
            throw error(f.name.range, "a method needs a first parameter: the value it is called on")
        }
        if let t = first.type { _ = try valueType(of: t) }
        userTypes.methods[f.name.text, default: []].append(f)
    }

    /// The overload of a user method whose first parameter fits `receiver`.
    private func method(_ name: String, for receiver: ValueType) throws -> FunctionDeclaration? {
        guard let overloads = userTypes.methods[name] else { return nil }
        var untyped: FunctionDeclaration?
        for f in overloads {
            guard let written = f.parameters.first?.type else {
                untyped = untyped ?? f
                continue
            }
            let t = try valueType(of: written)
            if t == receiver || (t == .float && receiver == .int) { return f }
        }
        return untyped
    }

    /// `receiver.name(...)`: a user method, or a built-in of the receiver's type; nil
    /// for numeric and string arrays (the caller's built-in path).
    func compileMethodCall(
        _ receiver: CompiledValue, _ base: Expression, _ name: String, _ call: Call, _ range: SourceRange
    ) throws -> CompiledValue? {
        let baseRange = base.range
        if let f = try method(name, for: receiver.type) {
            return try inline(f, call, range, receiver: receiver)
        }
        let given = (receiver, baseRange)
        switch receiver.type {
        case .object(let typeName) where DrawingFunctions.types.contains(typeName):
            return try DrawingFunctions.compile(typeName + "." + name, call, receiver: (receiver, baseRange), builder: self, range)
        case .object(let typeName):
            guard name == "copy", call.arguments.isEmpty else {
                throw error(call.callee.range, "type '\(typeName)' has no method '\(name)'")
            }
            let f = try reference(receiver, nil, baseRange)
            return .ref({ rt in try InstanceBuilder.object(f, rt, range, "copying").copy() }, receiver.type)
        case .map:
            return try collectionCall("map." + name, call, range, receiver: given)
        case .matrix:
            return try collectionCall("matrix." + name, call, range, receiver: given)
        case .array(let e) where e.isReference:
            return try collectionCall("array." + name, call, range, receiver: given)
        case .string:
            guard let fn = Builtins.function(named: "str." + name), let implementation = BuiltinLibrary.functions["str." + name] else {
                throw error(call.callee.range, "a string has no method '\(name)'")
            }
            return try invoke(fn, implementation, call: call, receiver: (receiver, base), range)
        case .array:
            return nil
        case .float where VisualFunctions.displayOnlyMethods.contains(name) && userTypes.methods[name] == nil:
            // Nothing to draw, but the receiver still runs (`fills.shift().delete()` shifts).
            return sequence(effect(receiver), .na)
        default:
            if userTypes.methods[name] != nil {
                throw error(call.callee.range, "no method '\(name)' takes a \(receiver.type) as its first parameter")
            }
            throw error(call.callee.range, "a value of type \(receiver.type) has no method '\(name)'")
        }
    }

    /// `map.*`, `matrix.*`, `array.*` on objects with compiled arguments.
    private func collectionCall(
        _ name: String, _ call: Call, _ range: SourceRange, receiver: (CompiledValue, SourceRange)?
    ) throws -> CompiledValue {
        if let parameters = MapFunctions.parameters[name] {
            return try MapFunctions.compile(ReferenceCall(builder: self, name: name, parameters: parameters, call: call, receiver: receiver, range: range))
        }
        if let parameters = MatrixFunctions.parameters[name] {
            return try MatrixFunctions.compile(ReferenceCall(builder: self, name: name, parameters: parameters, call: call, receiver: receiver, range: range))
        }
        if let parameters = ObjectArrayFunctions.parameters[name] {
            return try ObjectArrayFunctions.compile(ReferenceCall(builder: self, name: name, parameters: parameters, call: call, receiver: receiver, range: range))
        }
        throw error(call.callee.range, "\(name)() is not supported yet")
    }

    /// A call by name that is not a built-in of the engine's library: `T.new`,
    /// `T.copy`, a user method called as a function. Nil otherwise.
    func compileUserTypeCall(_ name: String, _ call: Call, _ range: SourceRange) throws -> CompiledValue? {
        if let v = try compileTypeFunction(name, call, range) { return v }
        if let v = try DrawingFunctions.compile(name, call, receiver: nil, builder: self, range) { return v }
        if userTypes.methods[name] != nil, let first = call.arguments.first, first.label == nil {
            let receiver = try compile(first.value)
            guard let f = try method(name, for: receiver.type) else {
                throw error(first.value.range, "no method '\(name)' takes a \(receiver.type) as its first parameter")
            }
            let rest = Call(callee: call.callee, typeArguments: call.typeArguments, arguments: Array(call.arguments.dropFirst()))
            return try inline(f, rest, range, receiver: receiver)
        }
        return nil
    }

    /// A built-in called with references: `na(obj)`, `array.new<T>()` of
    /// objects, `array.*` on an array of objects. Nil for every other call.
    func compileReferenceBuiltin(_ name: String, _ bound: BoundArguments) throws -> CompiledValue? {
        let first: CompiledValue? = bound.values.first ?? nil
        if name == "na", let v = first, let isNa = referenceIsNa(v) { return isNa }
        if name == "array.new", let t = bound.typeArguments.first {
            let element = try valueType(of: t)
            if element.isReference { return try ObjectArrayFunctions.compileNew(ReferenceCall(bound: bound), element: element) }
            return nil
        }
        guard let v = first, case .ref(_, let t) = v else { return nil }
        if name == "array.from", t.isReference, case .object = t {
            return try ObjectArrayFunctions.compileFrom(ReferenceCall(bound: bound), element: t)
        }
        if name.hasPrefix("array."), case .array = t {
            guard ObjectArrayFunctions.parameters[name] != nil else {
                throw error(bound.range, "\(name)() is not supported on arrays of objects yet")
            }
            return try ObjectArrayFunctions.compile(ReferenceCall(bound: bound))
        }
        return nil
    }
}
