#!/usr/bin/env python3
"""Checks the parts of SARIF 2.1.0 that code-scanning consumers require.

The official JSON schema is not available offline, so this checks the
required properties and types by hand: version, $schema, runs[].tool.driver
(name, rules with ids), results (ruleId naming a rule, ruleIndex matching it,
level, message.text, locations with artifactLocation.uri and a region with
startLine >= 1), relatedLocations and codeFlows when present.
usage: check_sarif.py <file>; prints "SARIF OK: <n> results" or fails.
"""
import json
import sys


def fail(msg):
    print("SARIF INVALID: " + msg)
    sys.exit(1)


def check_physical(p, where):
    if not isinstance(p, dict) or "artifactLocation" not in p:
        fail(where + ": physicalLocation.artifactLocation missing")
    uri = p["artifactLocation"].get("uri")
    if not isinstance(uri, str) or not uri:
        fail(where + ": artifactLocation.uri missing")
    region = p.get("region")
    if region is not None:
        if not isinstance(region.get("startLine"), int) or region["startLine"] < 1:
            fail(where + ": region.startLine must be an integer >= 1")
        if "startColumn" in region and region["startColumn"] < 1:
            fail(where + ": region.startColumn must be >= 1")


doc = json.load(open(sys.argv[1]))
if doc.get("version") != "2.1.0":
    fail("version is not 2.1.0")
if "sarif-2.1.0" not in doc.get("$schema", ""):
    fail("$schema does not name SARIF 2.1.0")
runs = doc.get("runs")
if not isinstance(runs, list) or len(runs) != 1:
    fail("expected one run")
driver = runs[0].get("tool", {}).get("driver", {})
if driver.get("name") != "lockcheck":
    fail("tool.driver.name")
rules = driver.get("rules")
if not isinstance(rules, list) or not rules:
    fail("tool.driver.rules missing")
ids = [r.get("id") for r in rules]
for r in rules:
    if not r.get("id") or not r.get("shortDescription", {}).get("text"):
        fail("rule without id or shortDescription.text")
results = runs[0].get("results")
if not isinstance(results, list):
    fail("results missing")
for i, res in enumerate(results):
    w = "results[%d]" % i
    if res.get("ruleId") not in ids:
        fail(w + ": ruleId does not name a rule")
    if "ruleIndex" in res and ids[res["ruleIndex"]] != res["ruleId"]:
        fail(w + ": ruleIndex does not match ruleId")
    if res.get("level") not in ("none", "note", "warning", "error"):
        fail(w + ": level")
    if not res.get("message", {}).get("text"):
        fail(w + ": message.text")
    locs = res.get("locations")
    if not isinstance(locs, list) or not locs:
        fail(w + ": locations")
    for loc in locs:
        check_physical(loc.get("physicalLocation"), w)
    for j, rel in enumerate(res.get("relatedLocations", [])):
        if not isinstance(rel.get("id"), int) or not rel.get("message", {}).get("text"):
            fail(w + ".relatedLocations[%d]: id or message.text" % j)
        check_physical(rel.get("physicalLocation"), w + ".relatedLocations[%d]" % j)
    for flow in res.get("codeFlows", []):
        tfs = flow.get("threadFlows")
        if not isinstance(tfs, list) or not tfs:
            fail(w + ": codeFlows[].threadFlows")
        for tf in tfs:
            steps = tf.get("locations")
            if not isinstance(steps, list) or not steps:
                fail(w + ": threadFlows[].locations")
            for s in steps:
                check_physical(s.get("location", {}).get("physicalLocation"), w + " codeFlow")
base = runs[0].get("originalUriBaseIds", {})
for res in results:
    for loc in res["locations"]:
        b = loc["physicalLocation"]["artifactLocation"].get("uriBaseId")
        if b is not None and b not in base:
            fail("uriBaseId %s is not in originalUriBaseIds" % b)
print("SARIF OK: %d results" % len(results))
