import Foundation
import SnapgateModel
import SnapgateNode
import SnapgateTekton
import Testing

@Suite("DAG, when, finally, workspaces")
struct DAGTests {
    @Test("independent tasks run concurrently; runAfter waits for both")
    func concurrencyAndOrder() async {
        let events = EventLog()
        // Each of a and b waits (bounded) for the other's marker: both succeed only when they overlap.
        let result = await Sandbox().run(
            """
            workspaces: [{name: ws}]
            tasks:
              - name: a
                params: [{name: me, value: a}, {name: other, value: b}]
                workspaces: [{name: shared, workspace: ws}]
                taskSpec:
                  params: [{name: me}, {name: other}]
                  workspaces: [{name: shared}]
                  steps:
                    - name: meet
                      script: |
                        touch "$(workspaces.shared.path)/$(params.me)"
                        i=0
                        while [ ! -e "$(workspaces.shared.path)/$(params.other)" ]; do
                          i=$((i+1)); [ $i -lt 300 ] || exit 7; sleep 0.1
                        done
              - name: b
                params: [{name: me, value: b}, {name: other, value: a}]
                workspaces: [{name: shared, workspace: ws}]
                taskSpec:
                  params: [{name: me}, {name: other}]
                  workspaces: [{name: shared}]
                  steps:
                    - name: meet
                      script: |
                        touch "$(workspaces.shared.path)/$(params.me)"
                        i=0
                        while [ ! -e "$(workspaces.shared.path)/$(params.other)" ]; do
                          i=$((i+1)); [ $i -lt 300 ] || exit 7; sleep 0.1
                        done
              - name: c
                runAfter: [a, b]
                workspaces: [{name: shared, workspace: ws}]
                taskSpec:
                  workspaces: [{name: shared}]
                  results: [{name: seen}]
                  steps:
                    - script: ls $(workspaces.shared.path) | tr '\\n' ' ' > $(results.seen.path)
            """, jobs: 2, events: events)
        #expect(result.reason == "Succeeded")
        #expect(result.result("c", "seen") == "a b ")
        let started = events.events.compactMap { event -> String? in
            if case .taskStarted(let task, _) = event { return task }
            return nil
        }
        #expect(started.last == "c")
        #expect(
            events.events.contains {
                if case .taskFinished("c", "run1-c", true, "Succeeded", _) = $0 { true } else { false }
            })
    }

    @Test("when expressions with in and notin guard tasks only")
    func whenExpressions() async {
        let events = EventLog()
        let result = await Sandbox().run(
            """
            params: [{name: mode, default: fast}]
            tasks:
              - name: runs-in
                when: [{input: $(params.mode), operator: in, values: [fast, quick]}]
                taskSpec: {steps: [{script: "true"}]}
              - name: skipped-in
                when: [{input: $(params.mode), operator: in, values: [slow]}]
                taskSpec:
                  results: [{name: r}]
                  steps: [{script: "printf x > $(results.r.path)"}]
              - name: skipped-notin
                when: [{input: $(params.mode), operator: notin, values: [fast]}]
                taskSpec: {steps: [{script: "true"}]}
              - name: after-skipped
                runAfter: [skipped-in]
                taskSpec: {steps: [{script: "true"}]}
              - name: needs-result
                params: [{name: p, value: $(tasks.skipped-in.results.r)}]
                taskSpec: {params: [{name: p}], steps: [{script: "true"}]}
            """, events: events)
        #expect(
            events.events.contains(
                .taskSkipped(pipelineTask: "skipped-notin", reason: "When Expressions evaluated to false")))
        #expect(result.succeeded)
        #expect(result.reason == "Completed")
        #expect(result.message == "Tasks Completed: 2 (Failed: 0, Cancelled 0), Skipped: 3")
        #expect(
            result.skipped == [
                "skipped-in": "When Expressions evaluated to false",
                "skipped-notin": "When Expressions evaluated to false",
                "needs-result": "Results were missing",
            ])
        #expect(result.taskReason("after-skipped") == "Succeeded")
        let entry = result.status.items("skippedTasks").first { $0.string("name") == "skipped-in" }
        #expect(entry?.items("whenExpressions").first?.string("operator") == "in")
        #expect(result.status.items("childReferences").count == result.taskRuns.count)
    }

    @Test("a failing step fails its task, stops the DAG, keeps its log tail; finally sees the statuses")
    func failureAndFinally() async {
        let result = await Sandbox().run(
            """
            tasks:
              - name: bad
                taskSpec:
                  steps:
                    - name: explode
                      image: alpine
                      script: |
                        echo "first line"
                        echo "the reason it broke" >&2
                        exit 3
                    - name: never
                      script: echo never
              - name: dependent
                runAfter: [bad]
                taskSpec: {steps: [{script: "true"}]}
            finally:
              - name: report
                params:
                  - {name: bad, value: $(tasks.bad.status)}
                  - {name: dependent, value: $(tasks.dependent.status)}
                  - {name: all, value: $(tasks.status)}
                taskSpec:
                  params: [{name: bad}, {name: dependent}, {name: all}]
                  results: [{name: seen}]
                  steps:
                    - script: printf '%s %s %s' $(params.bad) $(params.dependent) $(params.all) > $(results.seen.path)
            """)
        #expect(!result.succeeded)
        #expect(result.reason == "Failed")
        #expect(result.message == "Tasks Completed: 2 (Failed: 1, Cancelled 0), Skipped: 1")
        #expect(result.skipped == ["dependent": "PipelineRun was stopping"])
        #expect(result.result("report", "seen") == "Failed None Failed")
        #expect(result.taskReason("bad") == "Failed")
        let bad = result.taskRun("bad")
        #expect(bad?.conditions.first?.message == "\"step-explode\" exited with code 3")
        let steps = bad?.mapping("status")?.items("steps") ?? []
        #expect(steps.count == 2)
        #expect(steps.first?.string("container") == "step-explode")
        #expect(steps.first?.at("terminated")?.int("exitCode") == 3)
        #expect(steps.first?.at("terminated")?.string("reason") == "Error")
        #expect(steps.first?.at("terminated")?.string("message") == "first line\nthe reason it broke\n")
        #expect(steps.last?.string("terminationReason") == "Skipped")
        #expect(result.taskRun("report")?.label("tekton.dev/memberOf") == "finally")
        #expect(
            result.status.items("childReferences").map { $0.stringOrEmpty("pipelineTaskName") } == ["bad", "report"])
    }

    @Test("onError continue records the exit code and goes on")
    func onErrorContinue() async {
        let sandbox = Sandbox()
        let result = await sandbox.run(
            """
            tasks:
              - name: t
                taskSpec:
                  results: [{name: after}]
                  steps:
                    - name: soft
                      onError: continue
                      script: |
                        echo "soft failure"
                        exit 5
                    - name: next
                      script: printf ran > $(results.after.path)
            """)
        #expect(result.reason == "Succeeded")
        #expect(result.result("t", "after") == "ran")
        let soft = result.taskRun("t")?.mapping("status")?.items("steps").first
        #expect(soft?.at("terminated")?.int("exitCode") == 5)
        #expect(soft?.string("terminationReason") == "Continued")
        #expect(sandbox.read("logs/run1-t/soft.log") == "soft failure\n")
    }

    @Test("retries re-run a failing task and record retriesStatus")
    func retries() async {
        let result = await Sandbox().run(
            """
            workspaces: [{name: ws}]
            tasks:
              - name: flaky
                retries: 2
                workspaces: [{name: data, workspace: ws}]
                taskSpec:
                  workspaces: [{name: data}]
                  results: [{name: attempt}]
                  steps:
                    - script: |
                        n=$(cat counter 2>/dev/null || echo 0); n=$((n+1)); echo $n > counter
                        printf '%s' "$n/$(context.task.retry-count)" > $(results.attempt.path)
                        [ "$n" -ge 2 ]
            """)
        #expect(result.reason == "Succeeded")
        #expect(result.result("flaky", "attempt") == "2/1")
        let retries = result.taskRun("flaky")?.mapping("status")?.items("retriesStatus") ?? []
        #expect(retries.count == 1)
        #expect(retries.first?.items("conditions").first?.string("reason") == "Failed")
        #expect(result.taskRun("flaky")?.mapping("spec")?.int("retries") == 2)
    }

    @Test("scripts honour shebangs; without one they run with sh -e")
    func shebangs() async {
        let result = await Sandbox().run(
            """
            tasks:
              - name: langs
                taskSpec:
                  results: [{name: py}, {name: bash}, {name: sh}]
                  steps:
                    - name: python
                      script: |
                        #!/usr/bin/env python3
                        open("$(results.py.path)", "w").write(str(6 * 7))
                    - name: bash
                      script: |
                        #!/bin/bash
                        words=(a b c)
                        printf '%s' "${#words[@]}" > $(results.bash.path)
                    - name: sh
                      onError: continue
                      script: |
                        false
                        printf 'not reached' > $(results.sh.path)
            """)
        #expect(result.reason == "Succeeded")
        #expect(result.result("langs", "py") == "42")
        #expect(result.result("langs", "bash") == "3")
        #expect(result.result("langs", "sh") == nil)
    }

    @Test("an invalid graph fails validation")
    func invalidGraphs() async {
        let cycle = await Sandbox().run(
            """
            tasks:
              - {name: a, runAfter: [b], taskSpec: {steps: [{script: "true"}]}}
              - {name: b, runAfter: [a], taskSpec: {steps: [{script: "true"}]}}
            """)
        #expect(cycle.reason == "PipelineValidationFailed")
        #expect(cycle.message.contains("cycle"))
        let unknown = await Sandbox().run(
            """
            tasks:
              - {name: a, runAfter: [nope], taskSpec: {steps: [{script: "true"}]}}
            """)
        #expect(unknown.reason == "PipelineValidationFailed")
    }

    @Test("valueFrom in a step env is a clear failure")
    func valueFrom() async {
        let result = await Sandbox().run(
            """
            tasks:
              - name: t
                taskSpec:
                  steps:
                    - env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: s, key: k}}}]
                      script: "true"
            """)
        #expect(result.reason == "Failed")
        #expect(result.taskReason("t") == "TaskRunValidationFailed")
        #expect(result.taskRun("t")?.conditions.first?.message.contains("valueFrom") == true)
    }
}
