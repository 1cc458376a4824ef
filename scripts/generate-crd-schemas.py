#!/usr/bin/env python3
"""Generate Sources/SnapgateSchema/KonfluxCRDSchemas.generated.swift from the upstream Konflux CRDs.

Usage (from the repository root):

    python3 scripts/generate-crd-schemas.py [--crds ../shared/konflux/crds] [--out PATH]

For every served version of every CRD file (*.yaml) in the CRD directory, the openAPIV3Schema is
reduced to the keywords snapgate validates (descriptions and other documentation are dropped) and
emitted as one compact JSON document inside a Swift raw string literal; SnapgateSchema decodes it at
first use. The output is deterministic: CRDs are ordered by (group, kind), versions as in the CRD,
object keys sorted.
"""

import argparse
import json
import os
import sys

import yaml

# Keywords copied verbatim when present.
SCALAR_KEYWORDS = [
    "type", "format", "pattern", "enum", "default", "nullable",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties",
    "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
    "x-kubernetes-embedded-resource", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
    "x-kubernetes-map-type",
]
# Keywords that are dropped on purpose (documentation only, or handled through another keyword).
DROPPED_KEYWORDS = {"description", "title", "example", "externalDocs"}


def reduce_schema(schema, where):
    """Returns the validation-relevant subset of a structural schema node."""
    if not isinstance(schema, dict):
        raise SystemExit(f"{where}: schema is not a mapping")
    out = {}
    for key in SCALAR_KEYWORDS:
        if key in schema:
            out[key] = schema[key]
    if "required" in schema:
        out["required"] = list(schema["required"])
    if "properties" in schema:
        out["properties"] = {
            name: reduce_schema(sub, f"{where}.{name}") for name, sub in schema["properties"].items()
        }
    if "items" in schema:
        out["items"] = reduce_schema(schema["items"], f"{where}[]")
    if "additionalProperties" in schema:
        extra = schema["additionalProperties"]
        out["additionalProperties"] = extra if isinstance(extra, bool) else reduce_schema(extra, f"{where}{{}}")
    if "x-kubernetes-validations" in schema:
        out["x-kubernetes-validations"] = [
            {k: rule[k] for k in ("rule", "message", "fieldPath", "reason") if k in rule}
            for rule in schema["x-kubernetes-validations"]
        ]
    for key in ("anyOf", "oneOf", "allOf", "not"):
        if key not in schema:
            continue
        # The only combinator the Konflux CRDs use is the int-or-string `anyOf: [integer, string]`,
        # which x-kubernetes-int-or-string already expresses. Refuse anything else loudly.
        if key == "anyOf" and schema.get("x-kubernetes-int-or-string") is True:
            continue
        raise SystemExit(f"{where}: unsupported keyword {key!r}; extend the generator and StructuralSchema")
    known = set(SCALAR_KEYWORDS) | DROPPED_KEYWORDS | {
        "required", "properties", "items", "additionalProperties", "x-kubernetes-validations", "anyOf",
    }
    unknown = sorted(set(schema) - known)
    if unknown:
        raise SystemExit(f"{where}: unsupported schema keywords {unknown}")
    return out


def load_crds(crd_dir):
    """Returns [(group, kind, plural, file, [(version, storage, deprecation, schema)])] sorted by (group, kind)."""
    crds = []
    for name in sorted(os.listdir(crd_dir)):
        if not name.endswith(".yaml"):
            continue
        with open(os.path.join(crd_dir, name), encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        if not isinstance(doc, dict) or doc.get("kind") != "CustomResourceDefinition":
            continue
        spec = doc["spec"]
        group, kind = spec["group"], spec["names"]["kind"]
        versions = []
        for version in spec["versions"]:
            if not version.get("served", False):
                continue
            schema = version["schema"]["openAPIV3Schema"]
            where = f"{kind}.{version['name']}"
            deprecation = None
            if version.get("deprecated", False):
                # The API server's default text when the CRD gives none.
                deprecation = version.get("deprecationWarning") or f"{group}/{version['name']} {kind} is deprecated"
            versions.append((version["name"], bool(version.get("storage", False)), deprecation,
                             reduce_schema(schema, where)))
        crds.append((group, kind, spec["names"]["plural"], name, versions))
    crds.sort(key=lambda c: (c[0], c[1]))
    return crds


def swift_raw_string(text):
    """A Swift multi-line raw string literal holding `text` exactly."""
    hashes = "#"
    while ('"""' + hashes) in text or ("\\" + hashes) in text:
        hashes += "#"
    return f'{hashes}"""\n{text}\n"""{hashes}'


def render(crds):
    lines = [
        "// swift-format-ignore-file",
        "// GENERATED FILE - DO NOT EDIT.",
        "// Regenerate with `python3 scripts/generate-crd-schemas.py` (see Sources/SnapgateSchema/README.md).",
        "//",
        "// Derived from the Konflux CustomResourceDefinitions (konflux-ci/application-api,",
        "// konflux-ci/integration-service, konflux-ci/release-service), licensed under the Apache",
        "// License 2.0; see crds/SOURCES.md next to the CRD files for repositories, commits and checksums.",
        "// Only validation keywords are kept: descriptions are dropped.",
        "",
        "extension KonfluxCRDSchemas {",
        "    /// Every served version of every Konflux CRD, in (group, kind) order.",
        "    static let entries: [Entry] = [",
    ]
    for group, kind, plural, filename, versions in crds:
        for version, storage, deprecation, schema in versions:
            text = json.dumps(schema, sort_keys=True, indent=0, ensure_ascii=True)
            lines.append("        Entry(")
            lines.append(f"            group: {json.dumps(group)}, kind: {json.dumps(kind)}, plural: {json.dumps(plural)},")
            lines.append(f"            version: {json.dumps(version)}, storage: {'true' if storage else 'false'},")
            lines.append(f"            deprecationWarning: {json.dumps(deprecation) if deprecation else 'nil'},")
            lines.append(f"            source: {json.dumps(filename)},")
            lines.append("            json: " + swift_raw_string(text).replace("\n", "\n") + "),")
    lines.append("    ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--crds", default=os.path.join(root, "..", "shared", "konflux", "crds"),
                        help="directory holding the CRD YAML files (default: ../shared/konflux/crds)")
    parser.add_argument("--out", default=os.path.join(root, "Sources", "SnapgateSchema",
                                                      "KonfluxCRDSchemas.generated.swift"),
                        help="output Swift file")
    parser.add_argument("crds_positional", nargs="?", help="same as --crds")
    args = parser.parse_args(argv)
    crd_dir = args.crds_positional or args.crds
    if not os.path.isdir(crd_dir):
        raise SystemExit(f"CRD directory not found: {crd_dir}")
    crds = load_crds(crd_dir)
    if not crds:
        raise SystemExit(f"no CustomResourceDefinition found in {crd_dir}")
    text = render(crds)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    count = sum(len(v) for *_, v in crds)
    print(f"wrote {count} schemas for {len(crds)} CRDs to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
