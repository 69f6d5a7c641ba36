#!/usr/bin/env python3
"""Validates a SARIF 2.1.0 log against the schema, with no network.

The official schema (sarif-schema-2.1.0.json) cannot be fetched here, so
SCHEMA below restates the part of it that covers every object lockcheck
writes, and validate() implements the JSON Schema keywords it uses (type,
required, properties, additionalProperties, items, minItems, uniqueItems,
enum, minimum, maximum, anyOf, $ref, format uri / uri-reference). As in the
official schema, objects accept only the properties the SARIF standard
defines for them, so a misspelt or misplaced key is an error. Then the rules
the schema cannot say: ruleIndex matches ruleId, every uriBaseId is defined,
base URIs end with '/', relatedLocations ids are unique, and file URIs carry
no query or fragment (a '#' or '?' in a file name must be percent-encoded).

usage: check_sarif.py <file>; prints "SARIF OK: <n> results" or the first
problems with their JSON paths, and exits 1.
"""
import json
import re
import sys

STR = {"type": "string"}
INT = {"type": "integer"}
BOOL = {"type": "boolean"}
URI = {"type": "string", "format": "uri"}
URI_REF = {"type": "string", "format": "uri-reference"}
PROPS = {"$ref": "propertyBag"}


def obj(props, required=(), extra=False):
    """An object with exactly these properties (and the usual 'properties' bag)."""
    p = dict(props)
    p.setdefault("properties", PROPS)
    s = {"type": "object", "properties": p, "additionalProperties": extra}
    if required:
        s["required"] = list(required)
    return s


def arr(items, min_items=0, unique=False):
    s = {"type": "array", "items": items, "minItems": min_items}
    if unique:
        s["uniqueItems"] = True
    return s


LEVEL = {"enum": ["none", "note", "warning", "error"]}

DEFS = {
    "propertyBag": {"type": "object", "properties": {"tags": arr(STR, unique=True)},
                    "additionalProperties": True},
    "message": dict(obj({"text": STR, "markdown": STR, "id": STR, "arguments": arr(STR)}),
                    anyOf=[{"required": ["text"]}, {"required": ["id"]}]),
    "multiformatMessageString": obj({"text": STR, "markdown": STR}, ["text"]),
    "artifactLocation": obj({"uri": URI_REF, "uriBaseId": STR,
                             "index": {"type": "integer", "minimum": -1},
                             "description": {"$ref": "message"}}),
    "region": obj({"startLine": {"type": "integer", "minimum": 1},
                   "startColumn": {"type": "integer", "minimum": 1},
                   "endLine": {"type": "integer", "minimum": 1},
                   "endColumn": {"type": "integer", "minimum": 1},
                   "charOffset": {"type": "integer", "minimum": -1},
                   "charLength": {"type": "integer", "minimum": 0},
                   "byteOffset": {"type": "integer", "minimum": -1},
                   "byteLength": {"type": "integer", "minimum": 0},
                   "snippet": {"$ref": "artifactContent"},
                   "message": {"$ref": "message"},
                   "sourceLanguage": STR}),
    "physicalLocation": dict(obj({"address": {"type": "object"},
                                  "artifactLocation": {"$ref": "artifactLocation"},
                                  "region": {"$ref": "region"},
                                  "contextRegion": {"$ref": "region"}}),
                             anyOf=[{"required": ["address"]},
                                    {"required": ["artifactLocation"]}]),
    "location": obj({"id": {"type": "integer", "minimum": -1},
                     "physicalLocation": {"$ref": "physicalLocation"},
                     "logicalLocations": arr({"type": "object"}),
                     "message": {"$ref": "message"},
                     "annotations": arr({"$ref": "region"}),
                     "relationships": arr({"type": "object"})}),
    "threadFlowLocation": obj({"index": {"type": "integer", "minimum": -1},
                               "location": {"$ref": "location"},
                               "stack": {"type": "object"},
                               "kinds": arr(STR), "module": STR,
                               "state": {"type": "object"},
                               "nestingLevel": {"type": "integer", "minimum": 0},
                               "executionOrder": {"type": "integer", "minimum": -1},
                               "executionTimeUtc": STR,
                               "importance": {"enum": ["important", "essential", "unimportant"]}}),
    "threadFlow": obj({"id": STR, "message": {"$ref": "message"},
                       "locations": arr({"$ref": "threadFlowLocation"}, 1)}, ["locations"]),
    "codeFlow": obj({"message": {"$ref": "message"},
                     "threadFlows": arr({"$ref": "threadFlow"}, 1)}, ["threadFlows"]),
    "artifactContent": obj({"text": STR, "binary": STR, "rendered": {"$ref": "multiformatMessageString"}}),
    "replacement": obj({"deletedRegion": {"$ref": "region"},
                        "insertedContent": {"$ref": "artifactContent"}}, ["deletedRegion"]),
    "artifactChange": obj({"artifactLocation": {"$ref": "artifactLocation"},
                           "replacements": arr({"$ref": "replacement"}, 1)},
                          ["artifactLocation", "replacements"]),
    "fix": obj({"description": {"$ref": "message"},
                "artifactChanges": arr({"$ref": "artifactChange"}, 1, unique=True)},
               ["artifactChanges"]),
    "reportingConfiguration": obj({"enabled": BOOL, "level": LEVEL,
                                   "rank": {"type": "number", "minimum": -1, "maximum": 100},
                                   "parameters": PROPS}),
    "reportingDescriptor": obj({"id": STR, "deprecatedIds": arr(STR), "guid": STR,
                                "deprecatedGuids": arr(STR), "name": STR,
                                "deprecatedNames": arr(STR),
                                "shortDescription": {"$ref": "multiformatMessageString"},
                                "fullDescription": {"$ref": "multiformatMessageString"},
                                "messageStrings": {"type": "object"},
                                "defaultConfiguration": {"$ref": "reportingConfiguration"},
                                "helpUri": URI,
                                "help": {"$ref": "multiformatMessageString"},
                                "relationships": arr({"type": "object"})}, ["id"]),
    "toolComponent": obj({"guid": STR, "name": STR, "organization": STR, "product": STR,
                          "productSuite": STR,
                          "shortDescription": {"$ref": "multiformatMessageString"},
                          "fullDescription": {"$ref": "multiformatMessageString"},
                          "fullName": STR, "version": STR, "semanticVersion": STR,
                          "dottedQuadFileVersion": STR, "releaseDateUtc": STR,
                          "downloadUri": URI, "informationUri": URI,
                          "globalMessageStrings": {"type": "object"},
                          "notifications": arr({"$ref": "reportingDescriptor"}, unique=True),
                          "rules": arr({"$ref": "reportingDescriptor"}, unique=True),
                          "taxa": arr({"$ref": "reportingDescriptor"}, unique=True),
                          "language": STR, "contents": arr(STR),
                          "isComprehensive": BOOL}, ["name"]),
    "tool": obj({"driver": {"$ref": "toolComponent"},
                 "extensions": arr({"$ref": "toolComponent"}, unique=True)}, ["driver"]),
    "notification": obj({"locations": arr({"$ref": "location"}),
                         "message": {"$ref": "message"}, "level": LEVEL,
                         "threadId": INT, "timeUtc": STR,
                         "exception": {"type": "object"},
                         "descriptor": {"type": "object"},
                         "associatedRule": {"type": "object"}}, ["message"]),
    "invocation": obj({"commandLine": STR, "arguments": arr(STR),
                       "startTimeUtc": STR, "endTimeUtc": STR, "exitCode": INT,
                       "executionSuccessful": BOOL,
                       "toolExecutionNotifications": arr({"$ref": "notification"}),
                       "toolConfigurationNotifications": arr({"$ref": "notification"}),
                       "workingDirectory": {"$ref": "artifactLocation"}},
                      ["executionSuccessful"], extra=True),
    "result": obj({"ruleId": STR, "ruleIndex": {"type": "integer", "minimum": -1},
                   "rule": {"type": "object"},
                   "kind": {"enum": ["notApplicable", "pass", "fail", "review", "open",
                                     "informational"]},
                   "level": LEVEL, "message": {"$ref": "message"},
                   "analysisTarget": {"$ref": "artifactLocation"},
                   "locations": arr({"$ref": "location"}), "guid": STR,
                   "correlationGuid": STR,
                   "occurrenceCount": {"type": "integer", "minimum": 1},
                   "partialFingerprints": {"type": "object",
                                           "additionalProperties": STR},
                   "fingerprints": {"type": "object", "additionalProperties": STR},
                   "stacks": arr({"type": "object"}),
                   "codeFlows": arr({"$ref": "codeFlow"}),
                   "relatedLocations": arr({"$ref": "location"}, unique=True),
                   "suppressions": arr({"type": "object"}),
                   "baselineState": {"enum": ["new", "unchanged", "updated", "absent"]},
                   "rank": {"type": "number", "minimum": -1, "maximum": 100},
                   "fixes": arr({"$ref": "fix"}, unique=True),
                   "hostedViewerUri": URI, "workItemUris": arr(URI)}, ["message"]),
    "run": obj({"tool": {"$ref": "tool"},
                "invocations": arr({"$ref": "invocation"}),
                "originalUriBaseIds": {"type": "object",
                                       "additionalProperties": {"$ref": "artifactLocation"}},
                "results": arr({"$ref": "result"}),
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "defaultEncoding": STR, "defaultSourceLanguage": STR,
                "automationDetails": {"type": "object"},
                "artifacts": arr({"type": "object"}),
                "language": STR}, ["tool"]),
}
SCHEMA = obj({"$schema": URI, "version": {"enum": ["2.1.0"]},
              "runs": {"type": ["array", "null"], "items": {"$ref": "run"}},
              "inlineExternalProperties": arr({"type": "object"})}, ["version", "runs"])

# RFC 3986: unreserved and reserved characters, and %XX escapes; nothing else
# (no spaces, no raw non-ASCII bytes, no lone '%').
URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def is_type(v, t):
    if t == "integer":
        return isinstance(v, int) and not isinstance(v, bool)
    if t == "number":
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    return isinstance(v, TYPES[t])


def validate(v, schema, path, errors):
    if "$ref" in schema:
        return validate(v, DEFS[schema["$ref"]], path, errors)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(is_type(v, t) for t in types):
            errors.append("%s: expected %s, got %s" % (path, "/".join(types), json.dumps(v)[:60]))
            return
    if "enum" in schema and v not in schema["enum"]:
        errors.append("%s: %r is not one of %s" % (path, v, schema["enum"]))
    if "minimum" in schema and is_type(v, "number") and v < schema["minimum"]:
        errors.append("%s: %r is less than %r" % (path, v, schema["minimum"]))
    if "maximum" in schema and is_type(v, "number") and v > schema["maximum"]:
        errors.append("%s: %r is more than %r" % (path, v, schema["maximum"]))
    fmt = schema.get("format")
    if fmt and isinstance(v, str):
        if not URI_CHARS.match(v):
            errors.append("%s: %r is not a valid URI (characters must be percent-encoded)"
                          % (path, v))
        elif fmt == "uri" and not SCHEME.match(v):
            errors.append("%s: %r is not an absolute URI" % (path, v))
    for sub in schema.get("anyOf", []):
        trial = []
        validate(v, sub, path, trial)
        if not trial:
            break
    else:
        if "anyOf" in schema:
            errors.append("%s: matches none of %s" % (path, schema["anyOf"]))
    if isinstance(v, dict):
        for r in schema.get("required", []):
            if r not in v:
                errors.append("%s: required property '%s' missing" % (path, r))
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for k, sub in v.items():
            if k in props:
                validate(sub, props[k], path + "." + k, errors)
            elif extra is False:
                errors.append("%s: property '%s' is not allowed here" % (path, k))
            elif isinstance(extra, dict):
                validate(sub, extra, path + "." + k, errors)
    if isinstance(v, list):
        if len(v) < schema.get("minItems", 0):
            errors.append("%s: needs at least %d items" % (path, schema["minItems"]))
        if schema.get("uniqueItems"):
            seen = [json.dumps(x, sort_keys=True) for x in v]
            if len(seen) != len(set(seen)):
                errors.append("%s: items are not unique" % path)
        if "items" in schema:
            for i, x in enumerate(v):
                validate(x, schema["items"], "%s[%d]" % (path, i), errors)


def semantic(doc, errors):
    for ri, run in enumerate(doc.get("runs") or []):
        where = "runs[%d]" % ri
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        ids = [r.get("id") for r in rules]
        if len(set(ids)) != len(ids):
            errors.append(where + ": rule ids are not unique")
        bases = run.get("originalUriBaseIds", {})
        for name, loc in bases.items():
            if not loc.get("uri", "").endswith("/"):
                errors.append("%s.originalUriBaseIds.%s: a base URI must end with '/'" % (where, name))

        def artifact(loc, w):
            if not isinstance(loc, dict):
                return
            uri = loc.get("uri", "")
            if "#" in uri or "?" in uri:
                errors.append("%s: file URI %r has a query or fragment" % (w, uri))
            base = loc.get("uriBaseId")
            if base is not None and base not in bases:
                errors.append("%s: uriBaseId %s is not in originalUriBaseIds" % (w, base))
            if base is not None and SCHEME.match(uri):
                errors.append("%s: %r is absolute but has a uriBaseId" % (w, uri))

        def walk(v, w):
            if isinstance(v, dict):
                for k, x in v.items():
                    if k in ("artifactLocation", "analysisTarget"):
                        artifact(x, w + "." + k)
                    walk(x, w + "." + k)
            elif isinstance(v, list):
                for i, x in enumerate(v):
                    walk(x, "%s[%d]" % (w, i))

        walk(run.get("results", []), where + ".results")
        walk(run.get("invocations", []), where + ".invocations")
        for i, res in enumerate(run.get("results", [])):
            w = "%s.results[%d]" % (where, i)
            if "ruleIndex" in res:
                idx = res["ruleIndex"]
                if not (0 <= idx < len(ids)) or ids[idx] != res.get("ruleId"):
                    errors.append(w + ": ruleIndex does not name the rule of ruleId")
            elif res.get("ruleId") not in ids:
                errors.append(w + ": ruleId names no rule")
            rel = [r.get("id") for r in res.get("relatedLocations", []) if "id" in r]
            if len(rel) != len(set(rel)):
                errors.append(w + ": relatedLocations ids are not unique")


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    errors = []
    validate(doc, SCHEMA, "$", errors)
    semantic(doc, errors)
    if errors:
        for e in errors[:20]:
            print("SARIF INVALID: " + e)
        sys.exit(1)
    n = sum(len(r.get("results") or []) for r in doc["runs"])
    print("SARIF OK: %d results" % n)


if __name__ == "__main__":
    main()
