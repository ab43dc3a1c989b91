#!/usr/bin/env python3
"""Large synthetic VWO FullStack settings files for the diff benchmark (issue 6).

    gen-settings.py OLD NEW [--campaigns N] [--seed S] [--changed-percent P]

Writes OLD (N campaigns, pretty-printed with 2-space indent like the SDK fixtures; 5,000
campaigns are about 11 MB) and NEW, a copy with P% of the campaigns changed (traffic, status,
a variation weight, a goal added or removed, a variable value), one campaign removed and one
added (and put in a group). The same seed gives byte-identical files. The files carry the
quirks real ones have: `{}` for empty collections, variation ids as 1 and "1", campaign ids
that repeat under different keys, variable ids that repeat.
"""
import argparse
import copy
import json
import random
import sys

STATUSES = ["RUNNING", "RUNNING", "RUNNING", "PAUSED"]
TYPES = ["VISUAL_AB", "FEATURE_TEST", "FEATURE_ROLLOUT"]
WORDS = ["checkout", "pricing", "banner", "search", "cart", "signup", "promo", "header",
         "footer", "onboarding", "upsell", "menu", "hero", "cta", "trial", "billing"]


def variables(rng, prefix):
    kinds = [("string", lambda: prefix + " " + rng.choice(WORDS)),
             ("integer", lambda: rng.randrange(0, 1000)),
             ("double", lambda: round(rng.uniform(0, 100), 3)),
             ("boolean", lambda: rng.random() < 0.5)]
    out = []
    for i, (kind, value) in enumerate(kinds[:rng.randrange(2, 5)]):
        # ids repeat across variations and campaigns, as in the SDK fixtures
        out.append({"id": i + 1, "key": "%s_VAR_%d" % (kind.upper(), i), "type": kind,
                    "value": value()})
    return out


def segments(rng):
    if rng.random() < 0.6:
        return {}
    return {"or": [{"custom_variable": {"plan": "regex(%s)" % rng.choice(WORDS)}},
                   {"and": [{"user": "wildcard(*@%s.com)" % rng.choice(WORDS)},
                            {"not": {"custom_variable": {"country": rng.choice(["IN", "US"])}}}]}]}


def campaign(rng, n, campaign_id):
    kind = rng.choice(TYPES)
    count = 1 if kind == "FEATURE_ROLLOUT" else rng.randrange(2, 6)
    weights = [100 // count] * count
    weights[0] += 100 - sum(weights)
    string_ids = rng.random() < 0.2  # variation ids as "1" in some files
    variations = []
    for v in range(count):
        variation = {"id": str(v + 1) if string_ids else v + 1,
                     "name": "Control" if v == 0 else "Variation-%d" % v,
                     "changes": {}, "weight": weights[v]}
        if kind == "FEATURE_TEST":
            variation["isFeatureEnabled"] = v != 0
            variation["variables"] = variables(rng, variation["name"])
        if rng.random() < 0.2:
            variation["segments"] = {"or": [{"custom_variable": {"beta": "true"}}]}
        variations.append(variation)
    goals = [{"identifier": "%s_%d" % (rng.choice(WORDS), g), "id": 200 + n * 3 + g,
              "type": rng.choice(["CUSTOM_GOAL", "REVENUE_TRACKING"])}
             for g in range(rng.randrange(1, 5))]
    for goal in goals:
        goal["mca"] = -1
        goal["hasProps"] = goal["type"] == "REVENUE_TRACKING"
        if goal["type"] == "REVENUE_TRACKING":
            goal["revenueProp"] = "revenue"
    out = {"id": campaign_id, "segments": segments(rng), "status": rng.choice(STATUSES),
           "percentTraffic": rng.choice([10, 25, 50, 75, 100]), "goals": goals,
           "variations": variations, "isForcedVariationEnabled": rng.random() < 0.3,
           "isBucketingSeedEnabled": rng.random() < 0.5, "isUserListEnabled": False,
           "isMAB": False, "isOB": rng.random() < 0.1,
           "key": "%s_%s_%d" % (rng.choice(WORDS), rng.choice(WORDS), n),
           "name": "Campaign %d" % n, "type": kind}
    if kind == "FEATURE_ROLLOUT":
        out["variables"] = variables(rng, "rollout")
        out["goals"] = []
    return out


def settings(rng, count):
    campaigns = []
    for n in range(count):
        # every 500th campaign reuses its predecessor's id under another key
        cid = campaigns[-1]["id"] if n % 500 == 499 else 1000 + n
        campaigns.append(campaign(rng, n, cid))
    groups, campaign_groups = {}, {}
    for g in range(count // 100):
        members = [c["id"] for c in campaigns[g * 100: g * 100 + 4]]
        groups[str(g + 1)] = {"name": "Group %d" % (g + 1), "campaigns": members}
        for cid in members:
            campaign_groups[str(cid)] = g + 1
    return {"sdkKey": "bench0000000000000000000000000000", "version": 1,
            "accountId": 123456, "campaigns": campaigns, "groups": groups,
            "campaignGroups": campaign_groups, "isEventArchEnabled": True}


def change(rng, c):
    what = rng.randrange(5)
    if what == 0:
        c["percentTraffic"] = 100 if c["percentTraffic"] != 100 else 50
    elif what == 1:
        c["status"] = "PAUSED" if c["status"] == "RUNNING" else "RUNNING"
    elif what == 2 and len(c["variations"]) > 1:
        c["variations"][0]["weight"] -= 5
        c["variations"][1]["weight"] += 5
    elif what == 3:
        if len(c["goals"]) > 1:
            c["goals"].pop()
        else:
            c["goals"].append({"identifier": "purchase", "id": 9, "type": "REVENUE_TRACKING",
                               "revenueProp": "revenue"})
    else:
        target = next((v for v in c["variations"] if v.get("variables")), None)
        if target is None:
            c["percentTraffic"] = 100 if c["percentTraffic"] != 100 else 50
        else:
            target["variables"][0]["value"] = "changed"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--campaigns", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--changed-percent", type=float, default=1.0)
    args = parser.parse_args()
    if args.campaigns < 10:
        sys.exit("gen-settings: --campaigns must be at least 10")

    rng = random.Random(args.seed)
    old = settings(rng, args.campaigns)
    new = copy.deepcopy(old)
    new["version"] = 2
    changed = rng.sample(range(1, args.campaigns - 1),
                         max(1, round(args.campaigns * args.changed_percent / 100)))
    for index in changed:
        change(rng, new["campaigns"][index])
    del new["campaigns"][args.campaigns // 2]
    added = campaign(rng, args.campaigns, 900000)
    new["campaigns"].append(added)
    new["groups"]["1"]["campaigns"].append(added["id"])
    new["campaignGroups"][str(added["id"])] = 1

    for path, doc in ((args.old, old), (args.new, new)):
        with open(path, "w", encoding="utf-8") as out:
            json.dump(doc, out, indent=2, ensure_ascii=False)
            out.write("\n")


if __name__ == "__main__":
    main()
