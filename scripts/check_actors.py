#!/usr/bin/env python3
"""Check geokg `.actors` files (format: data/README.md, section `actors/*.actors`).

Usage:

    python3 scripts/check_actors.py [--strict] [--summary] [--roles FILE] [--countries FILE] FILE...

Reads each `.actors` file and prints one line per problem, `FILE:LINE: error|warning: message`.
Exit code 1 when there is an error (with --strict, warnings count as errors), else 0.
Python 3 standard library only.

Errors (the geokg parser would reject the file, or the data is certainly wrong):
  - a code line before any entry, an entry without a code line, an empty name (`A || B`)
  - a bad code (3+ characters, ASCII uppercase letters and digits), a bad date or range,
    extra words after the range, an unknown `kind:` or `@directive`
  - FROM not before UNTIL (an empty range)
  - two code lines of one entry with different codes whose ranges overlap, unless one of the
    two comments contains `overlap ok` (the first code that applies wins: an unintended overlap
    hides the second code)
Warnings:
  - the same normalised name in two entries of the file (which one wins is then load order)
  - a name that looks like a code line, a code whose length is not a multiple of 3
  - the same code twice with overlapping ranges
  - an unknown country prefix or role code, when --countries / --roles give the lists (by
    default data/actors/countries.tsv and roles.tsv next to the checked file, when present)

Dates follow geokg: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; FROM is inclusive, UNTIL exclusive, and a
partial UNTIL means the end of that month or year (`..2021-08` = before 2021-09-01).
--summary prints the number of entries under each `# == Section ==` heading comment.
"""

import argparse
import datetime
import os
import re
import sys
import unicodedata

KINDS = {
    "country", "government", "military", "armed_group", "opposition", "igo", "ngo", "media",
    "person", "organisation", "unknown",
}
DIRECTIVES = {"horizon", "people"}
NON_COUNTRY_PREFIXES = {"IGO", "NGO", "NGM", "IMG", "ISM", "MNC", "INT"}
CODE_RE = re.compile(r"^[A-Z0-9]{3,}$")
CODE_LINE_RE = re.compile(r"^[A-Z0-9]{3,}\s+\S*\.\.\S*$")
LIKELY_CODE_RE = re.compile(
    r"^(?:[A-Z]{3}|IGO|NGO|IMG)(?:GOV|MIL|REB|INS|OPP|ELI|LEG|JUD|COP|SPY|MED|SEP|CRM|BUS|UNO|MUS)[A-Z]*$")
SECTION_RE = re.compile(r"^#\s*==+\s*(.*?)\s*=*\s*$")
OVERLAP_OK = "overlap ok"


def parse_bound(text, end):
    """A date bound as geokg reads it, or None when malformed."""
    parts = text.split("-")
    if not all(p.isdigit() for p in parts) or len(parts) > 3:
        return None
    if len(parts[0]) != 4 or any(len(p) != 2 for p in parts[1:]):
        return None
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return datetime.date(year + 1 if end else year, 1, 1)
        month = int(parts[1])
        if len(parts) == 2:
            start = datetime.date(year, month, 1)
            if not end:
                return start
            return datetime.date(year + (month == 12), month % 12 + 1, 1)
        return datetime.date(year, month, int(parts[2]))
    except ValueError:
        return None


def parse_range(text):
    """(from, until) with None for open ends, or raises ValueError with a reason."""
    if ".." in text:
        a, b = text.split("..", 1)
    else:
        a, b = text, ""
    if not a and not b:
        raise ValueError("range with neither end")
    start = parse_bound(a, False) if a else None
    until = parse_bound(b, True) if b else None
    if a and start is None:
        raise ValueError(f"bad date {a!r}")
    if b and until is None:
        raise ValueError(f"bad date {b!r}")
    return start, until


def normalise(name):
    """Approximates geokg name keys: case and diacritics folded, periods of abbreviations
    dropped, hyphens and apostrophes separate tokens, a leading `the` optional."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace(".", "")
    text = re.sub(r"[-\u2010-\u2015'\u2018\u2019`/]", " ", text)
    text = re.sub(r"[^\w\s&]", " ", text)
    words = text.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def needs_capital(name):
    """geokg: a name spelled with a capital (or digit) only matches capitalised text."""
    text = name[4:] if name.startswith("the ") else name
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def overlaps(a, b):
    (a_from, a_until), (b_from, b_until) = a, b
    lo = max(a_from or datetime.date.min, b_from or datetime.date.min)
    hi = min(a_until or datetime.date.max, b_until or datetime.date.max)
    return lo < hi


def load_list(path, column):
    values = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) > column:
                values.add(fields[column].strip())
    return values


class Checker:
    def __init__(self, path, strict, roles, countries):
        self.path = path
        self.strict = strict
        self.roles = roles
        self.countries = countries
        self.errors = 0
        self.warnings = 0
        self.sections = []  # [name, entries]

    def report(self, line_no, level, message):
        if level == "warning" and self.strict:
            level = "error"
        if level == "error":
            self.errors += 1
        else:
            self.warnings += 1
        print(f"{self.path}:{line_no}: {level}: {message}")

    def check_code(self, line_no, code):
        if not CODE_RE.match(code):
            self.report(line_no, "error", f"bad actor code {code!r}")
            return
        if len(code) % 3:
            self.report(line_no, "warning", f"code {code!r} is not a run of 3-letter parts")
        prefix, rest = code[:3], code[3:]
        if self.countries is not None and prefix not in NON_COUNTRY_PREFIXES \
                and prefix not in self.countries:
            self.report(line_no, "warning", f"unknown country prefix {prefix!r} in {code!r}")
        is_country = prefix in self.countries if self.countries is not None \
            else prefix not in NON_COUNTRY_PREFIXES
        if self.roles is not None and is_country and len(rest) >= 3:
            role = rest[:3]
            if role not in self.roles:
                self.report(line_no, "warning", f"unknown role {role!r} in {code!r}")

    def finish_entry(self, entry):
        if entry is None:
            return
        if not entry["codes"]:
            self.report(entry["line"], "error", f"entry {entry['names'][0]!r} has no code line")
        codes = entry["codes"]
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                if not overlaps(a["range"], b["range"]):
                    continue
                if OVERLAP_OK in a["comment"].lower() or OVERLAP_OK in b["comment"].lower():
                    continue
                if a["code"] == b["code"]:
                    self.report(b["line"], "warning",
                                f"{b['code']} overlaps the same code on line {a['line']}")
                else:
                    self.report(b["line"], "error",
                                f"{b['code']} {b['text']} overlaps {a['code']} {a['text']} "
                                f"(line {a['line']}) in entry {entry['names'][0]!r}")

    def check(self):
        seen_names = {}
        entry = None
        with open(self.path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        for line_no, raw in enumerate(lines, 1):
            if raw.endswith("\r"):
                raw = raw[:-1]
            stripped = raw.strip()
            section = SECTION_RE.match(stripped)
            if section and raw.startswith("#"):
                self.sections.append([section.group(1), 0])
            if "#" in raw:
                p = raw.index("#")
                body, comment = raw[:p], raw[p + 1:].strip()
            else:
                body, comment = raw, ""
            if not body.strip():
                continue
            indented = body[0] in " \t"
            body = body.strip()
            if body.startswith("@"):
                key, _, value = body[1:].partition(" ")
                if key not in DIRECTIVES:
                    self.report(line_no, "error", f"unknown directive @{key}")
                elif key == "horizon" and parse_bound(value.strip(), False) is None:
                    self.report(line_no, "error", f"bad horizon date {value.strip()!r}")
                continue
            if not indented:
                self.finish_entry(entry)
                parts = [p.strip() for p in body.split("|")]
                names = [p for p in parts if p]
                if not names:
                    self.report(line_no, "error", "entry without a name")
                elif len(names) != len(parts):
                    self.report(line_no, "error", "empty name between `|` separators")
                if names and "|" not in body and (CODE_LINE_RE.match(body) or LIKELY_CODE_RE.match(body)):
                    self.report(line_no, "warning",
                                f"name {body!r} looks like a code line: indent code lines")
                keys_here = set()
                for name in names:
                    key = normalise(name)
                    if key:
                        # geokg keeps a lower-case spelling apart: it matches text in any case
                        key = (key, needs_capital(name))
                    if not key:
                        self.report(line_no, "error", f"name {name!r} has no words")
                        continue
                    if key in keys_here:
                        self.report(line_no, "warning", f"name {name!r} repeated in the entry")
                        continue
                    keys_here.add(key)
                    if key in seen_names:
                        other_line, other_name = seen_names[key]
                        self.report(line_no, "warning",
                                    f"name {name!r} also in entry {other_name!r} (line {other_line})")
                    else:
                        seen_names[key] = (line_no, names[0])
                entry = {"line": line_no, "names": names or ["?"], "codes": []}
                if self.sections:
                    self.sections[-1][1] += 1
                continue
            if entry is None:
                self.report(line_no, "error", "code line before any entry name")
                continue
            if body.startswith("kind:"):
                kind = body[5:].strip()
                if kind not in KINDS:
                    self.report(line_no, "error", f"unknown kind {kind!r}")
                continue
            words = body.split()
            code = words[0]
            self.check_code(line_no, code)
            rng = (None, None)
            text = ""
            if len(words) > 1:
                text = words[1]
                try:
                    rng = parse_range(text)
                except ValueError as e:
                    self.report(line_no, "error", f"bad date range {text!r}: {e}")
                    rng = None
                if rng and rng[0] and rng[1] and not rng[0] < rng[1]:
                    self.report(line_no, "error", f"empty range {text!r}: FROM is not before UNTIL")
                    rng = None
            if len(words) > 2:
                self.report(line_no, "error",
                            f"unexpected {' '.join(words[2:])!r} after the range (comments start with #)")
            if rng is not None:
                entry["codes"].append({"line": line_no, "code": code, "range": rng,
                                       "text": text, "comment": comment})
            else:
                entry["codes"].append({"line": line_no, "code": code, "range": (None, None),
                                       "text": text, "comment": OVERLAP_OK})
        self.finish_entry(entry)


def main():
    ap = argparse.ArgumentParser(description="Check geokg .actors files.")
    ap.add_argument("files", nargs="+", metavar="FILE")
    ap.add_argument("--strict", action="store_true", help="treat warnings as errors")
    ap.add_argument("--summary", action="store_true",
                    help="print entry counts per `# == Section ==` heading")
    ap.add_argument("--roles", help="roles.tsv to check role codes against")
    ap.add_argument("--countries", help="countries.tsv to check country prefixes against")
    args = ap.parse_args()
    failed = False
    for path in args.files:
        here = os.path.dirname(os.path.abspath(path))
        roles_path = args.roles or os.path.join(here, "roles.tsv")
        countries_path = args.countries or os.path.join(here, "countries.tsv")
        roles = load_list(roles_path, 0) if os.path.exists(roles_path) else None
        countries = load_list(countries_path, 0) if os.path.exists(countries_path) else None
        checker = Checker(path, args.strict, roles, countries)
        try:
            checker.check()
        except OSError as e:
            print(f"{path}: error: {e}")
            failed = True
            continue
        except UnicodeDecodeError as e:
            print(f"{path}: error: not UTF-8: {e}")
            failed = True
            continue
        if args.summary:
            total = 0
            for name, count in checker.sections:
                if count:
                    print(f"{count:6d}  {name}")
                    total += count
            print(f"{total:6d}  total entries in sections")
        print(f"{path}: {checker.errors} error(s), {checker.warnings} warning(s)", file=sys.stderr)
        failed = failed or checker.errors > 0
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
