import SnapgateSchema
import SnapgateYAML
import Testing

/// The hand-written Tekton subset: typed where snapgate reads, preserved elsewhere.
struct TektonSchemaTests {
    @Test func aValidPipelineRunWithUnknownSpecFieldsIsAccepted() {
        let yaml = """
            apiVersion: tekton.dev/v1
            kind: PipelineRun
            metadata:
              name: my-app-enterprise-contract-x7k2p
              labels:
                appstudio.openshift.io/application: my-app
            spec:
              params:
              - name: SNAPSHOT
                value: '{"components": []}'
              - name: IMAGES
                value: [a, b]
              - name: CONFIG
                value:
                  key: v
              pipelineRef:
                resolver: git
                params:
                - name: url
                  value: https://github.com/konflux-ci/build-definitions
              timeouts:
                pipeline: 2h0m0s
              taskRunTemplate:
                serviceAccountName: konflux-integration-runner
            status:
              startTime: '2025-01-02T03:04:05Z'
              conditions:
              - type: Succeeded
                status: 'True'
                reason: Succeeded
              results:
              - name: TEST_OUTPUT
                value: '{"result":"SUCCESS"}'
              childReferences:
              - name: my-app-enterprise-contract-x7k2p-verify
                pipelineTaskName: verify
                kind: TaskRun
                apiVersion: tekton.dev/v1
              provenance: {}
            """
        #expect(checkKonflux(yaml) == [])
    }

    @Test func typedPipelineRunFieldsAreChecked() {
        let yaml = """
            apiVersion: tekton.dev/v1
            kind: PipelineRun
            metadata:
              name: run
            spec:
              params:
              - value: x
              - name: NUM
                value: 3
              timeouts:
                pipeline: 1h
                total: 2h
            status:
              completionTime: soon
              conditions:
              - status: 'False'
            """
        #expect(
            checkKonflux(yaml) == [
                "7:5 error spec.params[0].name: Required value",
                "9:12 error spec.params[1].value: Invalid value: \"integer\": spec.params[1].value in body must be of "
                    + "type string, array or object: \"integer\" (quote the value to make it a string)",
                "12:5 warning spec.timeouts.total: unknown field \"spec.timeouts.total\"",
                "14:19 error status.completionTime: Invalid value: \"soon\": status.completionTime in body must be of "
                    + "type date-time: \"soon\"",
                "16:5 error status.conditions[0].type: Required value",
            ])
    }

    @Test func v1beta1RunsUseTaskResultsAndPipelineResults() {
        let taskRun = """
            apiVersion: tekton.dev/v1beta1
            kind: TaskRun
            metadata:
              name: run
            status:
              taskResults:
              - name: IMAGE_DIGEST
                value: 42
            """
        #expect(
            checkKonflux(taskRun) == [
                "8:12 error status.taskResults[0].value: Invalid value: \"integer\": status.taskResults[0].value in "
                    + "body must be of type string, array or object: \"integer\" (quote the value to make it a string)"
            ])
        let pipelineRun = """
            apiVersion: tekton.dev/v1beta1
            kind: PipelineRun
            metadata:
              name: run
            status:
              pipelineResults:
              - value: x
            """
        #expect(checkKonflux(pipelineRun) == ["7:5 error status.pipelineResults[0].name: Required value"])
    }

    @Test func pipelineParamSpecsAreTyped() {
        let yaml = """
            apiVersion: tekton.dev/v1
            kind: Pipeline
            metadata:
              name: p
            spec:
              params:
              - name: SNAPSHOT
                type: string
              - name: LIST
                type: list
              tasks: []
            """
        #expect(
            checkKonflux(yaml) == [
                "10:11 error spec.params[1].type: Unsupported value: \"list\": supported values: \"string\", "
                    + "\"array\", \"object\""
            ])
    }
}
