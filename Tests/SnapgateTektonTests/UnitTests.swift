import SnapgateNode
import Testing

@testable import SnapgateTekton

@Suite("Pure helpers")
struct UnitTests {
    @Test("references parse in dotted and bracket forms")
    func parsing() {
        #expect(Scope.parse("params.x") == [.name("params"), .name("x")])
        #expect(Scope.parse("params[\"a.b\"][*]") == [.name("params"), .name("a.b"), .star])
        #expect(Scope.parse("params['x'][1]") == [.name("params"), .name("x"), .index(1)])
        #expect(Scope.parse("echo hi") == nil)
    }

    @Test("substitution leaves unknown references and shell syntax alone")
    func substitution() {
        let scope = Scope(
            params: ["s": .string("v"), "a": .array(["1", "2"]), "o": .object(["k": "w"])],
            taskResults: ["t": ["r": .string("res")]], plain: ["context.taskRun.name": "tr"])
        #expect(scope.substitute("$(params.s)-$(params.o.k)-$(params.a[1])") == "v-w-2")
        #expect(scope.substitute("$(tasks.t.results.r) $(context.taskRun.name)") == "res tr")
        #expect(
            scope.substitute("$(date) $((1+2)) $(params.nope) $(echo $(params.s))")
                == "$(date) $((1+2)) $(params.nope) $(echo v)")
        #expect(scope.substitute(list: ["x", "$(params.a[*])", "$(params.s)"]) == ["x", "1", "2", "v"])
        #expect(scope.substitute(ParamValue.string("$(params.o[*])")) == .object(["k": "w"]))
        #expect(
            Scope.referencedResults(in: "a $(tasks.b.results.c) $(tasks.d.status)") == [
                ResultReference(task: "b", result: "c")
            ])
    }

    @Test("MD5 matches RFC 1321 vectors")
    func md5() {
        #expect(MD5.hex([]) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(MD5.hex(Array("abc".utf8)) == "900150983cd24fb0d6963f7d28e17f72")
        #expect(
            MD5.hex(Array("12345678901234567890123456789012345678901234567890123456789012345678901234567890".utf8))
                == "57edf4a22be3c955ac49da2e2107b67a")
    }

    @Test("TaskRun names follow kmeta.ChildName")
    func childNames() {
        #expect(Names.child("run", suffix: "-task") == "run-task")
        let long = String(repeating: "p", count: 60)
        let name = Names.child(long, suffix: "-task")
        #expect(name.count == 63)
        #expect(name.hasSuffix("-task"))
        #expect(name == Names.child(long, suffix: "-task"))
        #expect(name != Names.child(long + "q", suffix: "-task"))
        #expect(Names.uid("ns/run").count == 36)
    }
}
