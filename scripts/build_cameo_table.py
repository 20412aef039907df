#!/usr/bin/env python3
"""Build data/events/cameo.tsv: CAMEO event codes with Goldstein scores and PLOVER types.

Usage (from anywhere; paths are relative to the repository root):
  python3 scripts/build_cameo_table.py [UPSTREAM_DIR]

UPSTREAM_DIR defaults to ../shared/data/upstream (relative to the repository root).
Python 3 standard library only.

Inputs (under UPSTREAM_DIR):
  cameo/CAMEO.eventcodes.txt         the list of codes (GDELT lookup table); its wording is
                                     NOT copied: the descriptions below are our own paraphrases
  cameo/CAMEO.goldsteinscale.txt     Goldstein score of every code
  PLOVER/CAMEO2PLOVER-2021.txt       CAMEO -> PLOVER event and mode (CC BY-SA 4.0)
  PLOVER/CAMEO-PLOV.txt              older CAMEO -> PLOVER table, used only as a fallback
  PLOVER/PLOVER_ontology.derived.tsv valid PLOVER event and mode names

Output columns (tab-separated, '#' header line):
  code  goldstein  quad_class  plover  plover_mode  description

Rules
-----
* quad_class from the two-digit root (GDELT): 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4.
* plover / plover_mode, in order of preference:
  1. the code's own line in CAMEO2PLOVER-2021.txt. Code 175 is listed twice with the same
     event and mode; the line whose description matches the CAMEO wording ("tactics of
     violent repression") is the one kept.
  2. root 01 (public statements) -> OTHER, no mode.
  3. root 02 (appeals) -> REQUEST, with the mode of the parallel DEMAND code
     (02xy <-> 10xy: 021x assist, 024x change, 025x yield, 026-028 meet).
  4. the `NN: EVENT` section header of the code's root in CAMEO2PLOVER-2021.txt (the first
     header of a root wins, so unlisted 08 codes would be CONCEDE, not RETREAT).
  5. CAMEO-PLOV.txt (2018), with the old event names renamed.
  Modes are checked against the ontology; modes that the current PLOVER manual does not list
  for that event are replaced through MODE_FIX below or left empty.
"""

import csv
import os
import sys

REPO_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DEFAULT_UPSTREAM = os.path.join("..", "shared", "data", "upstream")
OUT_PATH = os.path.join("data", "events", "cameo.tsv")

PLOVER_EVENTS = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                 "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                 "MOBILIZE", "COERCE", "ASSAULT"]

# Pre-2021 PLOVER event names used by CAMEO-PLOV.txt.
OLD_EVENT_NAMES = {"COOPERATION": "COOPERATE", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE",
                   "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

# (event, mode used by CAMEO2PLOVER-2021) -> mode of the current manual ('' = none).
MODE_FIX = {
    ("ASSAULT", "assassinate"): "targeted",     # 185, 186: the manual's targeted killings
    ("ASSAULT", "massacre"): "targeted",        # 200, 202: "deliberate mass killings"
    ("ASSAULT", "cleansing"): "",               # 201, 203: no current mode fits
    ("ASSAULT", "seize"): "destroy",            # 1712 destroy property
    ("ASSAULT", "pro_autocracy"): "",           # 175: a context, not a mode
    ("COERCE", "ban"): "restrict",              # 1722: restrict covers political bans
    ("THREATEN", "ban"): "restrict",            # 132, 1322
    ("THREATEN", "political"): "restrict",      # 1321
    ("RETREAT", "ease"): "",                    # 085: "ease" is no longer a mode
    ("RETREAT", "return"): "",                  # 0842: return of property, no mode
}

# Codes whose CAMEO2PLOVER-2021 mapping the current PLOVER manual overrides: the manual's
# SANCTION "discontinue" mode says international (political or economic) sanctions are coded
# there, while the 2021 table still sends 163 to COERCE/restrict.
EVENT_FIX = {
    "163": ("SANCTION", "discontinue"),
}

# Our own short descriptions (paraphrases; the GDELT wording is not reused verbatim).
# 101 and 105-108 follow the meaning the PETRARCH2 verb dictionary and the PLOVER tables
# give these codes (105 yield, 106 meeting, 107 settlement, 108 mediation); GDELT's lookup
# labels them differently (105 mediation, 106 withdrawal, 107 ceasefire, 108 meeting).
DESCRIPTIONS = """
01 public statement
010 statement, unspecified
011 refuse to comment
012 voice pessimism
013 voice optimism
014 weigh a policy option
015 claim or admit responsibility
016 disclaim responsibility
017 symbolic gesture
018 express sympathy
019 voice agreement
02 appeals and requests
020 appeal, unspecified
021 call for material cooperation
0211 call for economic cooperation
0212 call for military cooperation
0213 call for judicial cooperation
0214 call for intelligence sharing
022 call for diplomatic or policy support
023 call for aid
0231 call for economic aid
0232 call for military aid
0233 call for humanitarian aid
0234 call for protection or peacekeepers
024 call for political reform
0241 call for new leadership
0242 call for a policy change
0243 call for rights
0244 call for institutional or regime change
025 call on target to concede
0251 call for easing administrative sanctions
0252 call for an end to protests
0253 call for freeing people or property
0254 call for lifting economic sanctions
0255 call for admitting international involvement
0256 call for military de-escalation
026 call for a meeting or talks
027 call for settling a dispute
028 call for accepting mediation
03 intent to cooperate
030 signal willingness to cooperate
031 pledge material cooperation
0311 pledge economic cooperation
0312 pledge military cooperation
0313 pledge judicial cooperation
0314 pledge intelligence cooperation
032 pledge diplomatic support
033 pledge material aid
0331 pledge economic aid
0332 pledge military aid
0333 pledge humanitarian aid
0334 pledge protection or peacekeepers
034 pledge political reform
0341 pledge leadership change
0342 pledge policy change
0343 pledge to grant rights
0344 pledge institutional or regime change
035 pledge to concede
0351 pledge to relax administrative sanctions
0352 pledge to end protests
0353 pledge release of people or property
0354 pledge to lift economic sanctions
0355 pledge to admit international involvement
0356 pledge military de-escalation
036 offer to meet or negotiate
037 offer to settle a dispute
038 agree to accept mediation
039 offer to mediate
04 consultation and meetings
040 consult, unspecified
041 phone talks
042 pay a visit
043 receive a visitor
044 meet at a neutral venue
045 act as mediator
046 hold negotiations
05 diplomatic cooperation
050 diplomatic cooperation, unspecified
051 praise or back
052 speak in defence of
053 rally support for
054 recognise diplomatically
055 offer an apology
056 grant forgiveness
057 sign an agreement
06 material cooperation
060 material cooperation, unspecified
061 economic cooperation
062 military cooperation
063 judicial cooperation
064 share information or intelligence
07 give aid
070 aid, unspecified
071 economic aid
072 military aid
073 humanitarian aid
074 protection or peacekeeping
075 give asylum
08 yielding and concessions
080 concede, unspecified
081 relax administrative sanctions
0811 relax political restrictions
0812 lift ban on parties or politicians
0813 lift a curfew
0814 lift emergency or martial law
082 scale back dissent
083 accept political reform demands
0831 accept leadership change
0832 accept policy change
0833 accept rights demands
0834 accept institutional or regime change
084 return or release
0841 release people
0842 return property
085 lift economic sanctions or embargo
086 admit international involvement
0861 accept peacekeepers
0862 admit inspectors
0863 let humanitarian aid through
087 de-escalate militarily
0871 declare a ceasefire or truce
0872 lift a military blockade
0873 demobilise forces
0874 retreat or surrender
09 investigation of wrongdoing
090 investigate, unspecified
091 investigate crime or corruption
092 investigate rights abuses
093 probe military action
094 probe war crimes
10 demands and orders
100 demand, unspecified
101 demand information or cooperation
1011 demand economic collaboration
1012 demand military collaboration
1013 demand legal cooperation
1014 demand intelligence sharing
102 demand diplomatic backing
103 demand aid or protection
1031 demand economic assistance
1032 demand military assistance
1033 demand humanitarian assistance
1034 demand protection or peacekeepers
104 demand political reform
1041 demand leadership change
1042 demand a policy change
1043 demand that rights be granted
1044 demand institutional or regime change
105 demand that target concede
1051 demand relaxing administrative sanctions
1052 demand an end to protests
1053 demand release of people or property
1054 demand lifting economic sanctions
1055 demand admitting international involvement
1056 demand military de-escalation
106 demand a meeting or talks
107 demand settling a dispute
108 demand mediation
11 disapproval and accusation
110 voice disapproval
111 criticise or condemn
112 accuse, unspecified
1121 allege crime or corruption
1122 allege human rights abuses
1123 allege aggression
1124 allege war crimes
1125 allege spying or treason
113 mobilise opposition against
114 lodge a formal complaint
115 take legal action against
116 convict or hold liable
12 rejection and refusal
120 reject, unspecified
121 refuse material cooperation
1211 refuse economic cooperation
1212 refuse military cooperation
122 refuse aid requests
1221 refuse economic aid request
1222 refuse military aid request
1223 refuse humanitarian aid request
1224 refuse protection or peacekeeping request
123 refuse political reform demands
1231 refuse leadership change demands
1232 refuse policy change demands
1233 refuse rights demands
1234 refuse institutional or regime change
124 decline to concede
1241 keep administrative sanctions
1242 refuse to end protests
1243 refuse to release people or property
1244 keep economic sanctions
1245 refuse international involvement
1246 refuse military de-escalation
125 reject an offer of talks
126 turn down mediation
127 reject a settlement plan
128 flout norms or laws
129 use a veto
13 threats and warnings
130 threaten, unspecified
131 non-military threat
1311 threaten to cut aid
1312 threaten sanctions or boycott
1313 threaten to cut relations
132 threaten administrative sanctions
1321 threaten political restrictions
1322 threaten to ban parties or politicians
1323 threaten a curfew
1324 threaten emergency or martial law
133 threaten protest or dissent
134 threaten to quit negotiations
135 threaten to quit mediation
136 threaten to end international involvement
137 threaten violent repression
138 threaten military force
1381 threaten a blockade
1382 threaten to occupy territory
1383 threaten an unconventional attack
1384 threaten a conventional attack
1385 threaten a wmd attack
139 issue an ultimatum
14 protest and dissent
140 political dissent, unspecified
141 hold a demonstration or rally
1411 protest for leadership change
1412 protest for policy change
1413 protest for rights
1414 protest for institutional change
142 hunger strike
1421 hunger strike for leadership change
1422 hunger strike for policy change
1423 hunger strike for rights
1424 hunger strike for institutional change
143 strike or boycott
1431 strike or boycott for leadership change
1432 strike or boycott for policy change
1433 strike or boycott for rights
1434 strike or boycott for institutional change
144 blockade or obstruct passage
1441 blockade for leadership change
1442 blockade for policy change
1443 blockade for rights
1444 blockade for institutional change
145 riot or violent protest
1451 riot for leadership change
1452 riot for policy change
1453 riot for rights
1454 riot for institutional change
15 show of force
150 show military or police power
151 raise police alert
152 raise military alert
153 mobilise police
154 mobilise armed forces
16 downgrading of relations
160 downgrade relations, unspecified
161 cut diplomatic ties
162 cut aid
1621 cut economic aid
1622 cut military aid
1623 cut humanitarian aid
163 impose sanctions, embargo or boycott
164 break off negotiations
165 break off mediation
166 expel or pull out, unspecified
1661 expel or pull out peacekeepers
1662 expel or pull out inspectors
1663 expel or pull out aid agencies
17 coercion and repression
170 coerce, unspecified
171 seize or damage property
1711 seize property
1712 destroy or demolish property
172 administrative sanctions
1721 restrict political freedoms
1722 ban parties or politicians
1723 order a curfew
1724 declare emergency or martial law
173 arrest, detain or prosecute
174 deport individuals
175 violent repression
18 unconventional violence
180 unconventional violence, unspecified
181 kidnap, hijack or take hostages
182 physical assault
1821 sexual assault
1822 use torture
1823 kill in physical assault
183 non-military bombing
1831 suicide bombing
1832 car bombing
1833 roadside bombing
184 use human shields
185 assassination attempt
186 carry out an assassination
19 conventional military force
190 military force, unspecified
191 blockade or restrict movement
192 seize and hold territory
193 small arms fighting
194 artillery or tank fighting
195 aerial attack
196 ceasefire violation
20 mass violence
200 mass violence, unspecified
201 mass expulsion
202 mass killing
203 ethnic cleansing
204 use of weapons of mass destruction
2041 chemical, biological or radiological attack
2042 nuclear detonation
"""


def read_tsv_codes(path):
    """Rows of a two-column TSV with a header line: list of (code, value)."""
    rows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        next(f)
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            code, value = line.split("\t", 1)
            rows.append((code.strip(), value.strip()))
    return rows


def read_ontology(path):
    """(set of events, {event: set of modes}) from PLOVER_ontology.derived.tsv."""
    events, modes = set(), {}
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if not row or row[0] == "kind":
                continue
            if row[0] == "event":
                events.add(row[1])
            elif row[0] == "mode":
                modes.setdefault(row[1], set()).add(row[2])
    return events, modes


def read_cameo2plover(path, notes):
    """Parse CAMEO2PLOVER-2021.txt -> (mapping {code: (event, mode, desc)}, headers {root: event})."""
    mapping, headers = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#") or line.startswith("~"):
                continue
            head, _, desc = line.partition("#")
            code, _, rest = head.partition(":")
            code = code.strip()
            fields = [x.strip() for x in rest.split(",")]
            if len(fields) == 1:            # section header "NN: EVENT"
                headers.setdefault(code, fields[0])
                continue
            event, mode = fields[0], fields[1]
            desc = desc.strip()
            if code in mapping:
                old = mapping[code]
                notes.append("CAMEO2PLOVER-2021 lists %s twice (%s/%s '%s' and %s/%s '%s')"
                             % (code, old[0], old[1], old[2], event, mode, desc))
                # keep the line whose description is closest to the CAMEO wording
                if "tactics" not in desc and "tactics" in old[2]:
                    continue
            mapping[code] = (event, mode, desc)
    return mapping, headers


def read_cameo_plov(path):
    """Parse the older CAMEO-PLOV.txt -> {code: (event, mode)} (old names renamed)."""
    mapping = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 3 or not parts[0].isdigit():
                continue
            event = OLD_EVENT_NAMES.get(parts[1], parts[1])
            mode = "" if parts[2] == "---" else parts[2]
            mapping.setdefault(parts[0], (event, mode))
    return mapping


def quad_class(code):
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def main(argv):
    upstream = argv[1] if len(argv) > 1 else DEFAULT_UPSTREAM
    os.chdir(REPO_ROOT)
    notes = []

    codes = read_tsv_codes(os.path.join(upstream, "cameo", "CAMEO.eventcodes.txt"))
    goldstein = dict(read_tsv_codes(os.path.join(upstream, "cameo", "CAMEO.goldsteinscale.txt")))
    events, modes = read_ontology(os.path.join(upstream, "PLOVER", "PLOVER_ontology.derived.tsv"))
    c2p, headers = read_cameo2plover(os.path.join(upstream, "PLOVER", "CAMEO2PLOVER-2021.txt"), notes)
    old = read_cameo_plov(os.path.join(upstream, "PLOVER", "CAMEO-PLOV.txt"))

    desc = {}
    for line in DESCRIPTIONS.strip().splitlines():
        c, _, d = line.partition(" ")
        desc[c] = d.strip()

    assert set(events) == set(PLOVER_EVENTS), sorted(events)
    code_set = [c for c, _ in codes]
    assert len(code_set) == len(set(code_set)), "duplicate codes in CAMEO.eventcodes.txt"

    extra = sorted(set(c2p) - set(code_set))
    if extra:
        notes.append("CAMEO2PLOVER-2021 codes not in the CAMEO list (ignored): " + " ".join(extra))

    source_count = {}
    fallback_codes, header_codes, fixed_modes = [], [], []
    rows = []
    for code, _ in codes:
        root = code[:2]
        if code in c2p:
            event, mode, _ = c2p[code]
            src = "CAMEO2PLOVER-2021"
        elif root == "01":
            event, mode, src = "OTHER", "", "rule 01"
        elif root == "02":
            event, mode, src = "REQUEST", "", "rule 02"
            twin = "10" + code[2:] if len(code) > 2 else None
            if twin and twin in c2p:
                mode = c2p[twin][1]
        elif root in headers:
            event, mode, src = headers[root], "", "section header"
            header_codes.append(code)
        elif code in old:
            event, mode = old[code]
            src = "CAMEO-PLOV"
            fallback_codes.append(code)
        else:
            raise SystemExit("no PLOVER mapping for " + code)
        mode = mode.strip()
        if code in EVENT_FIX:
            event, mode = EVENT_FIX[code]
            src = "manual override"
        if event != "OTHER" and event not in events:
            raise SystemExit("invalid PLOVER event %s for %s" % (event, code))
        if mode and mode not in modes.get(event, set()):
            new = MODE_FIX.get((event, mode))
            if new is None:
                new = ""
            fixed_modes.append("%s %s:%s->%s" % (code, event, mode, new or "(empty)"))
            mode = new
        source_count[src] = source_count.get(src, 0) + 1
        if code not in goldstein:
            raise SystemExit("no Goldstein score for " + code)
        if code not in desc:
            raise SystemExit("no description for " + code)
        d = desc[code]
        assert d == d.lower() and "\t" not in d and '"' not in d, d
        rows.append((code, "%.1f" % float(goldstein[code]), str(quad_class(code)), event, mode, d))

    unused = sorted(set(desc) - set(code_set))
    if unused:
        raise SystemExit("descriptions for unknown codes: " + " ".join(unused))

    os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
    with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as out:
        out.write("# CAMEO event codes (GDELT lookup tables) with Goldstein scores, GDELT quad classes\n")
        out.write("# and PLOVER event types/modes from PLOVER CAMEO2PLOVER-2021.txt (CC BY-SA 4.0).\n")
        out.write("# Descriptions are our own paraphrases. Generated by scripts/build_cameo_table.py;\n")
        out.write("# edit the script, not this file. See data/SOURCES.md.\n")
        out.write("# Codes 101 and 105-108 are described as PETRARCH2 and PLOVER use them; GDELT's\n")
        out.write("# labels differ (105 mediation, 106 withdrawal, 107 ceasefire, 108 meeting).\n")
        out.write("# code\tgoldstein\tquad_class\tplover\tplover_mode\tdescription\n")
        for r in rows:
            out.write("\t".join(r) + "\n")

    print("wrote %s: %d codes" % (OUT_PATH, len(rows)))
    print("plover source counts: " + ", ".join("%s %d" % kv for kv in sorted(source_count.items())))
    if header_codes:
        print("mapped by section header: " + " ".join(header_codes))
    if fallback_codes:
        print("mapped from CAMEO-PLOV.txt: " + " ".join(fallback_codes))
    if fixed_modes:
        print("modes replaced: " + "; ".join(fixed_modes))
    for n in notes:
        print("note: " + n)


if __name__ == "__main__":
    main(sys.argv)
