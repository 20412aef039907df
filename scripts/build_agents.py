#!/usr/bin/env python3
"""Build data/actors/agents.tsv (role nouns: phrase<TAB>ROLE) for geokg.

Usage (from the repository root):
  python3 scripts/build_agents.py [UPSTREAM_DIR]

UPSTREAM_DIR defaults to ../shared/data/upstream (relative to the repository root). Reads
  UPSTREAM_DIR/petrarch2/Phoenix.agents.txt          (MIT, Open Event Data Alliance)
  UPSTREAM_DIR/lemminflect/infl_lu.csv.gz, lemma_lu.csv.gz (MIT, Brad Jascob) for plurals
and writes data/actors/agents.tsv. Python 3 standard library only.

Upstream format (Phoenix.agents.txt): `WORD_WORD [~CODE]` lines, `_` joining words, an
optional `{PLURAL ...}` list (`{}` = no regular plural), `#` comments, and substitution
macros `!NAME! = a, b, c` defined at the top and expanded here into every alternative.
A few words are PETRARCH stems (MINIST, AUTHORIT, COMPAN, INDUSTR) and are expanded too.
This version of the file has no `+SYNONYM` lines (those occur in the actor dictionaries);
the parser would treat one as an unparsable line and report it.

Every phrase is written in the singular and the plural (the head noun is pluralised with
lemminflect: the word before the first preposition, else the last word); a phrase whose head
is already plural also gets its singular. Conflicting roles are resolved by RESOLVE (upstream
conflicts) or by our own additions (OURS), and every conflict is printed.
"""

import csv
import gzip
import io
import os
import re
import sys
from collections import Counter, OrderedDict

REPO_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DEFAULT_UPSTREAM = os.path.join("..", "shared", "data", "upstream")
OUT_PATH = os.path.join("data", "actors", "agents.tsv")

PREPS = {"of", "for", "in", "to", "at", "on", "with", "from", "against", "under", "without",
         "de"}
TRAILING_DROP = {"of", "for", "in", "to", "at", "on", "with", "from", "the", "and", "a"}

# PETRARCH stems (a word without its ending) -> the full words they stand for.
STEMS = {
    "minist": ["minister", "ministers", "ministry", "ministries"],
    "authorit": ["authority", "authorities"],
    "compan": ["company", "companies"],
    "industr": ["industry", "industries"],
}

# Mass nouns and words whose lemminflect plural is not wanted in role phrases.
NO_PLURAL = {"police", "media", "press", "clergy", "personnel", "intelligence", "security",
             "military", "infantry", "artillery", "leadership", "enforcement", "staff",
             "society", "crime", "labor", "labour", "aerospace", "soldiery", "justice",
             "opposition", "resistance", "governance", "bureaucracy", "gangdom", "rabble",
             "gangland", "electorate", "judiciary", "polity", "presidium", "praesidium",
             "politburo", "cabinet", "people", "business", "aerospace", "agrobusiness"}

# Plural-looking words whose lemminflect singular is not wanted ("media" -> "medium").
NO_SINGULAR = {"media", "data", "people", "police", "arms", "news", "forces", "affairs",
               "services", "troops", "marines", "barracks", "headquarters", "customs"}

# Upstream roles that are not CAMEO role codes, mapped to the closest one.
ROLE_MAP = {"PPL": "CVL"}  # MAN/MEN/PEOPLE/PERSONS [~PPL]: generic people = civilians

# Upstream entries we leave out (phrase after normalisation, before pluralisation).
DROP = {
    "pm", "the pm",        # "PM" also matches "p.m." once periods are folded
    "retired",             # an adjective, not a role noun ("retired general" is MIL)
    "naturalized",         # an adjective
    "observers in",        # [IGO~]: IGO is an actor prefix, not a role
    "truce monitor",       # [IGO~]
}

# Conflicts inside upstream: phrase -> the role we keep (with the reason).
RESOLVE = {
    "assailant": ("UAF", "listed under both CRM and UAF; attackers in conflict news"),
    "assailants": ("UAF", "as above"),
    "security force": ("COP", "listed under both COP and MIL; police-type forces"),
    "security forces": ("COP", "as above"),
    "civil society": ("CVL", "listed under both CVL and NGO"),
    "muslim militant": ("MUSUAF", "listed as MUSUAF and UAFMUS"),
    "muslim militants": ("MUSUAF", "as above"),
    "minister of environment": ("GOVENV", "listed as ENV and GOVENV: a minister is GOV"),
    "ministers of environment": ("GOVENV", "as above"),
    "ministry of environment": ("GOVENV", "as above"),
    "ministries of environment": ("GOVENV", "as above"),
    "minister of the environment": ("GOVENV", "as above"),
    "ministers of the environment": ("GOVENV", "as above"),
    "ministry of the environment": ("GOVENV", "as above"),
    "ministries of the environment": ("GOVENV", "as above"),
}

# ---------------------------------------------------------------------------------------
# OUR OWN ADDITIONS (not from upstream; part of geokg under MIT OR Apache-2.0).
# Role nouns that modern conflict and diplomacy news uses. Plurals are generated the same
# way as for upstream phrases; a phrase given here wins over upstream, and any disagreement
# with upstream is printed.
# ---------------------------------------------------------------------------------------

OURS = """
# government and diplomacy
spokesman GOV | spokeswoman GOV | spokesperson GOV | spokespeople GOV
government spokesman GOV | government spokeswoman GOV | presidential spokesman GOV
foreign ministry spokesman GOV | foreign ministry spokeswoman GOV
official GOV | senior official GOV | government official GOV | officials GOV
authorities GOV | local authorities GOV | government GOV | administration GOV
regime GOV | cabinet GOV | ministry GOV | minister GOV | ministers GOV
foreign minister GOV | deputy foreign minister GOV | defence minister GOVMIL
defense minister GOVMIL | interior minister GOV | finance minister GOV | justice minister GOV
economy minister GOV | trade minister GOV | energy minister GOV | health minister GOVHLH
information minister GOVMED | education minister GOVEDU | agriculture minister GOVAGR
foreign ministry GOV | defence ministry GOVMIL | defense ministry GOVMIL
interior ministry GOV | finance ministry GOV | justice ministry GOV | health ministry GOVHLH
foreign secretary GOV | home secretary GOV | secretary of state GOV | state department GOV
ambassador GOV | counterpart GOV | envoy GOV | special envoy GOV | diplomat GOV | senior diplomat GOV
top diplomat GOV | emissary GOV | consul GOV | embassy GOV | consulate GOV
negotiator GOV | chief negotiator GOV | mediator GOV | delegation GOV
president GOV | vice president GOV | vice-president GOV | prime minister GOV
deputy prime minister GOV | premier GOV | chancellor GOV | head of state GOV
head of government GOV | leader GOV | supreme leader GOV | king GOV | queen GOV
emir GOV | sultan GOV | crown prince GOV | monarch GOV | sheikh GOV | shah GOV
governor GOV | provincial governor GOV | mayor GOV | deputy minister GOV
state minister GOV | national security adviser GOVMIL | national security advisor GOVMIL
election commission GOV | electoral commission GOV | election officials GOV
election official GOV | presidency GOV | presidential palace GOV | interim government GOV
transitional government GOV | caretaker government GOV | ruling party GOV
lawmaker LEG | lawmakers LEG | legislator LEG | parliament LEG | parliamentarian LEG
senator LEG | congressman LEG | congresswoman LEG | mp LEG | mps LEG | deputy LEG
member of parliament LEG | members of parliament LEG | senate LEG | congress LEG
lower house LEG | upper house LEG | speaker of parliament LEG | parliament speaker LEG
legislature LEG | national assembly LEG
service member MIL | service members MIL | servicemember MIL | servicemembers MIL
patrol MIL | patrols MIL | warship MIL | warships MIL
warplane MIL | warplanes MIL | fighter jet MIL | fighter jets MIL | drone MIL | drones MIL
missile MIL | missiles MIL | navy ship MIL | navy ships MIL | coast guard COP
opposition group OPP | opposition groups OPP | rebel group REB | rebel groups REB
armed group REB | armed groups REB | militant group REB | militant groups REB

# armed forces
troops MIL | troop MIL | soldier MIL | forces MIL | army MIL | military MIL | navy MIL
air force MIL | marines MIL | marine MIL | warplane MIL | jet MIL | fighter jet MIL
drone MIL | military drone MIL | artillery MIL | tank MIL | warship MIL | submarine MIL
helicopter MIL | gunship MIL | bomber MIL | missile MIL | junta MIL
# peacekeepers serve an international mandate (upstream: IGO~); with no country or
# organisation named they are an international force (see extract/actors.rs)
peacekeeper PKO | peacekeepers PKO | peacekeeping troops PKO | peacekeeping force PKO
peacekeeping forces PKO | blue helmets PKO
general MIL | commander MIL | military commander MIL | colonel MIL
officer MIL | army officer MIL | military officer MIL | army chief MIL | military chief MIL
defence forces MIL | defense forces MIL | armed forces MIL
ground forces MIL | special forces MIL | government forces MIL | government troops MIL
border guard MIL | border guards MIL | coast guard MIL | national guard MIL
paratrooper MIL | sniper MIL | reservist MIL | conscript MIL | recruit MIL
military spokesman MIL | army spokesman MIL | military intelligence MILSPY
revolutionary guards MIL | navy ship MIL | naval forces MIL | air defence MIL
air defense MIL | air defences MIL | air defenses MIL

# police and intelligence
police COP | police officer COP | policeman COP | policewoman COP | riot police COP
security forces COP | security force COP | security official COP | security officials COP
security services COP | police chief COP | border police COP | border patrol COP
gendarme COP | gendarmes COP | traffic police COP | prison guard COP | law enforcement COP
intelligence SPY | intelligence agency SPY | intelligence service SPY | spy agency SPY
intelligence official SPY | intelligence officer SPY | spy SPY

# armed non-state groups
militant REB | rebel REB | rebels REB | rebel group REB | rebel fighter REB
insurgent INS | insurgents INS | insurgent group INS | guerrilla REB | guerilla REB
fighter REB | armed fighter REB | militia REB | militias REB | militiaman REB
militia group REB | separatist SEP
separatists SEP | separatist rebels SEP | separatist fighter SEP | jihadist REB
jihadi REB | terror group UAF
armed group UAF | gunman UAF | gunmen UAF | armed men UAF | attacker UAF | assailant UAF
suicide bomber REB | kidnapper CRM | hijacker CRM | pirate CRM
smuggler CRM | people smuggler CRM | human trafficker CRM | drug cartel CRM | cartel CRM
gang CRM | gang member CRM | criminal CRM | warlord REB | mercenary UAF
private military contractor UAF | contractor BUS

# opposition and civil society
opposition OPP | opposition leader OPP | opposition party OPP | opposition figure OPP
opposition politician OPP | opposition lawmaker OPP | opposition supporters OPP
dissident OPP | activist OPP | political activist OPP | pro-democracy activist OPP
exile OPP | exiled leader OPP | government critic OPP | defector OPP
protester CVL | protestor CVL | demonstrator CVL | crowd CVL | marcher CVL | rioter CVL
civilian CVL | resident CVL | villager CVL | locals CVL | citizen CVL
people CVL | passenger CVL | pilgrim REL | worshipper REL | tourist CVL | hostage CVL
hostages CVL | prisoner CVL | victim CVL | survivor CVL | family CVL
families CVL | women CVL | children CVL | child CVL | settler CVL | settlers CVL
voter CVL | voters CVL | mob CVL | youth CVL | youths CVL | man CVL | men CVL
supporter CVL | supporters CVL | follower CVL | followers CVL | loyalist CVL | loyalists CVL
sympathizer CVL | sympathizers CVL | sympathiser CVL | sympathisers CVL
woman CVL | student EDU | students EDU | student leader EDU | teacher EDU
university EDU | academic EDU | professor EDU | scholar EDU | researcher EDU | expert EDU
analyst EDU
refugee REF | refugees REF | migrant REF | migrants REF | asylum seeker REF
asylum-seeker REF | displaced people REF | displaced person REF | displaced persons REF
internally displaced people REF | internally displaced persons REF | evacuee REF
returnee REF | stateless people REF

# media
journalist MED | reporter MED | correspondent MED | media MED | state media GOVMED
state television GOVMED | state tv GOVMED | state news agency GOVMED | news agency MED
newspaper MED | broadcaster MED | state broadcaster GOVMED | public broadcaster MED
television MED | tv MED | radio MED | editor MED | blogger MED | photographer MED
cameraman MED | think tank EDU

# economy, labour, religion, health, justice
business leader BUS | businessman BUS | businesswoman BUS | businesspeople BUS
company BUS | firms BUS | corporation BUS | investor BUS | executives BUS
chief executive BUS | ceo BUS | entrepreneur BUS | trader BUS | shipping company BUS
oil company BUS | energy company BUS | arms maker BUS | defence contractor BUS
defense contractor BUS | industry BUS | unions LAB | trade union LAB
labour union LAB | labor union LAB | worker LAB | workers LAB | employee LAB
striking worker LAB | miner LAB | dockworker LAB | farmer AGR | farmers AGR | peasant AGR
herder AGR | fisherman AGR | cleric REL | clerics REL | imam MUS | priest REL
religious leader REL | bishop CHR | rabbi JEW | monk REL | mullah MUS | ayatollah MUS
aid worker NGO | aid workers NGO | aid agency NGO | relief agency NGO
charity NGO | humanitarian worker NGO | humanitarian group NGO | rights group HRI
human rights group HRI | rights activist HRI | human rights activist HRI | ngo NGO
doctor HLH | doctors HLH | nurse HLH | medic HLH | paramedic HLH | health worker HLH
health official GOVHLH | hospital HLH | health ministry GOVHLH
judge JUD | judges JUD | court JUD | courts JUD | supreme court JUD
constitutional court JUD | high court JUD | appeals court JUD | military court MILJUD
prosecutor JUD | prosecutors JUD | public prosecutor JUD | chief prosecutor JUD
attorney general GOV | prosecutor general GOVJUD | lawyer JUD | lawyers JUD | judiciary JUD
tribunal JUD | magistrate JUD
"""

# ---------------------------------------------------------------------------------------
# lemminflect lookups


def load_nouns(upstream):
    """Return (plural_of, lemma_of): lowercase noun -> plural alternatives / plural -> lemma."""
    src = os.path.join(upstream, "lemminflect")
    plural_of = {}
    with gzip.open(os.path.join(src, "infl_lu.csv.gz"), "rb") as f:
        for row in csv.reader(io.StringIO(f.read().decode("utf-8"))):
            if len(row) >= 3 and row[1] == "noun":
                lem = row[0].lower()
                if lem != row[0] and lem in plural_of:
                    continue  # keep the lowercase entry when both exist
                plural_of[lem] = [p.lower() for p in row[2].split("/") if p]
    lemma_of = {}
    pos_of = {}
    with gzip.open(os.path.join(src, "lemma_lu.csv.gz"), "rb") as f:
        for row in csv.reader(io.StringIO(f.read().decode("utf-8"))):
            if len(row) != 3:
                continue
            form = row[0].lower()
            pos_of.setdefault(form, set()).add(row[1])
            if row[1] == "noun":
                lemma_of.setdefault(form, row[2].split("/")[0].lower())
    return plural_of, lemma_of, pos_of


def looks_plural(w):
    """An unknown word that ends like a regular plural (insurgents, jihadists, mps)."""
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


def regular_singular(w):
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ses", "xes", "ches", "shes", "zes")):
        return w[:-2]
    return w[:-1]


def regular_plural(w):
    if w.endswith(("iarch", "garch")):
        return w + "s"
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


class Morph:
    def __init__(self, upstream):
        self.plural_of, self.lemma_of, self.pos_of = load_nouns(upstream)

    def is_plural(self, w):
        lem = self.lemma_of.get(w)
        return lem is not None and lem != w and w in self.plural_of.get(lem, [])

    def _compound(self, w):
        """Split an unknown compound into (prefix, known noun suffix): cattle+woman."""
        for k in range(1, len(w) - 2):
            suf = w[k:]
            if suf in self.plural_of or suf in self.lemma_of:
                return w[:k], suf
        return None

    def plural(self, w, irregular_only=False):
        """Plural of the noun w, or None."""
        if w in NO_PLURAL or not re.fullmatch(r"[a-z][a-z'-]*", w):
            return None
        if "-" in w:  # pluralise the last part, or the noun before a post-positive word
            parts = w.split("-")
            i = head_index(parts)
            pl = self.plural(parts[i], irregular_only) if parts[i] else None
            return "-".join(parts[:i] + [pl] + parts[i + 1:]) if pl else None
        if self.is_plural(w):
            return None
        pls = self.plural_of.get(w)
        if pls is not None:
            cands = [p for p in pls if p != w]
            if not cands:
                return None
            pl = cands[0]
        else:
            pos = self.pos_of.get(w)
            if pos is not None and "noun" not in pos:
                return None  # an adjective or verb (ISLAMIC, NAVAL): no plural
            split = self._compound(w) if pos is None else None
            if split:
                if self.is_plural(split[1]):
                    return None  # cattlemen, clergywomen: already plural
                spl = self.plural(split[1])
                pl = split[0] + spl if spl else None
                if pl is None:
                    return None
            elif pos is None and looks_plural(w):
                return None
            else:
                pl = regular_plural(w)
        if irregular_only and pl in (w + "s", w + "es", w[:-1] + "ies"):
            return None
        return pl

    def singular(self, w):
        if w in NO_SINGULAR:
            return None
        if self.is_plural(w):
            return self.lemma_of[w]
        if w not in self.pos_of and "-" not in w:
            split = self._compound(w)
            if split:
                if self.is_plural(split[1]) and split[1] not in NO_SINGULAR:
                    return split[0] + self.lemma_of[split[1]]
            elif looks_plural(w):
                return regular_singular(w)
        return None


# Titles with a post-positive adjective: the noun before it is the head
# ("attorneys general", "directors general of ...", "envoys extraordinary").
POSTPOSITIVE = {
    "general": {"attorney", "secretary", "director", "consul", "governor", "surgeon",
                "solicitor", "inspector", "auditor", "advocate", "prosecutor", "postmaster"},
    "extraordinary": {"envoy"}, "plenipotentiary": {"minister"}, "emeritus": {"professor"},
}


def head_index(tokens):
    h = len(tokens) - 1
    if h > 0 and tokens[h].startswith("d'"):  # charge d'affaires
        h -= 1
    for i, t in enumerate(tokens):
        if i > 0 and t in PREPS:
            h = i - 1
            break
    if h > 0 and tokens[h - 1] in POSTPOSITIVE.get(tokens[h], ()):
        h -= 1
    return h


# Foreign-language phrases: no English plural or singular.
NO_VARIANTS = {"fuerzas especiales", "gendarmerie nationale", "assembly federale",
               # plural only: the singular is mostly an adjective or another word
               # ("local", "firm", "executive", "union" as in European Union)
               "locals", "firms", "executives", "unions"}


def variants(phrase, morph, irregular_only=False):
    """The phrase and its plural (or singular) by changing the head noun."""
    if phrase in NO_VARIANTS:
        return [phrase]
    toks = phrase.split()
    h = head_index(toks)
    out = [phrase]
    pl = morph.plural(toks[h], irregular_only)
    if pl:
        out.append(" ".join(toks[:h] + [pl] + toks[h + 1:]))
    sg = morph.singular(toks[h])
    if sg:
        out.append(" ".join(toks[:h] + [sg] + toks[h + 1:]))
    return out


# ---------------------------------------------------------------------------------------
# Upstream parsing

LINE_RE = re.compile(r"^(?P<words>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\}\s*)?\[(?P<code>[^\]}]*)[\]}]")


def normalise(words):
    s = words.replace("_", " ").lower()
    s = s.replace("ad!minist!rati", "administrati")  # an upstream search-and-replace slip
    s = s.replace("(", " ").replace(")", " ")
    s = re.sub(r"\s+", " ", s).strip()
    return s


def expand(s, macros):
    """Expand !MACRO! substitutions and PETRARCH stems into all alternatives."""
    outs = [s]
    for name, alts in macros.items():
        nxt = []
        for o in outs:
            if name in o:
                nxt.extend(o.replace(name, a) for a in alts)
            else:
                nxt.append(o)
        outs = nxt
    res = []
    for o in outs:
        opts = [[]]
        for tok in o.split(" "):
            alts = STEMS.get(tok, [tok])
            opts = [x + [a] for x in opts for a in alts]
        res.extend(" ".join(x) for x in opts)
    return [re.sub(r"\s+", " ", r).strip() for r in res]


def tidy(p):
    toks = p.split()
    while toks and toks[-1] in TRAILING_DROP:
        toks.pop()
    if len(toks) > 1 and toks[0] == "a":
        toks = toks[1:]
    if len(toks) > 1 and toks[0] == "the" and toks[1:] != ["poor"]:
        toks = toks[1:]
    return " ".join(toks)


def parse_upstream(path, morph):
    """Yield (phrase, role, lineno, note) for every upstream phrase form."""
    macros = OrderedDict()
    skipped = []
    entries = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            m = re.match(r"^\s*(![A-Z]+!)\s*=\s*(.+)$", line)
            if m:
                macros[m.group(1).lower()] = [a.strip().lower() for a in m.group(2).split(",")]
                continue
            m = LINE_RE.match(line.strip())
            if not m:
                skipped.append((lineno, line.strip(), "no [code]"))
                continue
            if any(ord(c) > 127 for c in line):
                skipped.append((lineno, line.strip(), "non-ASCII (mojibake)"))
                continue
            code = m.group("code").strip()
            if code.startswith("IGO"):
                role = "IGO"
            else:
                role = code.lstrip("~").strip()
            role = ROLE_MAP.get(role, role)
            base = normalise(m.group("words"))
            plural_field = m.group("plural")
            for phrase in expand(base, macros):
                phrase = tidy(phrase)
                if not phrase or phrase in DROP:
                    continue
                if role == "IGO":
                    if phrase == "peacekeeping troops":
                        entries.append((phrase, "PKO", lineno, "IGO~ mapped to PKO"))
                    else:
                        skipped.append((lineno, line.strip(), "IGO~ is not a role"))
                    continue
                if plural_field is None:
                    forms = variants(phrase, morph)
                elif plural_field.strip() == "":
                    forms = variants(phrase, morph, irregular_only=True)
                else:
                    forms = [phrase] + [tidy(normalise(x)) for x in plural_field.split()]
                    forms += variants(phrase, morph)[1:]
                for i, fphrase in enumerate(forms):
                    entries.append((fphrase, role, lineno, "" if i == 0 else "generated"))
    return entries, skipped


def parse_ours(morph):
    entries = []
    for lineno, line in enumerate(OURS.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        for item in line.split("|"):
            item = item.strip()
            if not item:
                continue
            phrase, role = item.rsplit(" ", 1)
            phrase = phrase.strip().lower()
            for i, fphrase in enumerate(variants(phrase, morph)):
                entries.append((fphrase, role, lineno, "" if i == 0 else "generated"))
    return entries


def main(argv):
    upstream = argv[1] if len(argv) > 1 else DEFAULT_UPSTREAM
    os.chdir(REPO_ROOT)
    morph = Morph(upstream)
    up_path = os.path.join(upstream, "petrarch2", "Phoenix.agents.txt")
    up_entries, skipped = parse_upstream(up_path, morph)
    for lineno, line, why in skipped:
        print(f"skipped upstream line {lineno}: {line!r} ({why})")

    # --- upstream: resolve conflicts
    by_phrase = OrderedDict()
    for phrase, role, lineno, note in up_entries:
        by_phrase.setdefault(phrase, []).append((role, lineno, note))
    final = OrderedDict()
    for phrase, lst in by_phrase.items():
        roles = Counter(r for r, _, _ in lst)
        if len(roles) == 1:
            final[phrase] = (lst[0][0], "up")
            continue
        direct = Counter(r for r, _, note in lst if note == "")
        if phrase in RESOLVE:
            role, why = RESOLVE[phrase]
        elif len(direct) == 1:
            role, why = next(iter(direct)), "the form written upstream wins over a generated one"
        else:
            role, why = (direct or roles).most_common(1)[0][0], "most frequent, then first"
        desc = ", ".join(f"{r}@{ln}{'(gen)' if n else ''}" for r, ln, n in lst)
        print(f"upstream conflict: {phrase!r}: {desc} -> {role} ({why})")
        final[phrase] = (role, "up")

    # --- our additions
    ours = parse_ours(morph)
    seen_ours = {}
    for phrase, role, lineno, note in ours:
        if phrase in seen_ours:
            if seen_ours[phrase] != role and note == "":
                print(f"ours: {phrase!r} given twice ({seen_ours[phrase]} and {role}), "
                      f"keeping {role}")
                seen_ours[phrase] = role
            continue
        seen_ours[phrase] = role
    n_new = n_over = 0
    for phrase, role in seen_ours.items():
        if phrase in final:
            up_role = final[phrase][0]
            if up_role != role:
                print(f"ours overrides upstream: {phrase!r}: {up_role} -> {role}")
                n_over += 1
                final[phrase] = (role, "ours")
        else:
            final[phrase] = (role, "ours")
            n_new += 1

    up_rows = sorted((p, r) for p, (r, src) in final.items() if src == "up")
    our_rows = sorted((p, r) for p, (r, src) in final.items() if src == "ours")
    os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
    with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as f:
        f.write("# phrase<TAB>ROLE: role nouns (agents) for geokg; generated by "
                "scripts/build_agents.py\n")
        f.write("# Source: petrarch2 Phoenix.agents.txt (github.com/openeventdata/petrarch2), "
                "MIT License, Copyright (c) 2014 Open Event Data Alliance;\n")
        f.write("# plurals via lemminflect 0.2.3 (MIT, Brad Jascob). The second section is "
                "ours (MIT OR Apache-2.0).\n")
        f.write("\n# ===== from Phoenix.agents.txt (MIT, Open Event Data Alliance) =====\n")
        for p, r in up_rows:
            f.write(f"{p}\t{r}\n")
        f.write("\n# ===== geokg additions (ours, MIT OR Apache-2.0) =====\n")
        for p, r in our_rows:
            f.write(f"{p}\t{r}\n")
    print(f"{OUT_PATH}: {len(up_rows)} upstream phrases, {len(our_rows)} added by us "
          f"({n_over} upstream roles overridden)")


if __name__ == "__main__":
    main(sys.argv)
