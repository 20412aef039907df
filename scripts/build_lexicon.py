#!/usr/bin/env python3
"""Build the geokg English lexicon.

Writes (relative to the repository root):
  data/lexicon/words.tsv           form<TAB>tags<TAB>lemmas, from lemminflect 0.2.3 (MIT)
  data/lexicon/function_words.tsv  word<TAB>class, our own hand-written closed-class list
  data/lexicon/LICENSE-lemminflect copy of the upstream MIT licence text

Usage (from the repository root):
  python3 scripts/build_lexicon.py [UPSTREAM_DIR]

UPSTREAM_DIR defaults to ../shared/data/upstream (relative to the repository root); the
lemminflect files are read from UPSTREAM_DIR/lemminflect/. Python 3 standard library only.

Method
------
* lemma_lu.csv.gz gives form -> pos -> lemma(s); the first lemma is kept when several are
  joined by '/'. lemma_overrides.csv replaces (form, pos) entries; its rows for closed-class
  words (pronouns, determiners) are not applied because those words live in
  function_words.tsv with proper classes (upstream tags them NOUN for lack of a PRON table).
* infl_lu.csv.gz gives lemma -> pos -> inflections; every inflected form (and the lemma
  itself) is added. infl_overrides.csv replaces one slot (Penn tag) of an existing
  (lemma, pos) entry; override rows whose lemma has no such entry upstream are skipped
  (they are lemminflect round-trip hacks such as din/JJR/diner).
* Verb lemmas known to lemma_lu but missing from infl_lu, and infl_lu verbs with empty slots,
  get regular forms generated here (base, past, participle, gerund, 3rd singular).
* Forms are lowercased. Entries that come only from capitalised upstream forms are kept only
  when the form has no lowercase entry; capitalised-only nouns become P (proper noun).
* Possessive forms (ending in 's or ') are dropped: the matcher already allows a possessive.
  Forms containing a space (a few open compounds such as "book shelf") are dropped too.
"""

import csv
import gzip
import io
import os
import sys

# ---------------------------------------------------------------------------------------
# Paths

REPO_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DEFAULT_UPSTREAM = os.path.join("..", "shared", "data", "upstream")
OUT_DIR = os.path.join("data", "lexicon")

POS_TAG = {"noun": "N", "verb": "V", "adj": "J", "adv": "R", "aux": "X", "propn": "P"}
TAG_ORDER = "NVJRXP"
UPOS_POS = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv", "AUX": "aux",
            "PROPN": "propn"}
# Penn tag -> (pos, slot index in the infl_lu row after lemma,pos); VBP is the base form.
PENN_SLOT = {
    "NNS": ("noun", 0),
    "VBD": ("verb", 0), "VBN": ("verb", 1), "VBG": ("verb", 2), "VBZ": ("verb", 3),
    "VBP": ("verb", None),
    "JJR": ("adj", 0), "JJS": ("adj", 1),
    "RBR": ("adv", 0), "RBS": ("adv", 1),
}

# ---------------------------------------------------------------------------------------
# Function words: our own hand-written list (not derived from any upstream file).
# Each block is a class followed by whitespace-separated words; multi-word entries use '_'
# here and are written with spaces.

FUNCTION_WORDS = [
    ("DET", "determiners", """
        the a an this that these those each every some any no another either neither
        all both half several many much few little more most less least enough such
        what which whatever whichever
    """),
    ("PRON", "pronouns", """
        i me my mine myself you your yours yourself yourselves
        he him his himself she her hers herself it its itself
        we us our ours ourselves ourself they them their theirs themselves themself
        one oneself who whom whose which what whoever whomever whatever whichever
        someone somebody something anyone anybody anything everyone everybody everything
        nobody nothing none no_one each_other one_another
        this that these those another both all many some several few
        thee thou thy thine ye
    """),
    ("PREP", "prepositions (single and multi-word)", """
        aboard about above across after against along alongside amid amidst among amongst
        around as at atop before behind below beneath beside besides between beyond by
        concerning despite down during except excluding following for from in including
        inside into like near of off on onto opposite out outside over past per
        regarding round since than through throughout till to toward towards under
        underneath unlike until up upon versus vs via with within without
        notwithstanding pending barring amongst minus plus
        according_to ahead_of along_with apart_from as_for as_of as_to aside_from
        away_from because_of by_means_of by_way_of close_to due_to except_for far_from
        in_accordance_with in_addition_to in_case_of in_charge_of in_exchange_for
        in_favor_of in_favour_of in_front_of in_light_of in_line_with in_place_of
        in_response_to in_spite_of in_support_of in_terms_of in_the_wake_of instead_of
        near_to next_to on_behalf_of on_the_part_of on_top_of out_of outside_of owing_to
        prior_to regardless_of thanks_to together_with up_to with_regard_to
        with_respect_to inside_of
    """),
    ("CONJ", "coordinating conjunctions", """
        and or but nor yet so as_well_as rather_than plus
    """),
    ("SUB", "subordinating conjunctions", """
        that if whether because although though while whilst when whenever after before
        since unless until till as whereas once where wherever lest
        even_though even_if as_if as_though now_that so_that given_that provided_that
        in_order_that as_long_as as_soon_as
    """),
    ("AUX", "auxiliaries", """
        be am is are was were been being have has had having do does did
        's 're 'm 've 'd
    """),
    ("MODAL", "modal verbs", """
        will would shall should can could may might must 'll 'd ought cannot wo ca
    """),
    ("NEG", "negation", """
        not n't never no neither nor without none nobody nothing nowhere cannot
    """),
    ("REL", "relative words", """
        who whom whose which that where when why whereby wherein
    """),
    ("PART", "verb particles", """
        to up out off down over back away on in along around about through forward
        aside apart ahead together
    """),
    ("NUM", "number words", """
        zero one two three four five six seven eight nine ten eleven twelve thirteen
        fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
        sixty seventy eighty ninety hundred hundreds thousand thousands million millions
        billion billions trillion trillions dozen dozens
    """),
    ("TIME", "adverbs of time and weekdays (news style: 'said Tuesday')", """
        yesterday today tonight tomorrow now then earlier later recently currently
        already still soon ago meanwhile overnight previously formerly lately
        monday tuesday wednesday thursday friday saturday sunday
    """),
]



# Our corrections (MIT OR Apache-2.0): forms whose upstream tags mislead the tagger. Each
# replaces the form's entry: (tag, lemma) pairs.
OUR_ENTRIES = {
    # an ordinal or fraction ("one third of the guerrillas"), not a verb
    "third": [("N", "third"), ("J", "third")],
    "thirds": [("N", "third")],
    # participial adjectives upstream lists only as verb forms ("devastating blows")
    "devastating": [("V", "devastate"), ("J", "devastating")],
    "crushing": [("V", "crush"), ("J", "crushing")],
    "sweeping": [("V", "sweep"), ("J", "sweeping")],
    "escalating": [("V", "escalate"), ("J", "escalating")],
    "growing": [("V", "grow"), ("J", "growing")],
    "rising": [("V", "rise"), ("J", "rising")],
    "leading": [("V", "lead"), ("J", "leading")],
}

def function_word_rows():
    rows = []
    for cls, desc, text in FUNCTION_WORDS:
        seen = set()
        words = []
        for w in text.split():
            w = w.replace("_", " ")
            if w not in seen:
                seen.add(w)
                words.append(w)
        rows.append((cls, desc, words))
    return rows


# ---------------------------------------------------------------------------------------
# Reading upstream


def read_csv_gz(path):
    with gzip.open(path, "rb") as f:
        text = f.read().decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def read_csv_plain(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            rows.append(next(csv.reader([line])))
    return rows


def alts(field):
    return [a for a in field.split("/") if a] if field else []


# ---------------------------------------------------------------------------------------
# Regular English verb morphology, used only for verbs that lemminflect does not inflect.

VOWELS = set("aeiou")


def _double_final(v):
    # stop -> stopp(ed); only for short CVC stems (one vowel group) not ending in w/x/y.
    if len(v) < 3 or v[-1] in VOWELS or v[-1] in "wxy":
        return False
    if v[-2] not in VOWELS or v[-3] in VOWELS:
        return False
    vowel_groups = 0
    prev = False
    for ch in v:
        cur = ch in VOWELS
        if cur and not prev:
            vowel_groups += 1
        prev = cur
    return vowel_groups == 1


def regular_verb_forms(v):
    """(past, participle, gerund, 3sg) for a regular verb."""
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        past = v + "d"
        ger = v[:-1] + "ing"
    elif v.endswith("ie"):
        past = v + "d"
        ger = v[:-2] + "ying"
    elif v.endswith("y") and len(v) > 1 and v[-2] not in VOWELS:
        past = v[:-1] + "ied"
        ger = v + "ing"
    elif _double_final(v):
        past = v + v[-1] + "ed"
        ger = v + v[-1] + "ing"
    else:
        past = v + "ed"
        ger = v + "ing"
    if v.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = v + "es"
    elif v.endswith("y") and len(v) > 1 and v[-2] not in VOWELS:
        third = v[:-1] + "ies"
    else:
        third = v + "s"
    return past, past, ger, third


# ---------------------------------------------------------------------------------------


def main(argv):
    upstream = argv[1] if len(argv) > 1 else DEFAULT_UPSTREAM
    os.chdir(REPO_ROOT)
    src = os.path.join(upstream, "lemminflect")
    lemma_rows = read_csv_gz(os.path.join(src, "lemma_lu.csv.gz"))
    infl_rows = read_csv_gz(os.path.join(src, "infl_lu.csv.gz"))
    lemma_over = read_csv_plain(os.path.join(src, "lemma_overrides.csv"))
    infl_over = read_csv_plain(os.path.join(src, "infl_overrides.csv"))

    fw_rows = function_word_rows()
    function_set = {w for _, _, words in fw_rows for w in words}

    # --- lemma_lu: (form, pos) -> first lemma, in file order
    lemma_lu = {}
    for row in lemma_rows:
        if len(row) != 3:
            continue
        form, pos, lem = row
        if pos not in POS_TAG:
            continue
        lemma_lu[(form, pos)] = alts(lem)[0] if alts(lem) else form
    applied = skipped = 0
    for row in lemma_over:
        if len(row) != 3:
            continue
        form, upos, lem = row
        pos = UPOS_POS.get(upos)
        if pos is None:
            continue
        if form.lower() in function_set:
            skipped += 1
            continue
        lemma_lu[(form, pos)] = lem
        applied += 1
    print(f"lemma_overrides: {applied} applied, {skipped} skipped (closed-class words)")

    # --- infl_lu: (lemma, pos) -> list of slots, each a list of alternatives
    infl = {}
    for row in infl_rows:
        if len(row) < 3:
            continue
        lem, pos = row[0], row[1]
        if pos not in POS_TAG:
            continue
        slots = [alts(x) for x in row[2:]]
        infl[(lem, pos)] = slots
    extra_base = []  # (form, pos, lemma) from VBP overrides
    iapplied = iskipped = 0
    for row in infl_over:
        if len(row) != 3:
            continue
        lem, penn, form = row
        if penn not in PENN_SLOT:
            iskipped += 1
            continue
        pos, slot = PENN_SLOT[penn]
        if (lem, pos) not in infl:
            iskipped += 1
            continue
        if slot is None:
            extra_base.append((form, pos, lem))
        else:
            slots = infl[(lem, pos)]
            while len(slots) <= slot:
                slots.append([])
            slots[slot] = [form]
        iapplied += 1
    print(f"infl_overrides: {iapplied} applied, {iskipped} skipped (no such lemma/pos upstream)")

    # --- complete verbs
    # (auxiliaries and modals such as be/may/must are irregular and complete in lemma_lu)
    aux_lemmas = {lem for (f, pos), lem in lemma_lu.items() if pos == "aux"}
    verb_lemmas = {lem for (f, pos), lem in lemma_lu.items() if pos == "verb"}
    generated = 0
    for lem in sorted(verb_lemmas - aux_lemmas):
        if (lem, "verb") not in infl and lem.isalpha() and lem.islower():
            infl[(lem, "verb")] = [[x] for x in regular_verb_forms(lem)]
            generated += 1
    filled = 0
    for (lem, pos), slots in infl.items():
        if pos != "verb":
            continue
        while len(slots) < 4:
            slots.append([])
        reg = None
        for i in (0, 2, 3):
            if not slots[i]:
                if reg is None:
                    reg = regular_verb_forms(lem)
                slots[i] = [reg[i]]
                filled += 1
        if not slots[1]:  # participle empty = same as past
            slots[1] = list(slots[0])
    print(f"verbs: {generated} lemmas inflected by rule, {filled} empty slots filled")

    # --- collect candidates per lowercase form
    # candidate: (tag, lemma, capitalised_origin, priority)
    # priority: 0 lemma_lu, 1 infl base form, 2+ infl inflection (by alternative position)
    cands = {}

    def add(form, pos, lem, prio):
        if not form or not lem:
            return
        low = form.lower()
        if " " in low:
            return  # open compounds written with a space cannot match a single token
        if len(low) > 2 and (low.endswith("'s") or low.endswith("'")):
            return  # possessive
        cap = form != low
        tag = POS_TAG[pos]
        cands.setdefault(low, []).append((tag, lem.lower(), cap, prio))

    for (form, pos), lem in lemma_lu.items():
        add(form, pos, lem, 0)
    for (lem, pos), slots in infl.items():
        add(lem, pos, lem, 1)
        for slot in slots:
            for i, f in enumerate(slot):
                add(f, pos, lem, 2 + i)
    for form, pos, lem in extra_base:
        add(form, pos, lem, 2)

    lines = []
    n_p = 0
    for low, entries in sorted(OUR_ENTRIES.items()):
        cands[low] = [(tag, lem, False, -1) for tag, lem in entries]
    for low in sorted(cands):
        cs = cands[low]
        if low in OUR_ENTRIES:
            cs = [c for c in cs if c[3] == -1]
        if any(not c[2] for c in cs):
            cs = [c for c in cs if not c[2]]
        else:
            cs = [("P" if c[0] == "N" else c[0],) + c[1:] for c in cs]
        best = {}
        for tag, lem, cap, prio in cs:
            key = (prio, 0 if lem == low else 1, len(lem), lem)
            if tag not in best or key < best[tag][0]:
                best[tag] = (key, lem)
        tags = [t for t in TAG_ORDER if t in best]
        if tags == ["P"]:
            n_p += 1
        lines.append(f"{low}\t{'|'.join(tags)}\t{'|'.join(best[t][1] for t in tags)}")

    os.makedirs(OUT_DIR, exist_ok=True)
    words_path = os.path.join(OUT_DIR, "words.tsv")
    with open(words_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# form<TAB>tags<TAB>lemmas (tags: N noun, V verb, J adjective, R adverb, "
                "X auxiliary/modal, P proper noun); generated by scripts/build_lexicon.py "
                "from lemminflect 0.2.3 (MIT, Copyright (C) 2019 Brad Jascob, see "
                "LICENSE-lemminflect)\n")
        for line in lines:
            f.write(line + "\n")
    print(f"{words_path}: {len(lines)} forms ({n_p} proper-noun-only), "
          f"{os.path.getsize(words_path)} bytes")

    fw_path = os.path.join(OUT_DIR, "function_words.tsv")
    n = 0
    with open(fw_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# word<TAB>class: closed-class English words, hand-written for geokg "
                "(MIT OR Apache-2.0). A word may have several classes.\n")
        for cls, desc, words in fw_rows:
            f.write(f"\n# {cls}: {desc}\n")
            for w in words:
                f.write(f"{w}\t{cls}\n")
                n += 1
    print(f"{fw_path}: {n} entries")

    lic_src = os.path.join(src, "LICENSE")
    lic_dst = os.path.join(OUT_DIR, "LICENSE-lemminflect")
    with open(lic_src, encoding="utf-8") as f:
        lic = f.read()
    with open(lic_dst, "w", encoding="utf-8", newline="\n") as f:
        f.write(lic)
    print(f"{lic_dst}: copied from {lic_src}")


if __name__ == "__main__":
    main(sys.argv)
