import Testing
@testable import PineLanguage

/// The syntax and the support checker's rules for user-defined types, methods,
/// enums, maps and matrices.
@Suite struct UserTypeSyntaxTests {
    private func statements(_ body: String) -> [String] {
        let result = PineParser.parse(source: "//@version=6\nindicator(\"t\")\n" + body, fileName: "t.pine")
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        return result.script.statements.map(SExpr.of)
    }

    private func messages(_ body: String) -> [String] {
        PineFrontEnd.check(source: "//@version=6\nindicator(\"t\")\n" + body, fileName: "t.pine").diagnostics.map(\.description)
    }

    @Test func typesFieldsAndConstruction() {
        #expect(statements("type Pivot\n    float price = na\n    array<float> touches\n    Pivot prev") == [
            "(type Pivot float price=na array<float> touches Pivot prev)",
        ])
        #expect(statements("p = Pivot.new(1.5, touches = array.new<float>())") == [
            "(decl p (call Pivot.new 1.5f touches=(call array.new<float>)))",
        ])
        #expect(statements("var Pivot p = na") == ["(decl var Pivot p na)"])
    }

    @Test func fieldAccessAndAssignment() {
        #expect(statements("p.price := 2\np.count += 1\np.prev.price *= 2") == [
            "(:= p.price 2)", "(+= p.count 1)", "(*= p.prev.price 2)",
        ])
        #expect(statements("x = pivots.get(0).price[1]") == ["(decl x ((call pivots.get 0).price[1]))"])
    }

    @Test func methodsAndMethodCalls() {
        #expect(statements("method touch(Pivot this, float level = 0) => this.count += 1") == [
            "(method touch(Pivot this,float level=0) {(+= this.count 1)})",
        ])
        #expect(statements("a.push(x)\nm.get(k)\ns.length()\npivots.get(0).touch()") == [
            "(call a.push x)", "(call m.get k)", "(call s.length)", "(call (call pivots.get 0).touch)",
        ])
    }

    @Test func enumsAndCollectionTypes() {
        #expect(statements("enum Signal\n    long = \"Long only\"\n    short\n    both") == ["(enum Signal long short both)"])
        #expect(statements("map<string, array<float>> m = na") == ["(decl map<string, array<float>> m na)"])
        #expect(statements("matrix<int> x = matrix.new<int>(2, 3, 0)") == ["(decl matrix<int> x (call matrix.new<int> 2 3 0))"])
    }

    @Test func checkerAcceptsObjectsAndCollections() {
        #expect(messages("""
            type P
                float x = 1.0
            enum E
                a = "A"
                b
            method grow(P this) => this.x += 1
            p = P.new(x = 2)
            p.grow()
            p.x += 1
            e = E.a
            m = map.new<string, float>()
            m.put("k", p.x)
            mx = matrix.new<float>(2, 2, 0)
            mx.set(0, 0, m.get("k"))
            plot(p.x + mx.det())
            """) == [])
    }

    @Test func checkerLocatesMistakes() {
        #expect(messages("type P\n    float x\np = P.new(y = 1)") == ["5:11: error: type 'P' has no field 'y' (its fields: x)"])
        #expect(messages("type P\n    float x\n    int x") == ["5:9: error: the field 'x' is already declared in type 'P'"])
        #expect(messages("enum E\n    a\nx = E.c") == ["5:5: error: enum 'E' has no member 'c' (its members: a)"])
        #expect(messages("type P\n    float x\np = P.make()") == ["5:5: error: type 'P' has no function 'make' (use P.new(...) or P.copy(x))"])
        #expect(messages("m = map.new<string, float>()\nm.put(\"a\", 1, 2)") == ["4:15: error: too many arguments to map.put: it takes at most 3"])
        #expect(messages("x = map.gett(1)") == ["3:5: error: map.gett is not a function pfopt knows"])
        #expect(messages("m = map.new<string>()") == ["3:5: error: map.new needs its types: map.new<string, float>()"])
        #expect(messages("m = matrix.new<map<string, float> >(1, 1)") == ["3:16: error: a matrix cannot hold map values: put the collection in an object field"])
        #expect(messages("m = matrix.new<string>(1, 1)") == [])
        #expect(messages("type E\n    float x\nenum E\n    a") == ["5:6: error: the type 'E' is already declared"])
    }
}
