// swift-format-ignore-file
// GENERATED FILE - DO NOT EDIT.
// Regenerate with `python3 scripts/generate-crd-schemas.py` (see Sources/SnapgateSchema/README.md).
//
// Derived from the Konflux CustomResourceDefinitions (konflux-ci/application-api,
// konflux-ci/integration-service, konflux-ci/release-service), licensed under the Apache
// License 2.0; see crds/SOURCES.md next to the CRD files for repositories, commits and checksums.
// Only validation keywords are kept: descriptions are dropped.

extension KonfluxCRDSchemas {
    /// Every served version of every Konflux CRD, in (group, kind) order.
    static let entries: [Entry] = [
        Entry(
            group: "appstudio.redhat.com", kind: "Application", plural: "applications",
            version: "v1alpha1", storage: true,
            deprecationWarning: nil,
            source: "appstudio.redhat.com_applications.yaml",
            json: #"""
{
"properties": {
"apiVersion": {
"type": "string"
},
"kind": {
"type": "string"
},
"metadata": {
"type": "object"
},
"spec": {
"properties": {
"appModelRepository": {
"properties": {
"branch": {
"type": "string"
},
"context": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"url"
],
"type": "object"
},
"description": {
"type": "string"
},
"displayName": {
"type": "string"
},
"gitOpsRepository": {
"properties": {
"branch": {
"type": "string"
},
"context": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"url"
],
"type": "object"
}
},
"required": [
"displayName"
],
"type": "object"
},
"status": {
"properties": {
"conditions": {
"items": {
"properties": {
"lastTransitionTime": {
"format": "date-time",
"type": "string"
},
"message": {
"maxLength": 32768,
"type": "string"
},
"observedGeneration": {
"format": "int64",
"minimum": 0,
"type": "integer"
},
"reason": {
"maxLength": 1024,
"minLength": 1,
"pattern": "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
"type": "string"
},
"status": {
"enum": [
"True",
"False",
"Unknown"
],
"type": "string"
},
"type": {
"maxLength": 316,
"pattern": "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
"type": "string"
}
},
"required": [
"lastTransitionTime",
"message",
"reason",
"status",
"type"
],
"type": "object"
},
"type": "array"
},
"devfile": {
"type": "string"
}
},
"required": [
"conditions"
],
"type": "object"
}
},
"required": [
"spec"
],
"type": "object"
}
"""#),
        Entry(
            group: "appstudio.redhat.com", kind: "Component", plural: "components",
            version: "v1alpha1", storage: true,
            deprecationWarning: nil,
            source: "appstudio.redhat.com_components.yaml",
            json: #"""
{
"properties": {
"apiVersion": {
"type": "string"
},
"kind": {
"type": "string"
},
"metadata": {
"type": "object"
},
"spec": {
"properties": {
"actions": {
"properties": {
"create-pipeline-configuration-pr": {
"properties": {
"all-versions": {
"type": "boolean"
},
"version": {
"type": "string"
},
"versions": {
"items": {
"type": "string"
},
"type": "array"
}
},
"type": "object"
},
"trigger-push-build": {
"type": "string"
},
"trigger-push-builds": {
"items": {
"type": "string"
},
"type": "array"
}
},
"type": "object"
},
"application": {
"pattern": "^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"build-nudges-ref": {
"items": {
"type": "string"
},
"type": "array"
},
"componentName": {
"maxLength": 63,
"pattern": "^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"containerImage": {
"type": "string"
},
"default-build-pipeline": {
"nullable": true,
"properties": {
"pull": {
"nullable": true,
"properties": {
"pipelineref-by-git-resolver": {
"nullable": true,
"properties": {
"pathInRepo": {
"type": "string"
},
"revision": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"pathInRepo",
"revision",
"url"
],
"type": "object"
},
"pipelineref-by-name": {
"type": "string"
},
"pipelinespec-from-bundle": {
"nullable": true,
"properties": {
"bundle": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"bundle",
"name"
],
"type": "object"
}
},
"type": "object"
},
"pull-and-push": {
"nullable": true,
"properties": {
"pipelineref-by-git-resolver": {
"nullable": true,
"properties": {
"pathInRepo": {
"type": "string"
},
"revision": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"pathInRepo",
"revision",
"url"
],
"type": "object"
},
"pipelineref-by-name": {
"type": "string"
},
"pipelinespec-from-bundle": {
"nullable": true,
"properties": {
"bundle": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"bundle",
"name"
],
"type": "object"
}
},
"type": "object"
},
"push": {
"nullable": true,
"properties": {
"pipelineref-by-git-resolver": {
"nullable": true,
"properties": {
"pathInRepo": {
"type": "string"
},
"revision": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"pathInRepo",
"revision",
"url"
],
"type": "object"
},
"pipelineref-by-name": {
"type": "string"
},
"pipelinespec-from-bundle": {
"nullable": true,
"properties": {
"bundle": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"bundle",
"name"
],
"type": "object"
}
},
"type": "object"
}
},
"type": "object"
},
"env": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
},
"valueFrom": {
"properties": {
"configMapKeyRef": {
"properties": {
"key": {
"type": "string"
},
"name": {
"type": "string"
},
"optional": {
"type": "boolean"
}
},
"required": [
"key"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"fieldRef": {
"properties": {
"apiVersion": {
"type": "string"
},
"fieldPath": {
"type": "string"
}
},
"required": [
"fieldPath"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"resourceFieldRef": {
"properties": {
"containerName": {
"type": "string"
},
"divisor": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"resource": {
"type": "string"
}
},
"required": [
"resource"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"secretKeyRef": {
"properties": {
"key": {
"type": "string"
},
"name": {
"type": "string"
},
"optional": {
"type": "boolean"
}
},
"required": [
"key"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
}
},
"type": "object"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array"
},
"replicas": {
"type": "integer"
},
"repository-settings": {
"properties": {
"comment-strategy": {
"type": "string"
},
"github-app-token-scope-repos": {
"items": {
"type": "string"
},
"type": "array"
}
},
"type": "object"
},
"resources": {
"properties": {
"limits": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
},
"requests": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
}
},
"type": "object"
},
"route": {
"type": "string"
},
"secret": {
"type": "string"
},
"skip-offboarding-pr": {
"type": "boolean"
},
"skipGitOpsResourceGeneration": {
"type": "boolean"
},
"source": {
"properties": {
"dockerfileUri": {
"type": "string"
},
"git": {
"properties": {
"context": {
"type": "string"
},
"devfileUrl": {
"type": "string"
},
"dockerfileUrl": {
"type": "string"
},
"revision": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"url"
],
"type": "object"
},
"url": {
"type": "string"
},
"versions": {
"items": {
"properties": {
"build-pipeline": {
"nullable": true,
"properties": {
"pull": {
"nullable": true,
"properties": {
"pipelineref-by-git-resolver": {
"nullable": true,
"properties": {
"pathInRepo": {
"type": "string"
},
"revision": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"pathInRepo",
"revision",
"url"
],
"type": "object"
},
"pipelineref-by-name": {
"type": "string"
},
"pipelinespec-from-bundle": {
"nullable": true,
"properties": {
"bundle": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"bundle",
"name"
],
"type": "object"
}
},
"type": "object"
},
"pull-and-push": {
"nullable": true,
"properties": {
"pipelineref-by-git-resolver": {
"nullable": true,
"properties": {
"pathInRepo": {
"type": "string"
},
"revision": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"pathInRepo",
"revision",
"url"
],
"type": "object"
},
"pipelineref-by-name": {
"type": "string"
},
"pipelinespec-from-bundle": {
"nullable": true,
"properties": {
"bundle": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"bundle",
"name"
],
"type": "object"
}
},
"type": "object"
},
"push": {
"nullable": true,
"properties": {
"pipelineref-by-git-resolver": {
"nullable": true,
"properties": {
"pathInRepo": {
"type": "string"
},
"revision": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"pathInRepo",
"revision",
"url"
],
"type": "object"
},
"pipelineref-by-name": {
"type": "string"
},
"pipelinespec-from-bundle": {
"nullable": true,
"properties": {
"bundle": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"bundle",
"name"
],
"type": "object"
}
},
"type": "object"
}
},
"type": "object"
},
"context": {
"type": "string"
},
"dockerfileUri": {
"type": "string"
},
"name": {
"type": "string"
},
"revision": {
"type": "string"
},
"skip-builds": {
"type": "boolean"
}
},
"required": [
"name",
"revision"
],
"type": "object"
},
"type": "array"
}
},
"type": "object"
},
"targetPort": {
"type": "integer"
}
},
"required": [
"source"
],
"type": "object"
},
"status": {
"properties": {
"build-nudged-by": {
"items": {
"type": "string"
},
"type": "array"
},
"conditions": {
"items": {
"properties": {
"lastTransitionTime": {
"format": "date-time",
"type": "string"
},
"message": {
"maxLength": 32768,
"type": "string"
},
"observedGeneration": {
"format": "int64",
"minimum": 0,
"type": "integer"
},
"reason": {
"maxLength": 1024,
"minLength": 1,
"pattern": "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
"type": "string"
},
"status": {
"enum": [
"True",
"False",
"Unknown"
],
"type": "string"
},
"type": {
"maxLength": 316,
"pattern": "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
"type": "string"
}
},
"required": [
"lastTransitionTime",
"message",
"reason",
"status",
"type"
],
"type": "object"
},
"type": "array"
},
"devfile": {
"type": "string"
},
"gitops": {
"properties": {
"branch": {
"type": "string"
},
"commitID": {
"type": "string"
},
"context": {
"type": "string"
},
"repositoryURL": {
"type": "string"
},
"resourceGenerationSkipped": {
"type": "boolean"
}
},
"type": "object"
},
"lastBuiltCommit": {
"type": "string"
},
"lastPromotedImage": {
"type": "string"
},
"message": {
"type": "string"
},
"pac-repository": {
"type": "string"
},
"repository-settings": {
"properties": {
"comment-strategy": {
"type": "string"
},
"github-app-token-scope-repos": {
"items": {
"type": "string"
},
"type": "array"
}
},
"type": "object"
},
"versions": {
"items": {
"properties": {
"configuration-merge-url": {
"type": "string"
},
"message": {
"type": "string"
},
"name": {
"type": "string"
},
"onboarding-status": {
"type": "string"
},
"onboarding-time": {
"type": "string"
},
"revision": {
"type": "string"
},
"skip-builds": {
"type": "boolean"
}
},
"type": "object"
},
"type": "array"
},
"webhook": {
"type": "string"
}
},
"type": "object"
}
},
"required": [
"spec"
],
"type": "object"
}
"""#),
        Entry(
            group: "appstudio.redhat.com", kind: "ComponentGroup", plural: "componentgroups",
            version: "v1beta2", storage: true,
            deprecationWarning: nil,
            source: "appstudio.redhat.com_componentgroups.yaml",
            json: #"""
{
"properties": {
"apiVersion": {
"type": "string"
},
"kind": {
"type": "string"
},
"metadata": {
"type": "object"
},
"spec": {
"properties": {
"components": {
"items": {
"properties": {
"componentVersion": {
"properties": {
"context": {
"type": "string"
},
"name": {
"type": "string"
},
"version": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"kind": {
"default": "component",
"pattern": "(?i)^(component|componentGroup)$",
"type": "string"
},
"name": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array"
},
"snapshotCreator": {
"properties": {
"taskRef": {
"properties": {
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"required": [
"name",
"value"
],
"type": "object"
},
"type": "array"
},
"resolver": {
"type": "string"
}
},
"required": [
"params",
"resolver"
],
"type": "object"
}
},
"type": "object"
},
"testGraph": {
"additionalProperties": {
"items": {
"properties": {
"failFast": {
"default": false,
"type": "boolean"
},
"name": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array"
},
"type": "object"
}
},
"required": [
"components"
],
"type": "object"
},
"status": {
"properties": {
"conditions": {
"items": {
"properties": {
"lastTransitionTime": {
"format": "date-time",
"type": "string"
},
"message": {
"maxLength": 32768,
"type": "string"
},
"observedGeneration": {
"format": "int64",
"minimum": 0,
"type": "integer"
},
"reason": {
"maxLength": 1024,
"minLength": 1,
"pattern": "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
"type": "string"
},
"status": {
"enum": [
"True",
"False",
"Unknown"
],
"type": "string"
},
"type": {
"maxLength": 316,
"pattern": "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
"type": "string"
}
},
"required": [
"lastTransitionTime",
"message",
"reason",
"status",
"type"
],
"type": "object"
},
"type": "array"
},
"globalCandidateList": {
"items": {
"properties": {
"lastPromotedBuildTime": {
"format": "date-time",
"type": "string"
},
"lastPromotedCommit": {
"type": "string"
},
"lastPromotedImage": {
"type": "string"
},
"name": {
"type": "string"
},
"url": {
"type": "string"
},
"version": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array"
}
},
"type": "object"
}
},
"type": "object"
}
"""#),
        Entry(
            group: "appstudio.redhat.com", kind: "IntegrationTestScenario", plural: "integrationtestscenarios",
            version: "v1alpha1", storage: false,
            deprecationWarning: "The v1alpha1 version is deprecated and will be automatically migrated to v1beta1",
            source: "appstudio.redhat.com_integrationtestscenarios.yaml",
            json: #"""
{
"properties": {
"apiVersion": {
"type": "string"
},
"kind": {
"type": "string"
},
"metadata": {
"type": "object"
},
"spec": {
"properties": {
"application": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"bundle": {
"type": "string"
},
"contexts": {
"items": {
"properties": {
"description": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array"
},
"environment": {
"properties": {
"configuration": {
"properties": {
"env": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"required": [
"name",
"value"
],
"type": "object"
},
"type": "array"
},
"target": {
"properties": {
"deploymentTargetClaim": {
"properties": {
"claimName": {
"type": "string"
}
},
"required": [
"claimName"
],
"type": "object"
}
},
"required": [
"deploymentTargetClaim"
],
"type": "object"
}
},
"type": "object"
},
"name": {
"type": "string"
},
"type": {
"type": "string"
}
},
"required": [
"name",
"type"
],
"type": "object"
},
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
},
"values": {
"items": {
"type": "string"
},
"type": "array"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array"
},
"pipeline": {
"type": "string"
}
},
"required": [
"application",
"bundle",
"pipeline"
],
"type": "object"
},
"status": {
"properties": {
"conditions": {
"items": {
"properties": {
"lastTransitionTime": {
"format": "date-time",
"type": "string"
},
"message": {
"maxLength": 32768,
"type": "string"
},
"observedGeneration": {
"format": "int64",
"minimum": 0,
"type": "integer"
},
"reason": {
"maxLength": 1024,
"minLength": 1,
"pattern": "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
"type": "string"
},
"status": {
"enum": [
"True",
"False",
"Unknown"
],
"type": "string"
},
"type": {
"maxLength": 316,
"pattern": "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
"type": "string"
}
},
"required": [
"lastTransitionTime",
"message",
"reason",
"status",
"type"
],
"type": "object"
},
"type": "array"
}
},
"required": [
"conditions"
],
"type": "object"
}
},
"type": "object"
}
"""#),
        Entry(
            group: "appstudio.redhat.com", kind: "IntegrationTestScenario", plural: "integrationtestscenarios",
            version: "v1beta1", storage: false,
            deprecationWarning: "The v1beta1 version is deprecated and will be automatically migrated to v1beta2",
            source: "appstudio.redhat.com_integrationtestscenarios.yaml",
            json: #"""
{
"properties": {
"apiVersion": {
"type": "string"
},
"kind": {
"type": "string"
},
"metadata": {
"type": "object"
},
"spec": {
"properties": {
"application": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"contexts": {
"items": {
"properties": {
"description": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array"
},
"environment": {
"properties": {
"configuration": {
"properties": {
"env": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"required": [
"name",
"value"
],
"type": "object"
},
"type": "array"
},
"target": {
"properties": {
"deploymentTargetClaim": {
"properties": {
"claimName": {
"type": "string"
}
},
"required": [
"claimName"
],
"type": "object"
}
},
"required": [
"deploymentTargetClaim"
],
"type": "object"
}
},
"type": "object"
},
"name": {
"type": "string"
},
"type": {
"type": "string"
}
},
"required": [
"name",
"type"
],
"type": "object"
},
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
},
"values": {
"items": {
"type": "string"
},
"type": "array"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array"
},
"resolverRef": {
"properties": {
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"required": [
"name",
"value"
],
"type": "object"
},
"type": "array"
},
"resolver": {
"type": "string"
}
},
"required": [
"params",
"resolver"
],
"type": "object"
}
},
"required": [
"application",
"resolverRef"
],
"type": "object"
},
"status": {
"properties": {
"conditions": {
"items": {
"properties": {
"lastTransitionTime": {
"format": "date-time",
"type": "string"
},
"message": {
"maxLength": 32768,
"type": "string"
},
"observedGeneration": {
"format": "int64",
"minimum": 0,
"type": "integer"
},
"reason": {
"maxLength": 1024,
"minLength": 1,
"pattern": "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
"type": "string"
},
"status": {
"enum": [
"True",
"False",
"Unknown"
],
"type": "string"
},
"type": {
"maxLength": 316,
"pattern": "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
"type": "string"
}
},
"required": [
"lastTransitionTime",
"message",
"reason",
"status",
"type"
],
"type": "object"
},
"type": "array"
}
},
"required": [
"conditions"
],
"type": "object"
}
},
"type": "object"
}
"""#),
        Entry(
            group: "appstudio.redhat.com", kind: "IntegrationTestScenario", plural: "integrationtestscenarios",
            version: "v1beta2", storage: true,
            deprecationWarning: nil,
            source: "appstudio.redhat.com_integrationtestscenarios.yaml",
            json: #"""
{
"properties": {
"apiVersion": {
"type": "string"
},
"kind": {
"type": "string"
},
"metadata": {
"type": "object"
},
"spec": {
"properties": {
"application": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"componentGroup": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"contexts": {
"items": {
"properties": {
"description": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array"
},
"dependents": {
"items": {
"type": "string"
},
"type": "array"
},
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
},
"values": {
"items": {
"type": "string"
},
"type": "array"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array"
},
"resolverRef": {
"properties": {
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"required": [
"name",
"value"
],
"type": "object"
},
"type": "array"
},
"resolver": {
"type": "string"
},
"resourceKind": {
"type": "string"
}
},
"required": [
"params",
"resolver"
],
"type": "object"
}
},
"required": [
"resolverRef"
],
"type": "object"
},
"status": {
"properties": {
"conditions": {
"items": {
"properties": {
"lastTransitionTime": {
"format": "date-time",
"type": "string"
},
"message": {
"maxLength": 32768,
"type": "string"
},
"observedGeneration": {
"format": "int64",
"minimum": 0,
"type": "integer"
},
"reason": {
"maxLength": 1024,
"minLength": 1,
"pattern": "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
"type": "string"
},
"status": {
"enum": [
"True",
"False",
"Unknown"
],
"type": "string"
},
"type": {
"maxLength": 316,
"pattern": "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
"type": "string"
}
},
"required": [
"lastTransitionTime",
"message",
"reason",
"status",
"type"
],
"type": "object"
},
"type": "array"
}
},
"required": [
"conditions"
],
"type": "object"
}
},
"type": "object"
}
"""#),
        Entry(
            group: "appstudio.redhat.com", kind: "Release", plural: "releases",
            version: "v1alpha1", storage: true,
            deprecationWarning: nil,
            source: "appstudio.redhat.com_releases.yaml",
            json: #"""
{
"properties": {
"apiVersion": {
"type": "string"
},
"kind": {
"type": "string"
},
"metadata": {
"type": "object"
},
"spec": {
"properties": {
"data": {
"type": "object",
"x-kubernetes-preserve-unknown-fields": true
},
"gracePeriodDays": {
"type": "integer"
},
"releasePlan": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"snapshot": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"required": [
"releasePlan",
"snapshot"
],
"type": "object"
},
"status": {
"properties": {
"artifacts": {
"type": "object",
"x-kubernetes-preserve-unknown-fields": true
},
"attribution": {
"properties": {
"author": {
"type": "string"
},
"standingAuthorization": {
"type": "boolean"
}
},
"type": "object"
},
"automated": {
"type": "boolean"
},
"collectors": {
"type": "object",
"x-kubernetes-preserve-unknown-fields": true
},
"collectorsProcessing": {
"properties": {
"managedCollectorsProcessing": {
"properties": {
"completionTime": {
"format": "date-time",
"type": "string"
},
"pipelineRun": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"roleBindings": {
"properties": {
"managedRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"secretRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"tenantRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"type": "object"
},
"startTime": {
"format": "date-time",
"type": "string"
}
},
"type": "object"
},
"tenantCollectorsProcessing": {
"properties": {
"completionTime": {
"format": "date-time",
"type": "string"
},
"pipelineRun": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"roleBindings": {
"properties": {
"managedRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"secretRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"tenantRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"type": "object"
},
"startTime": {
"format": "date-time",
"type": "string"
}
},
"type": "object"
}
},
"type": "object"
},
"completionTime": {
"format": "date-time",
"type": "string"
},
"conditions": {
"items": {
"properties": {
"lastTransitionTime": {
"format": "date-time",
"type": "string"
},
"message": {
"maxLength": 32768,
"type": "string"
},
"observedGeneration": {
"format": "int64",
"minimum": 0,
"type": "integer"
},
"reason": {
"maxLength": 1024,
"minLength": 1,
"pattern": "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
"type": "string"
},
"status": {
"enum": [
"True",
"False",
"Unknown"
],
"type": "string"
},
"type": {
"maxLength": 316,
"pattern": "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
"type": "string"
}
},
"required": [
"lastTransitionTime",
"message",
"reason",
"status",
"type"
],
"type": "object"
},
"type": "array"
},
"expirationTime": {
"format": "date-time",
"type": "string"
},
"finalProcessing": {
"properties": {
"completionTime": {
"format": "date-time",
"type": "string"
},
"pipelineRun": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"roleBindings": {
"properties": {
"managedRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"secretRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"tenantRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"type": "object"
},
"startTime": {
"format": "date-time",
"type": "string"
}
},
"type": "object"
},
"managedPipelineAttempts": {
"items": {
"properties": {
"completionTime": {
"format": "date-time",
"type": "string"
},
"failureReason": {
"type": "string"
},
"lastStep": {
"type": "string"
},
"lastTask": {
"type": "string"
},
"mitigation": {
"properties": {
"memoryLimit": {
"type": "string"
},
"memoryRequest": {
"type": "string"
},
"pipelinesTimeout": {
"type": "string"
},
"taskTimeout": {
"type": "string"
},
"tasksTimeout": {
"type": "string"
}
},
"type": "object"
},
"pipelineRun": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"roleBindings": {
"properties": {
"managedRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"secretRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"tenantRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"type": "object"
},
"startTime": {
"format": "date-time",
"type": "string"
},
"status": {
"type": "string"
},
"successfulTasks": {
"type": "integer"
}
},
"type": "object"
},
"type": "array"
},
"managedProcessing": {
"properties": {
"completionTime": {
"format": "date-time",
"type": "string"
},
"pipelineRun": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"roleBindings": {
"properties": {
"managedRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"secretRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"tenantRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"type": "object"
},
"startTime": {
"format": "date-time",
"type": "string"
}
},
"type": "object"
},
"startTime": {
"format": "date-time",
"type": "string"
},
"target": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"tenantProcessing": {
"properties": {
"completionTime": {
"format": "date-time",
"type": "string"
},
"pipelineRun": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"roleBindings": {
"properties": {
"managedRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"secretRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"tenantRoleBinding": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"type": "object"
},
"startTime": {
"format": "date-time",
"type": "string"
}
},
"type": "object"
},
"validation": {
"properties": {
"failedPostValidation": {
"type": "boolean"
},
"time": {
"format": "date-time",
"type": "string"
}
},
"type": "object"
}
},
"type": "object"
}
},
"type": "object"
}
"""#),
        Entry(
            group: "appstudio.redhat.com", kind: "ReleasePlan", plural: "releaseplans",
            version: "v1alpha1", storage: true,
            deprecationWarning: nil,
            source: "appstudio.redhat.com_releaseplans.yaml",
            json: #"""
{
"properties": {
"apiVersion": {
"type": "string"
},
"kind": {
"type": "string"
},
"metadata": {
"type": "object"
},
"spec": {
"properties": {
"application": {
"maxLength": 63,
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"collectors": {
"properties": {
"items": {
"items": {
"properties": {
"name": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"required": [
"name",
"value"
],
"type": "object"
},
"type": "array"
},
"timeout": {
"type": "integer"
},
"type": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"required": [
"name",
"params",
"type"
],
"type": "object"
},
"type": "array"
},
"secrets": {
"items": {
"type": "string"
},
"type": "array"
},
"serviceAccountName": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"required": [
"items"
],
"type": "object"
},
"componentGroup": {
"maxLength": 63,
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"data": {
"type": "object",
"x-kubernetes-preserve-unknown-fields": true
},
"finalPipeline": {
"properties": {
"maxRetries": {
"minimum": 0,
"type": "integer"
},
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"required": [
"name",
"value"
],
"type": "object"
},
"type": "array"
},
"pipelineRef": {
"properties": {
"ociStorage": {
"type": "string"
},
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"required": [
"name",
"value"
],
"type": "object"
},
"type": "array"
},
"resolver": {
"type": "string"
},
"useEmptyDir": {
"type": "boolean"
}
},
"required": [
"params",
"resolver"
],
"type": "object"
},
"serviceAccountName": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"taskRunSpecs": {
"items": {
"properties": {
"computeResources": {
"properties": {
"claims": {
"items": {
"properties": {
"name": {
"type": "string"
},
"request": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-map-keys": [
"name"
],
"x-kubernetes-list-type": "map"
},
"limits": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
},
"requests": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
}
},
"type": "object"
},
"metadata": {
"properties": {
"annotations": {
"additionalProperties": {
"type": "string"
},
"type": "object"
},
"labels": {
"additionalProperties": {
"type": "string"
},
"type": "object"
}
},
"type": "object"
},
"pipelineTaskName": {
"type": "string"
},
"podTemplate": {
"properties": {
"affinity": {
"x-kubernetes-preserve-unknown-fields": true
},
"automountServiceAccountToken": {
"type": "boolean"
},
"dnsConfig": {
"properties": {
"nameservers": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"options": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"searches": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
}
},
"type": "object"
},
"dnsPolicy": {
"type": "string"
},
"enableServiceLinks": {
"type": "boolean"
},
"env": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
},
"valueFrom": {
"properties": {
"configMapKeyRef": {
"properties": {
"key": {
"type": "string"
},
"name": {
"default": "",
"type": "string"
},
"optional": {
"type": "boolean"
}
},
"required": [
"key"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"fieldRef": {
"properties": {
"apiVersion": {
"type": "string"
},
"fieldPath": {
"type": "string"
}
},
"required": [
"fieldPath"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"fileKeyRef": {
"properties": {
"key": {
"type": "string"
},
"optional": {
"default": false,
"type": "boolean"
},
"path": {
"type": "string"
},
"volumeName": {
"type": "string"
}
},
"required": [
"key",
"path",
"volumeName"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"resourceFieldRef": {
"properties": {
"containerName": {
"type": "string"
},
"divisor": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"resource": {
"type": "string"
}
},
"required": [
"resource"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"secretKeyRef": {
"properties": {
"key": {
"type": "string"
},
"name": {
"default": "",
"type": "string"
},
"optional": {
"type": "boolean"
}
},
"required": [
"key"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
}
},
"type": "object"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"hostAliases": {
"items": {
"properties": {
"hostnames": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"ip": {
"type": "string"
}
},
"required": [
"ip"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"hostNetwork": {
"type": "boolean"
},
"hostUsers": {
"type": "boolean"
},
"imagePullSecrets": {
"items": {
"properties": {
"name": {
"default": "",
"type": "string"
}
},
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"nodeSelector": {
"additionalProperties": {
"type": "string"
},
"type": "object"
},
"priorityClassName": {
"type": "string"
},
"runtimeClassName": {
"type": "string"
},
"schedulerName": {
"type": "string"
},
"securityContext": {
"x-kubernetes-preserve-unknown-fields": true
},
"tolerations": {
"items": {
"properties": {
"effect": {
"type": "string"
},
"key": {
"type": "string"
},
"operator": {
"type": "string"
},
"tolerationSeconds": {
"format": "int64",
"type": "integer"
},
"value": {
"type": "string"
}
},
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"topologySpreadConstraints": {
"items": {
"properties": {
"labelSelector": {
"properties": {
"matchExpressions": {
"items": {
"properties": {
"key": {
"type": "string"
},
"operator": {
"type": "string"
},
"values": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
}
},
"required": [
"key",
"operator"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"matchLabels": {
"additionalProperties": {
"type": "string"
},
"type": "object"
}
},
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"matchLabelKeys": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"maxSkew": {
"format": "int32",
"type": "integer"
},
"minDomains": {
"format": "int32",
"type": "integer"
},
"nodeAffinityPolicy": {
"type": "string"
},
"nodeTaintsPolicy": {
"type": "string"
},
"topologyKey": {
"type": "string"
},
"whenUnsatisfiable": {
"type": "string"
}
},
"required": [
"maxSkew",
"topologyKey",
"whenUnsatisfiable"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"volumes": {
"x-kubernetes-preserve-unknown-fields": true
}
},
"type": "object"
},
"serviceAccountName": {
"type": "string"
},
"sidecarSpecs": {
"items": {
"properties": {
"computeResources": {
"properties": {
"claims": {
"items": {
"properties": {
"name": {
"type": "string"
},
"request": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-map-keys": [
"name"
],
"x-kubernetes-list-type": "map"
},
"limits": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
},
"requests": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
}
},
"type": "object"
},
"name": {
"type": "string"
}
},
"required": [
"computeResources",
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"stepSpecs": {
"items": {
"properties": {
"computeResources": {
"properties": {
"claims": {
"items": {
"properties": {
"name": {
"type": "string"
},
"request": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-map-keys": [
"name"
],
"x-kubernetes-list-type": "map"
},
"limits": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
},
"requests": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
}
},
"type": "object"
},
"name": {
"type": "string"
}
},
"required": [
"computeResources",
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"timeout": {
"type": "string"
}
},
"type": "object"
},
"type": "array"
},
"timeouts": {
"properties": {
"finally": {
"type": "string"
},
"pipeline": {
"type": "string"
},
"tasks": {
"type": "string"
}
},
"type": "object"
}
},
"required": [
"pipelineRef"
],
"type": "object"
},
"releaseGracePeriodDays": {
"default": 7,
"type": "integer"
},
"target": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"tenantPipeline": {
"properties": {
"maxRetries": {
"minimum": 0,
"type": "integer"
},
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"required": [
"name",
"value"
],
"type": "object"
},
"type": "array"
},
"pipelineRef": {
"properties": {
"ociStorage": {
"type": "string"
},
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"required": [
"name",
"value"
],
"type": "object"
},
"type": "array"
},
"resolver": {
"type": "string"
},
"useEmptyDir": {
"type": "boolean"
}
},
"required": [
"params",
"resolver"
],
"type": "object"
},
"serviceAccountName": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"taskRunSpecs": {
"items": {
"properties": {
"computeResources": {
"properties": {
"claims": {
"items": {
"properties": {
"name": {
"type": "string"
},
"request": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-map-keys": [
"name"
],
"x-kubernetes-list-type": "map"
},
"limits": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
},
"requests": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
}
},
"type": "object"
},
"metadata": {
"properties": {
"annotations": {
"additionalProperties": {
"type": "string"
},
"type": "object"
},
"labels": {
"additionalProperties": {
"type": "string"
},
"type": "object"
}
},
"type": "object"
},
"pipelineTaskName": {
"type": "string"
},
"podTemplate": {
"properties": {
"affinity": {
"x-kubernetes-preserve-unknown-fields": true
},
"automountServiceAccountToken": {
"type": "boolean"
},
"dnsConfig": {
"properties": {
"nameservers": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"options": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"searches": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
}
},
"type": "object"
},
"dnsPolicy": {
"type": "string"
},
"enableServiceLinks": {
"type": "boolean"
},
"env": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
},
"valueFrom": {
"properties": {
"configMapKeyRef": {
"properties": {
"key": {
"type": "string"
},
"name": {
"default": "",
"type": "string"
},
"optional": {
"type": "boolean"
}
},
"required": [
"key"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"fieldRef": {
"properties": {
"apiVersion": {
"type": "string"
},
"fieldPath": {
"type": "string"
}
},
"required": [
"fieldPath"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"fileKeyRef": {
"properties": {
"key": {
"type": "string"
},
"optional": {
"default": false,
"type": "boolean"
},
"path": {
"type": "string"
},
"volumeName": {
"type": "string"
}
},
"required": [
"key",
"path",
"volumeName"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"resourceFieldRef": {
"properties": {
"containerName": {
"type": "string"
},
"divisor": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"resource": {
"type": "string"
}
},
"required": [
"resource"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"secretKeyRef": {
"properties": {
"key": {
"type": "string"
},
"name": {
"default": "",
"type": "string"
},
"optional": {
"type": "boolean"
}
},
"required": [
"key"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
}
},
"type": "object"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"hostAliases": {
"items": {
"properties": {
"hostnames": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"ip": {
"type": "string"
}
},
"required": [
"ip"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"hostNetwork": {
"type": "boolean"
},
"hostUsers": {
"type": "boolean"
},
"imagePullSecrets": {
"items": {
"properties": {
"name": {
"default": "",
"type": "string"
}
},
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"nodeSelector": {
"additionalProperties": {
"type": "string"
},
"type": "object"
},
"priorityClassName": {
"type": "string"
},
"runtimeClassName": {
"type": "string"
},
"schedulerName": {
"type": "string"
},
"securityContext": {
"x-kubernetes-preserve-unknown-fields": true
},
"tolerations": {
"items": {
"properties": {
"effect": {
"type": "string"
},
"key": {
"type": "string"
},
"operator": {
"type": "string"
},
"tolerationSeconds": {
"format": "int64",
"type": "integer"
},
"value": {
"type": "string"
}
},
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"topologySpreadConstraints": {
"items": {
"properties": {
"labelSelector": {
"properties": {
"matchExpressions": {
"items": {
"properties": {
"key": {
"type": "string"
},
"operator": {
"type": "string"
},
"values": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
}
},
"required": [
"key",
"operator"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"matchLabels": {
"additionalProperties": {
"type": "string"
},
"type": "object"
}
},
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"matchLabelKeys": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"maxSkew": {
"format": "int32",
"type": "integer"
},
"minDomains": {
"format": "int32",
"type": "integer"
},
"nodeAffinityPolicy": {
"type": "string"
},
"nodeTaintsPolicy": {
"type": "string"
},
"topologyKey": {
"type": "string"
},
"whenUnsatisfiable": {
"type": "string"
}
},
"required": [
"maxSkew",
"topologyKey",
"whenUnsatisfiable"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"volumes": {
"x-kubernetes-preserve-unknown-fields": true
}
},
"type": "object"
},
"serviceAccountName": {
"type": "string"
},
"sidecarSpecs": {
"items": {
"properties": {
"computeResources": {
"properties": {
"claims": {
"items": {
"properties": {
"name": {
"type": "string"
},
"request": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-map-keys": [
"name"
],
"x-kubernetes-list-type": "map"
},
"limits": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
},
"requests": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
}
},
"type": "object"
},
"name": {
"type": "string"
}
},
"required": [
"computeResources",
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"stepSpecs": {
"items": {
"properties": {
"computeResources": {
"properties": {
"claims": {
"items": {
"properties": {
"name": {
"type": "string"
},
"request": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-map-keys": [
"name"
],
"x-kubernetes-list-type": "map"
},
"limits": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
},
"requests": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
}
},
"type": "object"
},
"name": {
"type": "string"
}
},
"required": [
"computeResources",
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"timeout": {
"type": "string"
}
},
"type": "object"
},
"type": "array"
},
"timeouts": {
"properties": {
"finally": {
"type": "string"
},
"pipeline": {
"type": "string"
},
"tasks": {
"type": "string"
}
},
"type": "object"
}
},
"required": [
"pipelineRef"
],
"type": "object"
}
},
"type": "object",
"x-kubernetes-validations": [
{
"message": "exactly one of application or componentGroup must be specified",
"rule": "has(self.application) != has(self.componentGroup)"
}
]
},
"status": {
"properties": {
"conditions": {
"items": {
"properties": {
"lastTransitionTime": {
"format": "date-time",
"type": "string"
},
"message": {
"maxLength": 32768,
"type": "string"
},
"observedGeneration": {
"format": "int64",
"minimum": 0,
"type": "integer"
},
"reason": {
"maxLength": 1024,
"minLength": 1,
"pattern": "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
"type": "string"
},
"status": {
"enum": [
"True",
"False",
"Unknown"
],
"type": "string"
},
"type": {
"maxLength": 316,
"pattern": "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
"type": "string"
}
},
"required": [
"lastTransitionTime",
"message",
"reason",
"status",
"type"
],
"type": "object"
},
"type": "array"
},
"releasePlanAdmission": {
"properties": {
"active": {
"type": "boolean"
},
"name": {
"type": "string"
}
},
"type": "object"
}
},
"type": "object"
}
},
"type": "object"
}
"""#),
        Entry(
            group: "appstudio.redhat.com", kind: "ReleasePlanAdmission", plural: "releaseplanadmissions",
            version: "v1alpha1", storage: true,
            deprecationWarning: nil,
            source: "appstudio.redhat.com_releaseplanadmissions.yaml",
            json: #"""
{
"properties": {
"apiVersion": {
"type": "string"
},
"kind": {
"type": "string"
},
"metadata": {
"type": "object"
},
"spec": {
"properties": {
"applications": {
"items": {
"type": "string"
},
"minItems": 1,
"type": "array"
},
"collectors": {
"properties": {
"items": {
"items": {
"properties": {
"name": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"required": [
"name",
"value"
],
"type": "object"
},
"type": "array"
},
"timeout": {
"type": "integer"
},
"type": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"required": [
"name",
"params",
"type"
],
"type": "object"
},
"type": "array"
},
"secrets": {
"items": {
"type": "string"
},
"type": "array"
},
"serviceAccountName": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"required": [
"items"
],
"type": "object"
},
"componentGroups": {
"items": {
"type": "string"
},
"minItems": 1,
"type": "array"
},
"data": {
"type": "object",
"x-kubernetes-preserve-unknown-fields": true
},
"environment": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"origin": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"pipeline": {
"properties": {
"maxRetries": {
"minimum": 0,
"type": "integer"
},
"pipelineRef": {
"properties": {
"ociStorage": {
"type": "string"
},
"params": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"required": [
"name",
"value"
],
"type": "object"
},
"type": "array"
},
"resolver": {
"type": "string"
},
"useEmptyDir": {
"type": "boolean"
}
},
"required": [
"params",
"resolver"
],
"type": "object"
},
"serviceAccountName": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
},
"taskRunSpecs": {
"items": {
"properties": {
"computeResources": {
"properties": {
"claims": {
"items": {
"properties": {
"name": {
"type": "string"
},
"request": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-map-keys": [
"name"
],
"x-kubernetes-list-type": "map"
},
"limits": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
},
"requests": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
}
},
"type": "object"
},
"metadata": {
"properties": {
"annotations": {
"additionalProperties": {
"type": "string"
},
"type": "object"
},
"labels": {
"additionalProperties": {
"type": "string"
},
"type": "object"
}
},
"type": "object"
},
"pipelineTaskName": {
"type": "string"
},
"podTemplate": {
"properties": {
"affinity": {
"x-kubernetes-preserve-unknown-fields": true
},
"automountServiceAccountToken": {
"type": "boolean"
},
"dnsConfig": {
"properties": {
"nameservers": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"options": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
}
},
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"searches": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
}
},
"type": "object"
},
"dnsPolicy": {
"type": "string"
},
"enableServiceLinks": {
"type": "boolean"
},
"env": {
"items": {
"properties": {
"name": {
"type": "string"
},
"value": {
"type": "string"
},
"valueFrom": {
"properties": {
"configMapKeyRef": {
"properties": {
"key": {
"type": "string"
},
"name": {
"default": "",
"type": "string"
},
"optional": {
"type": "boolean"
}
},
"required": [
"key"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"fieldRef": {
"properties": {
"apiVersion": {
"type": "string"
},
"fieldPath": {
"type": "string"
}
},
"required": [
"fieldPath"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"fileKeyRef": {
"properties": {
"key": {
"type": "string"
},
"optional": {
"default": false,
"type": "boolean"
},
"path": {
"type": "string"
},
"volumeName": {
"type": "string"
}
},
"required": [
"key",
"path",
"volumeName"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"resourceFieldRef": {
"properties": {
"containerName": {
"type": "string"
},
"divisor": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"resource": {
"type": "string"
}
},
"required": [
"resource"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"secretKeyRef": {
"properties": {
"key": {
"type": "string"
},
"name": {
"default": "",
"type": "string"
},
"optional": {
"type": "boolean"
}
},
"required": [
"key"
],
"type": "object",
"x-kubernetes-map-type": "atomic"
}
},
"type": "object"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"hostAliases": {
"items": {
"properties": {
"hostnames": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"ip": {
"type": "string"
}
},
"required": [
"ip"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"hostNetwork": {
"type": "boolean"
},
"hostUsers": {
"type": "boolean"
},
"imagePullSecrets": {
"items": {
"properties": {
"name": {
"default": "",
"type": "string"
}
},
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"nodeSelector": {
"additionalProperties": {
"type": "string"
},
"type": "object"
},
"priorityClassName": {
"type": "string"
},
"runtimeClassName": {
"type": "string"
},
"schedulerName": {
"type": "string"
},
"securityContext": {
"x-kubernetes-preserve-unknown-fields": true
},
"tolerations": {
"items": {
"properties": {
"effect": {
"type": "string"
},
"key": {
"type": "string"
},
"operator": {
"type": "string"
},
"tolerationSeconds": {
"format": "int64",
"type": "integer"
},
"value": {
"type": "string"
}
},
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"topologySpreadConstraints": {
"items": {
"properties": {
"labelSelector": {
"properties": {
"matchExpressions": {
"items": {
"properties": {
"key": {
"type": "string"
},
"operator": {
"type": "string"
},
"values": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
}
},
"required": [
"key",
"operator"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"matchLabels": {
"additionalProperties": {
"type": "string"
},
"type": "object"
}
},
"type": "object",
"x-kubernetes-map-type": "atomic"
},
"matchLabelKeys": {
"items": {
"type": "string"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"maxSkew": {
"format": "int32",
"type": "integer"
},
"minDomains": {
"format": "int32",
"type": "integer"
},
"nodeAffinityPolicy": {
"type": "string"
},
"nodeTaintsPolicy": {
"type": "string"
},
"topologyKey": {
"type": "string"
},
"whenUnsatisfiable": {
"type": "string"
}
},
"required": [
"maxSkew",
"topologyKey",
"whenUnsatisfiable"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"volumes": {
"x-kubernetes-preserve-unknown-fields": true
}
},
"type": "object"
},
"serviceAccountName": {
"type": "string"
},
"sidecarSpecs": {
"items": {
"properties": {
"computeResources": {
"properties": {
"claims": {
"items": {
"properties": {
"name": {
"type": "string"
},
"request": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-map-keys": [
"name"
],
"x-kubernetes-list-type": "map"
},
"limits": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
},
"requests": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
}
},
"type": "object"
},
"name": {
"type": "string"
}
},
"required": [
"computeResources",
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"stepSpecs": {
"items": {
"properties": {
"computeResources": {
"properties": {
"claims": {
"items": {
"properties": {
"name": {
"type": "string"
},
"request": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-map-keys": [
"name"
],
"x-kubernetes-list-type": "map"
},
"limits": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
},
"requests": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
}
},
"type": "object"
},
"name": {
"type": "string"
}
},
"required": [
"computeResources",
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-type": "atomic"
},
"timeout": {
"type": "string"
}
},
"type": "object"
},
"type": "array"
},
"timeouts": {
"properties": {
"finally": {
"type": "string"
},
"pipeline": {
"type": "string"
},
"tasks": {
"type": "string"
}
},
"type": "object"
}
},
"required": [
"pipelineRef"
],
"type": "object"
},
"policy": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"required": [
"origin",
"policy"
],
"type": "object",
"x-kubernetes-validations": [
{
"message": "exactly one of applications or componentGroups must be specified",
"rule": "has(self.applications) != has(self.componentGroups)"
}
]
},
"status": {
"properties": {
"conditions": {
"items": {
"properties": {
"lastTransitionTime": {
"format": "date-time",
"type": "string"
},
"message": {
"maxLength": 32768,
"type": "string"
},
"observedGeneration": {
"format": "int64",
"minimum": 0,
"type": "integer"
},
"reason": {
"maxLength": 1024,
"minLength": 1,
"pattern": "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
"type": "string"
},
"status": {
"enum": [
"True",
"False",
"Unknown"
],
"type": "string"
},
"type": {
"maxLength": 316,
"pattern": "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
"type": "string"
}
},
"required": [
"lastTransitionTime",
"message",
"reason",
"status",
"type"
],
"type": "object"
},
"type": "array"
},
"releasePlans": {
"items": {
"properties": {
"active": {
"type": "boolean"
},
"name": {
"pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
"type": "string"
}
},
"type": "object"
},
"type": "array"
},
"retryInfo": {
"properties": {
"enabled": {
"type": "boolean"
},
"maxRetries": {
"type": "integer"
},
"mitigations": {
"properties": {
"oomKill": {
"properties": {
"maxComputeResources": {
"properties": {
"claims": {
"items": {
"properties": {
"name": {
"type": "string"
},
"request": {
"type": "string"
}
},
"required": [
"name"
],
"type": "object"
},
"type": "array",
"x-kubernetes-list-map-keys": [
"name"
],
"x-kubernetes-list-type": "map"
},
"limits": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
},
"requests": {
"additionalProperties": {
"pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
"x-kubernetes-int-or-string": true
},
"type": "object"
}
},
"type": "object"
},
"multiplier": {
"pattern": "^[0-9]+(\\.[0-9]+)?$",
"type": "string"
}
},
"required": [
"multiplier"
],
"type": "object"
},
"timeout": {
"properties": {
"pipeline": {
"properties": {
"increment": {
"type": "string"
},
"maxTimeout": {
"type": "string"
}
},
"required": [
"increment"
],
"type": "object"
},
"task": {
"properties": {
"increment": {
"type": "string"
},
"maxTimeout": {
"type": "string"
}
},
"required": [
"increment"
],
"type": "object"
}
},
"type": "object"
}
},
"type": "object"
},
"reason": {
"type": "string"
}
},
"required": [
"enabled",
"reason"
],
"type": "object"
}
},
"type": "object"
}
},
"type": "object"
}
"""#),
        Entry(
            group: "appstudio.redhat.com", kind: "Snapshot", plural: "snapshots",
            version: "v1alpha1", storage: true,
            deprecationWarning: nil,
            source: "appstudio.redhat.com_snapshots.yaml",
            json: #"""
{
"properties": {
"apiVersion": {
"type": "string"
},
"kind": {
"type": "string"
},
"metadata": {
"type": "object"
},
"spec": {
"properties": {
"application": {
"type": "string"
},
"artifacts": {
"properties": {
"unstableFields": {
"x-kubernetes-preserve-unknown-fields": true
}
},
"type": "object"
},
"componentGroup": {
"type": "string"
},
"components": {
"items": {
"properties": {
"containerImage": {
"type": "string"
},
"name": {
"type": "string"
},
"source": {
"properties": {
"dockerfileUri": {
"type": "string"
},
"git": {
"properties": {
"context": {
"type": "string"
},
"devfileUrl": {
"type": "string"
},
"dockerfileUrl": {
"type": "string"
},
"revision": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"url"
],
"type": "object"
},
"url": {
"type": "string"
},
"versions": {
"items": {
"properties": {
"build-pipeline": {
"nullable": true,
"properties": {
"pull": {
"nullable": true,
"properties": {
"pipelineref-by-git-resolver": {
"nullable": true,
"properties": {
"pathInRepo": {
"type": "string"
},
"revision": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"pathInRepo",
"revision",
"url"
],
"type": "object"
},
"pipelineref-by-name": {
"type": "string"
},
"pipelinespec-from-bundle": {
"nullable": true,
"properties": {
"bundle": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"bundle",
"name"
],
"type": "object"
}
},
"type": "object"
},
"pull-and-push": {
"nullable": true,
"properties": {
"pipelineref-by-git-resolver": {
"nullable": true,
"properties": {
"pathInRepo": {
"type": "string"
},
"revision": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"pathInRepo",
"revision",
"url"
],
"type": "object"
},
"pipelineref-by-name": {
"type": "string"
},
"pipelinespec-from-bundle": {
"nullable": true,
"properties": {
"bundle": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"bundle",
"name"
],
"type": "object"
}
},
"type": "object"
},
"push": {
"nullable": true,
"properties": {
"pipelineref-by-git-resolver": {
"nullable": true,
"properties": {
"pathInRepo": {
"type": "string"
},
"revision": {
"type": "string"
},
"url": {
"type": "string"
}
},
"required": [
"pathInRepo",
"revision",
"url"
],
"type": "object"
},
"pipelineref-by-name": {
"type": "string"
},
"pipelinespec-from-bundle": {
"nullable": true,
"properties": {
"bundle": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"bundle",
"name"
],
"type": "object"
}
},
"type": "object"
}
},
"type": "object"
},
"context": {
"type": "string"
},
"dockerfileUri": {
"type": "string"
},
"name": {
"type": "string"
},
"revision": {
"type": "string"
},
"skip-builds": {
"type": "boolean"
}
},
"required": [
"name",
"revision"
],
"type": "object"
},
"type": "array"
}
},
"type": "object"
},
"version": {
"type": "string"
}
},
"required": [
"containerImage",
"name"
],
"type": "object"
},
"type": "array"
},
"displayDescription": {
"type": "string"
},
"displayName": {
"type": "string"
}
},
"type": "object"
},
"status": {
"properties": {
"conditions": {
"items": {
"properties": {
"lastTransitionTime": {
"format": "date-time",
"type": "string"
},
"message": {
"maxLength": 32768,
"type": "string"
},
"observedGeneration": {
"format": "int64",
"minimum": 0,
"type": "integer"
},
"reason": {
"maxLength": 1024,
"minLength": 1,
"pattern": "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
"type": "string"
},
"status": {
"enum": [
"True",
"False",
"Unknown"
],
"type": "string"
},
"type": {
"maxLength": 316,
"pattern": "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
"type": "string"
}
},
"required": [
"lastTransitionTime",
"message",
"reason",
"status",
"type"
],
"type": "object"
},
"type": "array"
},
"parentSnapshots": {
"additionalProperties": {
"properties": {
"created": {
"type": "boolean"
},
"err": {
"type": "string"
},
"name": {
"type": "string"
}
},
"required": [
"created"
],
"type": "object"
},
"type": "object"
}
},
"type": "object"
}
},
"type": "object"
}
"""#),
    ]
}
