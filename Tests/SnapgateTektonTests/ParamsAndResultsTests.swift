import Foundation
import SnapgateModel
import SnapgateNode
import SnapgateTekton
import Testing

@Suite("Params, results and substitution")
struct ParamsAndResultsTests {
    @Test("string, array and object params with defaults reach scripts and args")
    func paramTypes() async {
        let sandbox = Sandbox()
        let result = await sandbox.run(
            """
            params:
              - name: greeting
                type: string
              - name: who
                default: world
              - name: items
                type: array
                default: [x, y]
              - name: target
                type: object
                properties: {host: {}, port: {}}
                default: {host: localhost, port: "80"}
            results:
              - name: joined
                value: $(tasks.show.results.joined)
            tasks:
              - name: show
                params:
                  - {name: text, value: "$(params.greeting), $(params['who'])"}
                  - {name: list, value: ["$(params.items[*])", z]}
                  - {name: host, value: $(params.target.host)}
                taskSpec:
                  params:
                    - name: text
                    - name: list
                      type: array
                    - name: host
                    - name: unused
                      default: fallback
                  results:
                    - name: text
                    - name: joined
                    - name: host
                  steps:
                    - name: text
                      image: registry.example/shell:1
                      script: printf '%s|%s' "$(params.text)" "$(params.unused)" > $(results.text.path)
                    - name: joined
                      command: [sh, -c, 'printf "%s," "$@" > "$0"', $(results.joined.path)]
                      args: ["$(params.list[*])"]
                    - name: host
                      script: printf '%s' "$(params.host)" > $(results.host.path)
            """,
            params: ["greeting": .string("hello"), "items": .array(["a", "b c"])])
        #expect(result.reason == "Succeeded")
        #expect(result.result("show", "text") == "hello, world|fallback")
        #expect(result.result("show", "joined") == "a,b c,z,")
        #expect(result.result("show", "host") == "localhost")
        #expect(result.pipelineResult("joined")?.string == "a,b c,z,")
        let spec = result.taskRun("show")?.mapping("spec")
        #expect(spec?.items("params").first?.string("value") == "hello, world")
        #expect(spec?.items("params")[1]["value"]?.sequence?.compactMap(\.string) == ["a", "b c", "z"])
        #expect(
            result.taskRun("show")?.mapping("status")?.items("steps").first?.string("image")
                == "registry.example/shell:1")
    }

    @Test("a missing required param fails the run before any TaskRun")
    func missingParam() async {
        let result = await Sandbox().run(
            """
            params:
              - name: required
            tasks:
              - name: t
                taskSpec:
                  steps: [{name: s, script: "true"}]
            """)
        #expect(!result.succeeded)
        #expect(result.reason == "ParameterMissing")
        #expect(result.message.contains("required"))
        #expect(result.taskRuns.isEmpty)
        #expect(result.status.items("childReferences").isEmpty)

        let mismatch = await Sandbox().run(
            """
            params:
              - {name: list, type: array}
            tasks:
              - name: t
                taskSpec:
                  steps: [{name: s, script: "true"}]
            """, params: ["list": .string("not a list")])
        #expect(mismatch.reason == "ParameterTypeMismatch")
    }

    @Test("a result flows to a later task, which implicitly depends on it")
    func resultReferences() async {
        let result = await Sandbox().run(
            """
            results:
              - name: final
                value: $(tasks.consume.results.out)
            tasks:
              - name: consume
                params: [{name: in, value: "got $(tasks.produce.results.value)"}]
                taskSpec:
                  params: [{name: in}]
                  results: [{name: out}]
                  steps:
                    - script: printf '%s!' "$(params.in)" > $(results.out.path)
              - name: produce
                taskSpec:
                  results: [{name: value}]
                  steps:
                    - script: printf 42 > $(results.value.path)
            """)
        #expect(result.reason == "Succeeded")
        #expect(result.result("consume", "out") == "got 42!")
        #expect(result.pipelineResult("final")?.string == "got 42!")
        // childReferences follow pipeline order, whatever the completion order.
        #expect(
            result.status.items("childReferences").map { $0.stringOrEmpty("pipelineTaskName") } == [
                "consume", "produce",
            ])
        #expect(result.taskRuns.map { $0.mapping("metadata")?.string("name") } == ["run1-consume", "run1-produce"])
    }

    @Test("context variables resolve in scripts")
    func contextVariables() async {
        let result = await Sandbox().run(
            """
            tasks:
              - name: ctx
                taskSpec:
                  results: [{name: out}]
                  steps:
                    - name: print
                      script: |
                        printf '%s %s %s %s %s' "$(context.pipelineRun.name)" \\
                          "$(context.pipelineRun.namespace)" "$(context.pipeline.name)" \\
                          "$(context.taskRun.name)" "$(context.task.name)" > $(results.out.path)
                    - name: uid
                      script: test -n "$(context.pipelineRun.uid)"
            """)
        #expect(result.reason == "Succeeded")
        #expect(result.result("ctx", "out") == "run1 ns run1 run1-ctx run1-ctx")
    }

    @Test("TEST_OUTPUT written by a step is a string result of the TaskRun")
    func testOutput() async {
        let result = await Sandbox().run(
            """
            tasks:
              - name: test
                taskSpec:
                  results: [{name: TEST_OUTPUT}]
                  steps:
                    - name: report
                      script: |
                        echo '{"result":"SUCCESS","timestamp":"1700000000","successes":1,"failures":0,"warnings":0}' \\
                          | tee $(results.TEST_OUTPUT.path)
            """)
        #expect(result.reason == "Succeeded")
        let entry = result.taskRun("test")?.mapping("status")?.items("results").first
        #expect(entry?.string("name") == "TEST_OUTPUT")
        #expect(entry?.string("type") == "string")
        #expect(
            entry?.string("value")
                == #"{"result":"SUCCESS","timestamp":"1700000000","successes":1,"failures":0,"warnings":0}"# + "\n"
        )
        let metadata = result.taskRun("test")?.mapping("metadata")
        #expect(metadata?.mapping("labels")?.string("tekton.dev/pipelineRun") == "run1")
        #expect(metadata?.mapping("labels")?.string("tekton.dev/pipeline") == "run1")
        #expect(result.taskRun("test")?.string("apiVersion") == "tekton.dev/v1")
        #expect(result.status.items("childReferences").first?.string("name") == "run1-test")
    }

    @Test("a taskRef is resolved through the closure; an unresolvable one fails cleanly")
    func taskRefs() async {
        let sandbox = Sandbox()
        let spec = """
            tasks:
              - name: greet
                taskRef: {name: greeter}
                params: [{name: who, value: tekton}]
            """
        let task = """
            params: [{name: who}]
            results: [{name: out}]
            steps:
              - script: printf 'hi %s' "$(params.who)" > $(results.out.path)
            """
        let resolved = await sandbox.run(spec, tasks: ["greeter": task])
        #expect(resolved.reason == "Succeeded")
        #expect(resolved.result("greet", "out") == "hi tekton")
        #expect(resolved.taskRun("greet")?.label("tekton.dev/task") == "greeter")
        #expect(resolved.taskRun("greet")?.mapping("spec")?.mapping("taskRef")?.string("name") == "greeter")

        let missing = await sandbox.run(spec)
        #expect(!missing.succeeded)
        #expect(missing.reason == "CouldntGetTask")
        #expect(missing.message.contains("greeter"))
        #expect(missing.taskRuns.isEmpty)
    }

    @Test("the step environment holds only the allow-list, HOME and PATH")
    func cleanEnvironment() async {
        setenv("SNAPGATE_TEKTON_SECRET", "leaked", 1)
        let result = await Sandbox().run(
            """
            tasks:
              - name: env
                taskSpec:
                  results: [{name: secret}, {name: allowed}, {name: home}, {name: names}]
                  steps:
                    - name: look
                      env:
                        - {name: EXTRA, value: "x-$(params.flavour)"}
                      script: |
                        printf '%s' "${SNAPGATE_TEKTON_SECRET:-unset}" > $(results.secret.path)
                        printf '%s' "$ALLOWED" > $(results.allowed.path)
                        test -d "$HOME" && printf ok > $(results.home.path)
                        env | cut -d= -f1 | grep -v -e '^PWD$' -e '^SHLVL$' -e '^_$' | sort | tr '\\n' ' ' \\
                          > $(results.names.path)
              - name: workdir
                runAfter: [env]
                taskSpec:
                  steps:
                    - workingDir: /tmp
                      script: test "$(pwd)" = /tmp
                    - workingDir: sub/dir
                      script: case "$(pwd)" in */sub/dir) ;; *) exit 1 ;; esac
            params: [{name: flavour, default: vanilla}]
            """,
            environment: ["ALLOWED": "yes"])
        #expect(result.reason == "Succeeded")
        #expect(result.result("env", "secret") == "unset")
        #expect(result.result("env", "allowed") == "yes")
        #expect(result.result("env", "home") == "ok")
        #expect(result.result("env", "names") == "ALLOWED EXTRA HOME PATH ")
    }
}
