import SnapgateSchema
import SnapgateYAML
import Testing

/// Real Konflux object shapes against the generated CRD schemas.
struct KonfluxShapeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let its = """
        apiVersion: appstudio.redhat.com/v1beta2
        kind: IntegrationTestScenario
        metadata:
          name: enterprise-contract
          namespace: user-tenant
        spec:

        """

    static let cases: [Case] = [
        Case(
            name: "a valid IntegrationTestScenario v1beta2",
            yaml: its + """
                  application: my-app
                  contexts:
                  - name: push
                    description: on push
                  params:
                  - name: POLICY
                    value: default
                  resolverRef:
                    resolver: git
                    params:
                    - name: url
                      value: https://github.com/konflux-ci/build-definitions
                    - name: revision
                      value: main
                """,
            expected: []),
        Case(
            name: "IntegrationTestScenario v1beta2 without resolverRef",
            yaml: its + "  application: my-app\n",
            expected: ["7:3 error spec.resolverRef: Required value"]),
        Case(
            name: "IntegrationTestScenario with a bad application name and an int param value",
            yaml: its + """
                  application: Foo_1
                  resolverRef:
                    resolver: git
                    params:
                    - name: pathInRepo
                      value: 3
                """,
            expected: [
                "7:16 error spec.application: Invalid value: \"Foo_1\": spec.application in body should match "
                    + "'^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'",
                "12:14 error spec.resolverRef.params[0].value: Invalid value: \"integer\": "
                    + "spec.resolverRef.params[0].value in body must be of type string: \"integer\" "
                    + "(quote the value to make it a string)",
            ]),
        Case(
            name: "an unknown spec field is a warning",
            yaml: its + """
                  application: my-app
                  resolverRef:
                    resolver: bundles
                    params: []
                  enviroment: staging
                """,
            expected: ["11:3 warning spec.enviroment: unknown field \"spec.enviroment\""]),
        Case(
            name: "null params are pruned, not a type error",
            yaml: its + """
                  application: my-app
                  params:
                  resolverRef:
                    resolver: bundles
                    params:
                """,
            expected: ["10:5 error spec.resolverRef.params: Required value"]),
        Case(
            name: "a Snapshot with components",
            yaml: """
                apiVersion: appstudio.redhat.com/v1alpha1
                kind: Snapshot
                metadata:
                  name: my-app-abcde
                  labels:
                    test.appstudio.openshift.io/type: component
                spec:
                  application: my-app
                  components:
                  - name: comp-a
                    containerImage: quay.io/org/comp-a@sha256:0123
                    source:
                      git:
                        url: https://github.com/org/comp-a
                        revision: 0123abc
                  - name: comp-b
                status:
                  conditions:
                  - type: AppStudioTestSucceeded
                    status: 'True'
                    reason: Passed
                    message: All tests passed
                    lastTransitionTime: '2025-01-02T03:04:05Z'
                """,
            expected: ["16:5 error spec.components[1].containerImage: Required value"]),
        Case(
            name: "Component status conditions",
            yaml: """
                apiVersion: appstudio.redhat.com/v1alpha1
                kind: Component
                metadata:
                  name: comp-a
                spec:
                  application: my-app
                  componentName: comp-a
                  source:
                    git:
                      url: https://github.com/org/comp-a
                status:
                  lastPromotedImage: quay.io/org/comp-a@sha256:0123
                  conditions:
                  - type: Created
                    status: Maybe
                    reason: bad reason
                    message: ok
                    lastTransitionTime: yesterday
                """,
            expected: [
                "15:13 error status.conditions[0].status: Unsupported value: \"Maybe\": supported values: \"True\", "
                    + "\"False\", \"Unknown\"",
                "16:13 error status.conditions[0].reason: Invalid value: \"bad reason\": "
                    + "status.conditions[0].reason in body should match '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$'",
                "18:25 error status.conditions[0].lastTransitionTime: Invalid value: \"yesterday\": "
                    + "status.conditions[0].lastTransitionTime in body must be of type date-time: \"yesterday\"",
            ]),
        Case(
            name: "a Release missing its snapshot",
            yaml: """
                apiVersion: appstudio.redhat.com/v1alpha1
                kind: Release
                metadata:
                  generateName: my-app-
                spec:
                  releasePlan: my-plan
                  gracePeriodDays: seven
                  data:
                    anything:
                      goes: here
                """,
            expected: [
                "6:3 error spec.snapshot: Required value",
                "7:20 error spec.gracePeriodDays: Invalid value: \"string\": spec.gracePeriodDays in body must be of "
                    + "type integer: \"string\"",
            ]),
        Case(
            name: "a ReleasePlan with a boolean label value and both application and componentGroup",
            yaml: """
                apiVersion: appstudio.redhat.com/v1alpha1
                kind: ReleasePlan
                metadata:
                  name: my-plan
                  labels:
                    release.appstudio.openshift.io/auto-release: true
                    release.appstudio.openshift.io/standing-attribution: 'true'
                spec:
                  application: my-app
                  componentGroup: my-group
                  target: managed-tenant
                """,
            expected: [
                "6:50 error metadata.labels[release.appstudio.openshift.io/auto-release]: Invalid value: \"boolean\": "
                    + "metadata.labels[release.appstudio.openshift.io/auto-release] in body must be of type string: "
                    + "\"boolean\" (quote the value to make it a string)",
                "9:3 error spec: Invalid value: \"object\": exactly one of application or componentGroup must be "
                    + "specified",
            ]),
    ]

    @Test func deprecatedVersionsWarnAtApiVersion() {
        let yaml = """
            apiVersion: appstudio.redhat.com/v1alpha1
            kind: IntegrationTestScenario
            metadata:
              name: old
            spec:
              application: my-app
              bundle: quay.io/org/bundle:1
              pipeline: enterprise-contract
            """
        #expect(
            checkKonflux(yaml) == [
                "1:13 warning apiVersion: The v1alpha1 version is deprecated and will be automatically migrated "
                    + "to v1beta1"
            ])
    }

    @Test(arguments: cases)
    func shape(_ c: Case) {
        #expect(checkKonflux(c.yaml) == c.expected)
    }

    @Test func resourceQuantitiesInComponentResources() throws {
        // Quantities use the hand-written resource.Quantity matcher; int-or-string accepts integers.
        let schema = try #require(
            SchemaCatalog.konflux.schema(
                group: "appstudio.redhat.com", version: "v1alpha1",
                kind: "Component"))
        let object = MiniYAML.parse(
            """
            apiVersion: appstudio.redhat.com/v1alpha1
            kind: Component
            metadata:
              name: comp-a
            spec:
              application: my-app
              componentName: comp-a
              source: {}
              resources:
                limits:
                  cpu: 500m
                  memory: 1Gi
                requests:
                  cpu: 2
                  memory: lots
            """)
        #expect(
            render(SchemaValidator.validate(object, schema: schema)) == [
                "15:15 error spec.resources.requests[memory]: Invalid value: \"lots\": "
                    + "spec.resources.requests[memory] in body should match "
                    + #"'^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?"#
                    + #"(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$'"#
            ])
    }
}
