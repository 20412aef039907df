#!/usr/bin/env python3
"""Convert the PETRARCH2 CAMEO verb dictionary into data/events/verbs.txt.

Usage (from anywhere; paths are relative to the repository root):
  python3 scripts/build_verbs.py [UPSTREAM_DIR]

UPSTREAM_DIR defaults to ../shared/data/upstream (relative to the repository root).
Reads UPSTREAM_DIR/petrarch2/CAMEO.2.0.txt (MIT, Open Event Data Alliance), and
UPSTREAM_DIR/lemminflect/lemma_lu.csv.gz (MIT) to lemmatise the few verb entries that
upstream lists as inflected forms; checks codes against data/events/cameo.tsv (run
scripts/build_cameo_table.py first). Python 3 standard library only.

Conversion (see data/README.md, section events/verbs.txt, for the target format)
------------------------------------------------------------------------------
* `&NAME` + `+WORD` lists -> `synset &NAME = word | {multi word}`. Names keep their case,
  a trailing `_` is dropped from names and words, `_`, `-` and `'` become spaces (the
  matcher splits tokens there), multi-token entries are written as `{...}`, duplicates go.
* `---  NAME  [code]  ---` -> `group NAME`; the header code is the default code of the
  block's verbs that have none of their own (`[---]` = none).
* Verb lines (`WORD`, `WORD {FORMS}`, `+MULTI_WORD {FORMS} [code]`) -> `verb lemma
  [(forms)] [= code]`, lowercase, `_` -> space. Forms that are regular inflections of the
  lemma (base+s/es/ies, +ed/d/ied, +ing with a dropped e) are left out; all others (irregular
  forms, doubled consonants) are kept. Upstream entries that are themselves inflected
  forms (LOST, BURNT, +KILLED_AND {}) get their lemma from lemminflect, and the upstream
  form is listed among the forms. Hyphenated prefixes are joined (RE-OPEN -> reopen).
  Verb-line comments (coder initials and dates) are dropped.
* `- pre * post [code] # source-verb` -> `pattern pre * post = code`. Words are
  lowercased; `U.N.` -> `un`; hyphenated or underscored words become `{...}` phrases
  (inside `{}` they simply become spaces; joined to `*` they are split: `*_LAWS` -> `* laws`);
  `A/B` alternatives are expanded into one pattern per alternative; stray text that
  unbalances the parentheses is dropped; the source-verb comment is dropped.
  Patterns with `%` (a compound-actor marker with no equivalent in our format) and with
  undefined synsets are dropped. Code `[080!]` is read as 080; codes missing from
  cameo.tsv (1213, 176, 1952: later CAMEO additions) are replaced by their parent code
  (121, 170, 195). Verb codes are checked the same way.
* The TRANSFORMATIONS section at the end of the file has no equivalent and is dropped.
Everything dropped or repaired is printed at the end.
"""

import csv
import gzip
import itertools
import os
import re
import sys

REPO_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DEFAULT_UPSTREAM = os.path.join("..", "shared", "data", "upstream")
OUT_PATH = os.path.join("data", "events", "verbs.txt")
CAMEO_TSV = os.path.join("data", "events", "cameo.tsv")

CODE_FIX = {"080!": "080"}

HEADER = """\
# geokg verb patterns: CAMEO event codes for verbs and verb patterns.
#
# Converted by scripts/build_verbs.py from the PETRARCH2 CAMEO verb dictionary
# CAMEO.2.0.txt (github.com/openeventdata/petrarch2, data/dictionaries/, commit 676801c),
# itself derived from the TABARI CAMEO dictionaries and WordNet synonym sets.
# Licence: MIT. Copyright (c) 2015 Open Event Data Alliance. The MIT licence text:
#
#   Permission is hereby granted, free of charge, to any person obtaining a copy of
#   this software and associated documentation files (the "Software"), to deal in
#   the Software without restriction, including without limitation the rights to
#   use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
#   the Software, and to permit persons to whom the Software is furnished to do so,
#   subject to the following conditions:
#
#   The above copyright notice and this permission notice shall be included in all
#   copies or substantial portions of the Software.
#
#   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
#   IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
#   FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
#   COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
#   IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
#   CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
# Do not edit by hand: edit or rerun the script (local additions belong in a user
# dictionary file). Format: data/README.md, section events/verbs.txt.
"""

# ---------------------------------------------------------------------------------------
# Small helpers


def is_vowel(ch):
    return ch in "aeiou"


def regular_forms(lemma):
    """Regular inflections of a one-word verb lemma (no consonant doubling)."""
    forms = set()
    if re.search(r"(s|x|z|ch|sh|o)$", lemma):
        forms.add(lemma + "es")
    elif len(lemma) > 1 and lemma.endswith("y") and not is_vowel(lemma[-2]):
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.add(lemma + "d")
    elif len(lemma) > 1 and lemma.endswith("y") and not is_vowel(lemma[-2]):
        forms.add(lemma[:-1] + "ied")
    else:
        forms.add(lemma + "ed")
    if lemma.endswith("e") and not re.search(r"(ee|ye|oe|ie)$", lemma) and len(lemma) > 2:
        forms.add(lemma[:-1] + "ing")
    else:
        forms.add(lemma + "ing")
    return forms


def is_regular(lemma_words, form_words):
    """True if the form only inflects the first word of the lemma regularly."""
    if lemma_words == form_words:
        return True
    if len(lemma_words) != len(form_words) or lemma_words[1:] != form_words[1:]:
        return False
    return form_words[0] in regular_forms(lemma_words[0])


def clean_word(word):
    """Upstream dictionary word -> our spelling (lowercase, separators to spaces)."""
    w = word.strip().rstrip("_").lower()
    w = w.replace(".", "")
    w = re.sub(r"[_'\-]+", " ", w)
    return " ".join(w.split())


def join_prefix(word):
    """RE-OPEN -> reopen (a hyphenated verb would otherwise split into two tokens)."""
    return word.replace("-", "")


def load_verb_lemmas(upstream):
    lemmas, bases = {}, set()
    path = os.path.join(upstream, "lemminflect", "lemma_lu.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in csv.reader(f):
            if len(row) >= 3 and row[1] == "verb":
                ls = row[2].split("/")
                lemmas[row[0]] = ls[0]
                bases.update(ls)
    return lemmas, bases


def load_codes():
    codes = set()
    with open(CAMEO_TSV, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            codes.add(line.split("\t", 1)[0])
    return codes


# ---------------------------------------------------------------------------------------
# Pattern conversion


def split_pattern(text):
    """Tokenise a pattern into top-level elements: '(...)', '{...}' or bare tokens."""
    elems, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "({":
            close = ")" if ch == "(" else "}"
            j = text.find(close, i)
            if j < 0:
                raise ValueError("unclosed " + ch)
            elems.append(text[i:j + 1])
            i = j + 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in "({":
                j += 1
            elems.append(text[i:j])
            i = j
    return elems


def conv_token(tok, in_group):
    """One bare token -> list of output tokens (phrases in braces unless in_group)."""
    if tok in ("*", "$", "+", "^"):
        return [tok]
    if tok.startswith("&"):
        return ["&" + tok[1:].rstrip("_")]       # synset names may contain '_'
    parts = [p for p in re.split(r"[_\-]+|(\*)", tok) if p]
    out, words = [], []
    for p in parts:
        if p in ("*", "$", "+", "^"):
            if words:
                out.append(words)
                words = []
            out.append(p)
        elif p.startswith("&"):
            words.append("&" + p[1:])
        else:
            w = p.lower().replace(".", "").replace("'", " ")
            words.extend(w.split())
    if words:
        out.append(words)
    res = []
    for x in out:
        if isinstance(x, str):
            res.append(x)
        elif len(x) == 1 or in_group:
            res.extend(x)
        else:
            res.append("{" + " ".join(x) + "}")
    return res


def conv_element(el):
    if el.startswith("{"):
        inner = []
        for t in el[1:-1].split():
            inner.extend(conv_token(t, True))
        return "{" + " ".join(inner) + "}"
    if el.startswith("("):
        inner = [conv_element(e) for e in split_pattern(el[1:-1])]
        return "(" + " ".join(inner) + ")"
    return " ".join(conv_token(el, False))


def expand_slashes(text):
    """'(TO/FOR PROTEST)' -> ['(TO PROTEST)', '(FOR PROTEST)'] (cartesian product)."""
    toks = re.split(r"(\s+)", text)
    choices = []
    for t in toks:
        if "/" in t:
            m = re.match(r"^([({]*)(.*?)([)}]*)$", t)
            pre, core, post = m.groups()
            choices.append([pre + alt + post for alt in core.split("/")])
        else:
            choices.append([t])
    return ["".join(c) for c in itertools.product(*choices)]


def drop_unbalanced(text):
    """Drop tokens that close a parenthesis nobody opened ('... (ON ^)  ^)')."""
    out, depth, dropped = [], 0, []
    for t in text.split():
        d = depth + t.count("(") - t.count(")")
        if d < 0:
            dropped.append(t)
            continue
        depth = d
        out.append(t)
    return " ".join(out), dropped


# ---------------------------------------------------------------------------------------


def main(argv):
    upstream = argv[1] if len(argv) > 1 else DEFAULT_UPSTREAM
    os.chdir(REPO_ROOT)
    src_path = os.path.join(upstream, "petrarch2", "CAMEO.2.0.txt")
    with open(src_path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    lemmas, bases = load_verb_lemmas(upstream)
    valid_codes = load_codes()

    report = {k: [] for k in ("code_fix", "parent_code", "same_group_conflict", "unbalanced", "slash", "percent", "undef_synset",
                              "bad_code", "lemmatised", "joined", "dup_pattern",
                              "dup_verb", "transform", "unknown_to_lemminflect", "empty_pattern",
                              "underscore", "dotted")}

    # ---- synsets --------------------------------------------------------------------
    synsets = {}        # name -> list of entries
    synset_order = []
    section = "head"
    cur_syn = None
    groups = []         # dicts: name, code, verbs [(lemma, forms, code)], patterns [(text, code)]
    cur = None
    for raw in lines:
        line = raw.rstrip()
        s = line.strip()
        if s.startswith("####### SYNONYM SETS"):
            section = "syn"
            continue
        if s.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if s.startswith("######## TRANSFORMATIONS"):
            section = "transform"
            continue
        if section == "syn":
            if not s or s.startswith("#"):
                continue
            if s.startswith("&"):
                cur_syn = s.split()[0][1:].rstrip("_")
                synsets[cur_syn] = []
                synset_order.append(cur_syn)
            elif s.startswith("+") and cur_syn:
                w = clean_word(s[1:].split("#")[0])
                if w and w not in synsets[cur_syn]:
                    synsets[cur_syn].append(w)
            continue
        if section == "transform":
            if s and not s.startswith("#"):
                report["transform"].append(s)
            continue
        if section != "verbs" or not s:
            continue
        if s.startswith("---"):
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", s)
            if not m:
                raise SystemExit("bad block header: " + s)
            code = m.group(2).strip()
            cur = {"name": m.group(1).rstrip("_"), "code": "" if code == "---" else code,
                   "verbs": [], "patterns": []}
            groups.append(cur)
            continue
        if s.startswith("#"):
            continue
        if cur is None:
            raise SystemExit("line before any block: " + s)
        if s.startswith("-"):
            handle_pattern(s, cur, valid_codes, synsets, report)
        else:
            handle_verb(s, cur, lemmas, bases, valid_codes, report)

    # ---- verbs: merge duplicates inside a group, note duplicates across groups --------
    seen_lemma = {}
    for g in groups:
        merged = []
        for lemma, forms, code, explicit in g["verbs"]:
            for m in merged:
                if m[0] != lemma:
                    continue
                if m[2] != code:
                    # same verb twice in one block: an explicit code beats the block default
                    report["same_group_conflict"].append(
                        "%s: %s = %s / %s" % (g["name"], lemma, m[2] or "none", code or "none"))
                    if explicit and not m[3]:
                        m[2], m[3] = code, True
                for x in forms:
                    if x not in m[1]:
                        m[1].append(x)
                break
            else:
                merged.append([lemma, list(forms), code, explicit])
        g["verbs"] = [m[:3] for m in merged]
        for lemma, _, _ in g["verbs"]:
            seen_lemma.setdefault(lemma, []).append(g["name"])
    for lemma, gs in sorted(seen_lemma.items()):
        if len(gs) > 1:
            report["dup_verb"].append("%s (%s)" % (lemma, ", ".join(gs)))

    # ---- validation -----------------------------------------------------------------
    used = set()
    errors = []
    n_pat = 0
    for g in groups:
        for text, code in g["patterns"]:
            n_pat += 1
            toks = text.replace("(", " ( ").replace(")", " ) ").replace("{", " { ") \
                       .replace("}", " } ").split()
            if toks.count("*") != 1:
                errors.append("star count: " + text)
            depth_p = depth_b = 0
            for t in toks:
                depth_p += (t == "(") - (t == ")")
                depth_b += (t == "{") - (t == "}")
                if depth_p < 0 or depth_b < 0 or depth_p > 1 or depth_b > 1:
                    errors.append("brackets: " + text)
                    break
            if depth_p or depth_b:
                errors.append("brackets: " + text)
            if not code:
                errors.append("no code: " + text)
            for t in toks:
                if t.startswith("&"):
                    used.add(t[1:])
    for name in used:
        if name not in synsets:
            errors.append("undefined synset used: " + name)
    if errors:
        for e in errors:
            print("ERROR " + e)
        raise SystemExit(1)

    # ---- output ---------------------------------------------------------------------
    os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
    n_verbs = 0
    with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER)
        out.write("\n# ---- synonym sets ----\n\n")
        for name in synset_order:
            words = ["{%s}" % w if " " in w else w for w in synsets[name]]
            out.write("synset &%s = %s\n" % (name, " | ".join(words)))
        out.write("\n# ---- verb groups ----\n")
        for g in groups:
            out.write("\ngroup %s\n" % g["name"])
            for lemma, forms, code in g["verbs"]:
                n_verbs += 1
                line = "verb " + lemma
                if forms:
                    line += " (" + ", ".join(forms) + ")"
                if code:
                    line += " = " + code
                out.write(line + "\n")
            for text, code in g["patterns"]:
                out.write("pattern %s = %s\n" % (text, code))

    unused = [n for n in synset_order if n not in used]
    print("wrote %s: %d synsets, %d groups, %d verbs, %d patterns"
          % (OUT_PATH, len(synsets), len(groups), n_verbs, n_pat))
    print("synsets never used by a pattern: " + " ".join(unused))
    for key, items in report.items():
        if items:
            print("\n[%s] %d" % (key, len(items)))
            for it in items:
                print("  " + it)


def fix_code(code, report, where):
    code = code.strip()
    if code in CODE_FIX:
        report["code_fix"].append("[%s] -> %s  in %s" % (code, CODE_FIX[code], where))
        code = CODE_FIX[code]
    return code


def parent_code(code, valid):
    """Nearest code of the table above a code it lacks: 1213 -> 121, 176 -> 170."""
    while code and code not in valid:
        if len(code) == 4:
            code = code[:3]
        elif len(code) == 3 and code[2] != "0":
            code = code[:2] + "0"
        else:
            return None
    return code


def check_code(code, valid, report, where):
    """Validated code (unknown codes replaced by their parent) or None."""
    if code == "---":
        return code
    parts = code.split(":")
    if len(parts) > 2 or not any(parts):
        return None
    out = []
    for p in parts:
        if p == "" or p in valid:
            out.append(p)
            continue
        q = parent_code(p, valid)
        if q is None:
            return None
        report["parent_code"].append("%s -> %s  in %s" % (p, q, where))
        out.append(q)
    return ":".join(out)


def handle_pattern(s, group, valid_codes, synsets, report):
    body = s[1:].split("#", 1)[0]
    m = re.search(r"\[([^\]]*)\]", body)
    if not m:
        report["bad_code"].append("no code: " + s)
        return
    code = fix_code(m.group(1), report, s)
    text = body[:m.start()].replace("\t", " ").strip()
    where = "%s: %s" % (group["name"], " ".join(s.split()))
    code = check_code(code, valid_codes, report, where)
    if code is None:
        report["bad_code"].append(where)
        return
    text, dropped = drop_unbalanced(text)
    if dropped:
        report["unbalanced"].append("%s  (dropped %s)" % (where, " ".join(dropped)))
    if "%" in text:
        report["percent"].append(where)
        return
    if "_" in text:
        report["underscore"].append(where)
    if "." in text:
        report["dotted"].append(where)
    alts = expand_slashes(text) if "/" in text else [text]
    if len(alts) > 1:
        report["slash"].append("%s -> %d patterns" % (where, len(alts)))
    for alt in alts:
        conv = " ".join(conv_element(e) for e in split_pattern(alt))
        undefined = [t[1:] for t in re.findall(r"&[A-Za-z0-9_]+", conv) if t[1:] not in synsets]
        if undefined:
            report["undef_synset"].append("%s  (%s)" % (where, " ".join(undefined)))
            continue
        if conv.strip() == "*":
            report["empty_pattern"].append(where)
        entry = (conv, code)
        if entry in group["patterns"]:
            report["dup_pattern"].append(where)
            continue
        group["patterns"].append(entry)


def handle_verb(s, group, lemmas, bases, valid_codes, report):
    body = s.split("#", 1)[0].split(";", 1)[0].strip()
    code = None
    m = re.search(r"\[([^\]]*)\]", body)
    if m:
        code = m.group(1).strip()
        body = (body[:m.start()] + " " + body[m.end():]).strip()
    forms = []
    m = re.search(r"\{([^}]*)\}", body)
    fixed = False
    if m:
        forms = [f.lstrip("+") for f in m.group(1).replace(",", " ").split() if f.strip("+")]
        fixed = not forms
        body = body[:m.start()].strip()
    word = body.split()[0].lstrip("+")
    explicit = code is not None
    if code is None:
        code = group["code"]
    elif code == "---":
        code = ""
    where = "%s: %s" % (group["name"], " ".join(s.split()))

    def norm(w):
        w = w.rstrip("_")
        if "-" in w:
            j = join_prefix(w)
            report["joined"].append("%s -> %s" % (w, j.lower()))
            w = j
        return w.lower().split("_")

    lw = norm(word)
    fws = [norm(f) for f in forms]
    extra = []
    head = lw[0]
    if head not in bases and head in lemmas:
        lemma_head = lemmas[head]
        report["lemmatised"].append("%s -> %s" % (where, " ".join([lemma_head] + lw[1:])))
        extra.append(lw)
        lw = [lemma_head] + lw[1:]
    elif head not in lemmas:
        report["unknown_to_lemminflect"].append(where)
    if fixed and not extra:
        extra.append(lw)
    kept = []
    for f in extra + fws:
        if is_regular(lw, f) and f not in extra:
            continue
        t = " ".join(f)
        if t != " ".join(lw) and t not in kept:
            kept.append(t)
    if code:
        checked = check_code(code, valid_codes, report, where)
        if checked is None:
            report["bad_code"].append(where)
            checked = ""
        code = checked
    group["verbs"].append((" ".join(lw), kept, code, explicit))


if __name__ == "__main__":
    main(sys.argv)
