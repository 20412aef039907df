#!/usr/bin/env python3
"""Convert the PETRARCH2 / Phoenix actor dictionaries (MIT licence, Open Event Data
Alliance) into geokg `.actors` files (format: data/README.md).

    petrarch2/Phoenix.Countries.actors.txt      -> data/actors/phoenix-people.actors
    petrarch2/Phoenix.International.actors.txt  -> data/actors/phoenix-international.actors
    petrarch2/Phoenix.MilNonState.actors.txt    -> data/actors/phoenix-groups.actors

Usage (from anywhere; paths are relative to the repository root):

    python3 scripts/build_phoenix_actors.py [UPSTREAM_DIR]   # build, then validate
    python3 scripts/build_phoenix_actors.py --check          # validate existing outputs only

UPSTREAM_DIR defaults to ../shared/data/upstream (relative to the repository root).
Besides the three dictionaries the script reads, as look-up data only (nothing from them is
written out): lemminflect/lemma_lu.csv.gz (common English words, to drop aliases that are
just a word), CountryInfo/CountryInfo.120116.txt (<Leaders> blocks: who was a head of state
or government) and cameo/cameo_country.std.csv (which 3-letter prefixes are countries).

Source format (TABARI actor dictionaries)
-----------------------------------------
A headword line `NAME_ [CODE ...]` or `NAME_`, `+SYNONYM_` lines, then tab-indented
`[CODE dates]` lines; `#` starts a comment. Several headwords without codes may precede
one block of code lines: they share it. We cluster such headwords by shared name words:
variants of one name (LEONID_BREZHNEV_, SECRETARY_BREZHNEV, ...) become one entry, unrelated
names (four different Syrian groups sharing [SYRREBMUS]) become separate entries with the
same codes. A codeless headword followed by a blank or comment line has no codes and is
dropped.

Dates
-----
`YYMMDD` (years 00-30 -> 20xx, 31-99 -> 19xx; checked: upstream 6-digit years are 00-14 and
31-99) or `YYYYMMDD`. `[C >d]` and a bare `[C d]` -> `C d..`; `[C <d]` -> `C ..d`;
`[C a-b]` -> `C a..b`.
UNTIL: we KEEP THE SAME DAY. PETRARCH2, the program these dictionaries were written for,
tests `start <= date < end` and `date < d` for `<d` (PETRtree check_date), i.e. upstream
ends are already exclusive, and consecutive offices in CountryInfo share the hand-over day
(`[AFGGOV 331108-730717]` then `[AFGELI 730717-...]`), so `a..b` in our exclusive-UNTIL
format is the upstream meaning unchanged.
A few malformed dates are repaired from context (table DATE_REPAIRS); impossible days are
clamped to the month's last day; anything else loses its date with a warning.

Codes
-----
Copied as they are, except: `[---]` (no code) is dropped; a bare role code without a country
(`[ELI]`, `[MED]`, `[~XXX]`) is combined with the country of the entry's other codes (first
one found) or dropped; digits inside a code (CAMEO-RCS denomination numbers such as
`NGONLDCHRPRO360`) are removed; the placeholder prefix `KKL` (annotator initials, "country
unknown") is replaced when the group's own name states the country, else the code is
dropped; `ANG` (COW code) -> `AGO`. Undated codes are moved after the dated ones: in TABARI
an undated code is the default when no dated code applies, and in geokg the first code that
applies wins. Exact duplicates and ranges inside an earlier range of the same code are
dropped. Finally each entry's lines are rewritten as an equivalent timeline without overlaps
(function flatten): time is cut at every date, each piece gets the first code that applies,
equal neighbours are joined; so `[AFGELI 750101-000101] [AFGGOV >011222] [AFGELI]` becomes
`AFGELI ..2001-12-22` + `AFGGOV 2001-12-22..`, and lines that could never apply vanish
(concurrent portfolios listed after a broader code: upstream order decides). Upstream code-line comments are kept as `# comment` unless they are annotator
stamps or source tags.

Entries
-------
Countries file: entries whose codes make them a country or territory (a bare country code
such as `[AFG]`, or country+territory/status such as `USAASM`, `IRQOCC`) are skipped with
all their synonyms (country names, cities, provinces: covered by countries.tsv). Everything
else is kept, including national institutions and role titles ("US Vice President").
Duplicates are merged: a shared name of 2+ words (or a shared canonical name) with identical
codes, or the same canonical name with a code in common; an IGO/NGO acronym entry (`UN_
[IGOUNO]`) goes into the entry with identical codes whose initials it is. Entries with strong
evidence of being a person (CountryInfo/IGOrulers source comment, an ELI code, or a
headword "title + name" such as PRESIDENT_JOSIPOVIC) get a `kind: person` line.

Names
-----
Underscores -> spaces, trailing `_` dropped, natural case (`BARACK_OBAMA` -> `Barack
Obama`, `AL-QAEDA` -> `al-Qaeda`, particles al/el/bin/ibn/de/van/von/der/la/le/... lower case
inside a name, acronyms upper case: the ACRONYMS list, tokens of <= 5 letters without a
vowel, acronyms derived from the entry's own longer names, parenthesised acronyms, short
non-words in company names). A leading "the" is dropped (optional in matching anyway).
`(ACRONYM)` is removed from the name and becomes an alias; other parenthesised text
(`(COLOMBIA)`, translations, `(ACTING`) is removed. `"NICK"` nicknames give a variant with
the nickname (`TZIPORA_"TZIPI"_LIVNI` -> Tzipora Livni | Tzipi Livni). `X,_THE` -> The X;
`X,_INC`/`X,_JR.` -> `X Inc` + `X`; `X,_THEN_Y` (two people) is dropped.
Dropped: names of 1-2 characters (except SHORT_OK: UN, EU, AU, G7, G8, BP, LG), names that
are only digits, single words that are common English words (lemminflect; except ACRONYMS
and a few brand names), and single-word aliases that are a person's bare surname (every
single word of an entry with strong person evidence, or the last word of one of the entry's
personal names) unless the person was a head of state or government (CountryInfo <Leaders>,
a head-of-state title in an alias, or RECENT_HEADS) with a GOV code after 1990.
The canonical (first) name: for persons the first plain name (two or more words, no title
words), headword first; for organisations the headword unless it is an acronym.
Every drop and repair is counted and printed.
"""

import argparse
import collections
import datetime
import gzip
import os
import random
import re
import sys
import unicodedata

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_UPSTREAM = os.path.join('..', 'shared', 'data', 'upstream')

FILES = [
    # (upstream file, output file, kind of file, title for the header)
    ('petrarch2/Phoenix.Countries.actors.txt', 'data/actors/phoenix-people.actors', 'countries',
     'People (leaders, ministers, officials) and national institutions'),
    ('petrarch2/Phoenix.International.actors.txt', 'data/actors/phoenix-international.actors',
     'international', 'International organisations (IGOs, NGOs, MNCs) and their officials'),
    ('petrarch2/Phoenix.MilNonState.actors.txt', 'data/actors/phoenix-groups.actors', 'groups',
     'Militant and other non-state groups'),
]

UPSTREAM_REPO = 'github.com/openeventdata/petrarch2'
UPSTREAM_COMMIT_FALLBACK = '676801cd9cb2924bbbad09f86d15c9323e7097bf'

# ---------------------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------------------

# Role codes (CAMEO) that need a country in front of them.
ROLE_CODES = set('''GOV MIL REB OPP PTY COP JUD SPY LEG ELI MED BUS CVL AGR CRM DEV EDU ENV
HLH HRI LAB REF MOD RAD SEP UAF INS SET PKO'''.split())
# Prefixes that stand without a country.
NON_COUNTRY_PREFIXES = {'IGO', 'NGO', 'MNC', 'IMG', 'INT', 'NGM'}

# Heads of state or government whose terms began after CountryInfo.120116.txt (Jan 2012)
# or whose country has no <Leaders> block there (Montenegro); matched as the last word of
# a name of at least two words.
RECENT_HEADS = {'sisi', 'sissi', 'poroshenko', 'nikolic', 'vucic', 'davutoglu', 'vujanovic',
                'dukanovic', 'djukanovic', 'hollande', 'rouhani', 'morsi', 'mursi', 'jinping',
                'modi', 'renzi', 'abadi', 'buhari'}

# Malformed upstream dates whose intended value is obvious from the neighbouring lines.
DATE_REPAIRS = {
    '2004017': '20040117',    # Ban Ki-moon, KORGOVBUS: foreign minister from 17 Jan 2004
    '9008223': '900823',      # ARMUNR 9008223-911221 follows USRARM <900823
    '201005011': '20100511',  # David Cameron, GBRGOV: prime minister from 11 May 2010
    '1920030320': '20030320',  # IRQOCC 1920030320-20060520 follows IRQ <20030320
}

RANGE_REPAIRS = {
    '20121207-20120802': '20111207-20120802',   # Kamal Ganzouri, 2nd term as prime minister
}

# The two Ctrl-Z bytes in Phoenix.Countries.actors.txt stand for accented letters.
CTRL_Z_REPAIRS = {b'Z\x1aROUAL': b'ZEROUAL', b'STRASK\x1aY': b'STRASKY'}

# KKL (annotator initials) used as "country unknown": repair only where the name says it.
KKL_COUNTRY_WORDS = [
    ('COLOMBIA', 'COL'), ('EL_SALVADOR', 'SLV'), ('ARGENTINA', 'ARG'), ('PAKISTAN', 'PAK'),
    ('UZBEKISTAN', 'UZB'), ('LEBANESE', 'LBN'), ('RWANDA', 'RWA'), ('OKLAHOMA_CITY', 'USA'),
]
PREFIX_REPAIRS = {'ANG': 'AGO'}

# Known acronyms: kept upper case; the 2-letter ones are also exempt from the
# "drop names of 1-2 characters" rule.
SHORT_OK = {'UN', 'EU', 'AU', 'G7', 'G8', 'BP', 'LG'}
ACRONYMS = set('''UN EU AU US USA UK UAE USSR NATO ANSF ANP ISAF KFOR SFOR IFOR EUFOR
UNAMA UNAMI UNAMID UNAMSIL UNIFIL UNMIK UNMIL UNMIS UNMISS UNMIN UNOCI UNFICYP MONUC MONUSCO
MINUSTAH MINUSMA MINURSO UNTAET UNPROFOR UNDOF UNTSO UNSC UNSG UNSCR UNGA UNDP UNEP UNFPA
UNHCR UNICEF UNIFEM UNESCO UNESCAP UNRWA UNCTAD UNIDO UNAIDS UNODC UNOG UNOPS UNHRC OHCHR
OCHA DPKO IAEA ICJ ICC ICTY ICTR ILO IMF IMO ITU WFP WHO WTO WMO WIPO FAO IFAD IPCC OPCW
OSCE OECD OPEC OAPEC OAS OAU ASEAN APEC SAARC ECOWAS ECOMOG ECCAS SADC IGAD AMISOM AMIS
AUPSC GCC OIC CIS CSTO SCO ACP CARICOM MERCOSUR NAFTA EFTA ECB EIB EBRD ADB AFDB
IADB IDB BIS IEA WEU EEC EC PACE ICRC IFRC IRC MSF HRW CPJ RSF NGO IGO MNC
AQAP AQIM AQI ISIS ISIL PLO PFLP DFLP PLF PIJ PNA LTTE PKK KDP PUK KRG MEK MKO PJAK
FARC ELN AUC EPL EPR EZLN FMLN URNG MRTA MILF MNLF NPA ASG JEM LEJ HUJI ULFA
NSCN NDFB PWG MCC CPN CPI IRA PIRA RIRA CIRA INLA UVF UDA LVF ETA GRAPO FLNC ALF ELF KKK
SPLA SPLM SLA SLM LRA ADF FDLR RCD CNDP AFDL UNITA MPLA FNLA RENAMO FRELIMO
SWAPO ANC IFP ZANU ZAPU MDC RUF AFRC NPFL ULIMO LURD FNI UPC MLC FRUD
ONLF OLF TPLF EPLF EPRDF SNM ICU TFG GSPC GIA FIS
CIA FBI NSA DHS DOD DOJ FEMA NSC USAID ATF DEA KGB FSB GRU SVR MVD OMON SBU ISI
GCHQ BND DGSE DGSI CSIS KCIA SAVAK VEVAK MOIS IRGC IDF IAF PLA
KMT DPP LDP DPJ BJP CPM AIADMK DMK BSP PPP PML MQM JUI BNP PRI
PRD PSOE CDU CSU SPD FDP AKP CHP MHP HDP BDP DTP PASOK KKE UMP
BBC CNN AFP UPI NYT CBS NBC MSNBC RFE RFI NHK KCNA IRNA
IBM HSBC UBS ABN AMRO AIG KPMG PWC EADS BAE TNK ZTE NEC TDK
UCLA NYU LSE'''.split())

# Tokens that are title-cased although they have no vowel or look like abbreviations.
TITLECASE_ABBREVS = {'MR', 'MRS', 'MS', 'DR', 'JR', 'SR', 'ST', 'MT', 'LT', 'GEN', 'COL',
                     'CAPT', 'SGT', 'MAJ', 'ADM', 'SEN', 'REP', 'GOV', 'INC', 'LTD', 'CORP',
                     'CO', 'PLC', 'LLC', 'BROS', 'DEPT', 'MSGR', 'FR', 'PROF', 'SHRI', 'SRI',
                     'SECY', 'SEC', 'HWY', 'PVT', 'CPL', 'CMDR', 'BRIG', 'CDR'}
ROMAN = {'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII', 'XIII', 'XIV', 'XV',
         'XVI'}

# Lower-cased inside a name (person particles, per the project's conventions) ...
PERSON_PARTICLES = {'al', 'el', 'bin', 'ibn', 'bint', 'de', 'van', 'von', 'der', 'den', 'la',
                    'le', 'du', 'da', 'dos', 'das', 'do', 'ul', 'ud'}
# ... and short function words of organisation names.
NAME_STOPWORDS = {'of', 'the', 'and', 'for', 'in', 'on', 'to', 'at', 'by', 'with', 'from',
                  'against', 'des', 'et', 'wa', 'wal', 'fi', 'del', 'della', 'di', 'per',
                  'pour', 'en', 'und', 'an', 'or', 'as'}
# Lower-cased as hyphen parts after the first (al-Qaeda, Jaish-e-Mohammad, Mazar-i-Sharif).
HYPHEN_PARTICLES = {'al', 'el', 'e', 'i', 'ul', 'ud', 'ut', 'ad', 'ar', 'as', 'ash', 'at',
                    'az', 'ed', 'en', 'es', 'et', 'bin', 'ibn', 'de', 'la', 'le', 'wa', 'wal',
                    'y', 'elect'}

# Words that mark a name as a title or description rather than a plain name.
TITLE_WORDS = set('''PRESIDENT PRESIDENT-ELECT VICE PRIME MINISTER PREMIER SECRETARY
SECRETARY-GENERAL CHANCELLOR KING QUEEN PRINCE PRINCESS EMIR SULTAN LEADER CHIEF FORMER
GENERAL GEN GEN. MR MR. MRS MRS. MS MS. DR DR. SENATOR SEN. REP. REPRESENTATIVE GOVERNOR
AMBASSADOR SPOKESMAN SPOKESWOMAN FOREIGN DEFENSE DEFENCE COMMANDER ACTING CHAIRMAN CHAIRWOMAN
ENVOY DEPUTY PRESIDENTIAL CANDIDATE LT LT. COL COL. MAJ MAJ. CAPT CAPT. ADMIRAL ADM. MARSHAL
SPEAKER MAYOR LORD SIR JUSTICE JUDGE POPE CARDINAL AYATOLLAH'''.split())
# Words preceding a personal name that show the entry is a person.
PERSON_TITLES = set('''PRESIDENT PRESIDENT-ELECT PRIME MINISTER PREMIER SECRETARY SECRETARY-GENERAL KING QUEEN
PRINCE PRINCESS EMIR SULTAN MR MR. MRS MRS. MS MS. DR DR. SENATOR SEN. GOVERNOR AMBASSADOR
GENERAL GEN GEN. ADMIRAL CHANCELLOR SHEIKH SHEIK MULLAH AYATOLLAH CHAIRMAN LEADER
SPOKESMAN FOREIGN DEFENSE VICE DEPUTY ACTING FORMER'''.split())
# Titles of heads of state or government.
HEAD_TITLES = {'PRESIDENT', 'PRESIDENT-ELECT', 'PREMIER', 'KING', 'QUEEN', 'EMIR', 'SULTAN',
               'CHANCELLOR', 'TAOISEACH'}
NOT_HEAD_BEFORE = {'VICE', 'DEPUTY', 'BANK', 'PARTY', 'COURT', 'SENATE', 'ASSEMBLY',
                   'COUNCIL', 'UNION', 'COMMISSION', 'CLUB', 'COLLEGE', 'UNIVERSITY', 'FORMER',
                   'EX', 'EXCHEQUER', 'REGIONAL', 'PROVINCIAL', 'STATE'}
# Words that mark an organisation (not a person).
ORG_WORDS = set('''ARMY ARMIES FORCE FORCES PARTY MINISTRY COUNCIL ASSEMBLY PARLIAMENT COURT
POLICE GOVERNMENT MILITARY COMMITTEE OFFICE DEPARTMENT AGENCY BANK FRONT MOVEMENT UNION
BRIGADE BRIGADES SERVICE SERVICES DUMA CONGRESS SENATE ADMINISTRATION CABINET COALITION
ALLIANCE ORGANIZATION ORGANISATION ASSOCIATION GROUP GROUPS NAVY GUARD GUARDS CORPS COMMAND
LEAGUE DECLARATION BATTALION BATTALIONS COMMISSION AUTHORITY INSTITUTE FOUNDATION FEDERATION
SOCIETY CENTER CENTRE BUREAU PRESIDENCY REGIME JUNTA MISSION FUND PROGRAM PROGRAMME
COMPANY CORPORATION INC LTD CORP ACADEMY UNIVERSITY CHURCH TRIBUNAL BOARD NETWORK
INTELLIGENCE REPUBLIC STATE STATES KINGDOM EMIRATE CALIPHATE MILITIA MILITIAS REBELS
INSURGENTS TALIBAN MUJAHIDEEN ISLAMISTS NATIONS PEOPLE PEOPLES SOLDIERS TROOPS OFFICIALS
LEADERSHIP POLITBURO SECRETARIAT DIRECTORATE DIVISION REGIMENT UNIT UNITS CELL CELLS
COMMANDO COMMANDOS NUCLEI NUCLEUS COLUMN COLUMNS ORDER COUNCILS JIHAD HARAKAT JAISH JABHAT
LIWA LIWAA KATIBAT KATAEB HIZB TANZIM JAMAAT JAMIAT LASHKAR SIPAH TEHRIK MAJLIS SHURA
DIRECTORATE-GENERAL REPORTER JOURNALIST NEWSPAPER TIMES POST NEWS PRESS JOURNAL TELEVISION
RADIO BROADCASTER BROADCASTING AGENCE'''.split())

# Organisation words that win even over a CountryInfo "person" comment (ISLAMIC_
# REVOLUTIONARY_COUNCIL is listed among Iran's leaders).
STRONG_ORG_WORDS = set('''COUNCIL COMMITTEE JUNTA PARTY GOVERNMENT FRONT ARMY ASSEMBLY PRESIDENCY
COMMISSION DIRECTORATE MINISTRY FORCES MOVEMENT UNION LEAGUE ORGANIZATION ORGANISATION INSTITUTE
INSTITUTION FOUNDATION UNIVERSITY CENTER CENTRE ASSOCIATION TANK'''.split())

FILE_TAG_RE = re.compile(r'^(CountryInfo\.txt|IGOrulers\.txt|NGO_Actors|UN)$', re.I)
STAMP_RE = re.compile(r'\b(\d{1,2}[ -][A-Z][a-z]{2}[ -]\d{2,4}|kkl|MleH|ELH|CTA|BK|pas|KKL)\b')


def fail(msg):
    print('error: ' + msg, file=sys.stderr)
    sys.exit(1)


class Stats:
    """Counters of what was dropped or repaired, and a list of warnings."""

    def __init__(self):
        self.c = collections.Counter()
        self.warnings = []
        self.examples = collections.defaultdict(list)

    def add(self, key, example=None, n=1):
        self.c[key] += n
        if example is not None and len(self.examples[key]) < 200:
            self.examples[key].append(example)

    def warn(self, msg):
        self.warnings.append(msg)


# ---------------------------------------------------------------------------------------
# Look-up data
# ---------------------------------------------------------------------------------------

def load_lexicon(upstream):
    """Lower-case English word forms (not proper nouns) from lemminflect."""
    path = os.path.join(upstream, 'lemminflect', 'lemma_lu.csv.gz')
    words = set()
    if not os.path.exists(path):
        print('warning: %s missing: common-word filter uses a short built-in list' % path,
              file=sys.stderr)
        return set('''change hope unity justice freedom liberty peace order dawn light
        truth victory future progress solidarity renewal reform action'''.split())
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split(',')
            if len(parts) < 2:
                continue
            form, pos = parts[0], parts[1]
            if pos != 'propn' and form == form.lower() and form.isalpha():
                words.add(form)
    return words


def load_countries(upstream):
    """(3-letter country/region codes, upper-case country names) from the GDELT table."""
    path = os.path.join(upstream, 'cameo', 'cameo_country.std.csv')
    codes = set()
    names = {'USA', 'US', 'UK', 'AMERICA', 'BRITAIN', 'RUSSIA', 'KOREA', 'CONGO', 'KOSOVO'}
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                m = re.match(r'"([A-Z]{3})","([^"]*)"', line)
                if m:
                    codes.add(m.group(1))
                    names.add(m.group(2).upper().replace(' ', '_'))
    # historical and newer codes used by the dictionaries
    codes |= set('''DDR SUN YUG SCG FRY KSV SRB MNE SSD ROU TMP PSE CSK USR DEU GGY MRT SVN
    BIH HRV MKD CZE SVK KNT SRP FRN KRJ WEU GZA'''.split())
    return codes, names


def norm_key(name):
    """Matching key of a name: diacritics, case, periods, hyphens, apostrophes and a
    leading 'the' folded (data/README.md, 'Names and matching')."""
    s = unicodedata.normalize('NFKD', name)
    s = ''.join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower().replace('.', '')
    s = re.sub(r"[-'`’,_/]", ' ', s)
    s = re.sub(r'\s+', ' ', s).strip()
    if s.startswith('the '):
        s = s[4:]
    return s


def is_leader(key, leaders):
    """Is this name (a norm_key) a head of state/government? Exact match with a CountryInfo
    <Leaders> name, or at least two words in common with one ending in the same surname
    (MUAMMAR_QADDAFI ~ MUAMMAR_AL_QADDAFI), or a recent head from RECENT_HEADS."""
    keys, by_last = leaders
    if key in keys:
        return True
    toks = key.split()
    if len(toks) >= 2 and toks[-1] in RECENT_HEADS:
        return True
    if len(toks) < 2:
        return False
    t = set(toks)
    for other in by_last.get(toks[-1], ()):
        if len(t & other) >= 2 and (t <= other or other <= t):
            return True
    return False


def load_leaders(upstream):
    """Keys of names listed in CountryInfo <Leaders> blocks (heads of state/government),
    leaving out governors, commissioners, administrators and representatives."""
    path = os.path.join(upstream, 'CountryInfo', 'CountryInfo.120116.txt')
    keys = set()
    if not os.path.exists(path):
        print('warning: %s missing: heads of state recognised by title only' % path,
              file=sys.stderr)
        return keys, {}
    data = open(path, 'rb').read().replace(b'\x1a', b'E').decode('utf-8', 'replace')
    skip_tag = re.compile(r'governor|commission|administrat|representative|\bresident|'
                          r'occupation|lieutenant|coprince', re.I)
    for block in re.findall(r'^<Leaders>[ \t]*$(.*?)^</Leaders>', data, re.S | re.M):
        tag = ''
        for line in block.split('\n'):
            line = line.split('#')[0].strip()
            m = re.match(r'^<([^/>][^>]*)>', line)
            if m:
                tag = m.group(1)
                continue
            if not line or line.startswith('<') or skip_tag.search(tag):
                continue
            name = line.split('[')[0].strip()
            if name:
                keys.add(norm_key(name.replace('_', ' ')))
    by_last = collections.defaultdict(list)
    for k in keys:
        toks = k.split()
        if len(toks) >= 2:
            by_last[toks[-1]].append(set(toks))
    return keys, by_last


def upstream_commit(upstream):
    """The petrarch2 commit recorded in the upstream README (for the output headers)."""
    try:
        text = open(os.path.join(upstream, 'README.md'), encoding='utf-8').read()
        m = re.search(r'\|\s*`petrarch2/`\s*\|[^|]*\|\s*`([0-9a-f]{40})`', text)
        if m:
            return m.group(1)
    except OSError:
        pass
    return UPSTREAM_COMMIT_FALLBACK


# ---------------------------------------------------------------------------------------
# Reading the TABARI dictionaries
# ---------------------------------------------------------------------------------------

class Group:
    """One headword with its + synonyms."""

    def __init__(self, name, lineno, comment):
        self.names = [name]
        self.lineno = lineno
        self.comments = [comment] if comment else []


class Block:
    """Headword groups sharing one list of codes."""

    def __init__(self):
        self.groups = []
        self.codes = []   # (code, date text, comment, lineno)


CODE_RE = re.compile(r'\[([^\]]*)\]')


def read_bytes(path, stats):
    data = open(path, 'rb').read()
    for bad, good in CTRL_Z_REPAIRS.items():
        if bad in data:
            data = data.replace(bad, good)
            stats.add('repaired: Ctrl-Z byte replaced by the accented letter (ASCII)',
                      good.decode())
    if b'\x1a' in data:
        stats.add('repaired: unknown Ctrl-Z byte removed', n=data.count(b'\x1a'))
        data = data.replace(b'\x1a', b'')
    return data.decode('utf-8', 'replace')


def parse_codes(text, comment, lineno):
    out = []
    for m in CODE_RE.finditer(text):
        parts = m.group(1).split()
        if not parts:
            continue
        out.append((parts[0], ''.join(parts[1:]), comment, lineno))
    return out


def read_dictionary(path, stats):
    text = read_bytes(path, stats)
    blocks = []
    cur = None
    separator = False   # a blank or comment-only line since the last headword

    def finish():
        if cur is None:
            return
        if cur.codes:
            blocks.append(cur)
        else:
            for g in cur.groups:
                stats.add('dropped entry: headword without any code', g.names[0])

    for lineno, raw in enumerate(text.split('\n'), 1):
        line = raw.rstrip('\r')
        content, _, comment = line.partition('#')
        comment = comment.strip()
        s = content.strip()
        if not s:
            separator = True
            continue
        if s.startswith('['):
            if cur is None:
                stats.warn('line %d: code line without a headword' % lineno)
                continue
            cur.codes.extend(parse_codes(content, comment, lineno))
            continue
        if s.startswith('+') or line[:1] in ('\t', ' '):
            # a synonym (or an indented name with its own codes: treated alike)
            if cur is None:
                stats.warn('line %d: synonym without a headword' % lineno)
                continue
            name = s.lstrip('+').split('[')[0]
            for part in re.split(r'(?<=[_\s])\+|\+(?=_)', name):
                if part.strip('_ '):
                    cur.groups[-1].names.append(part)
            cur.codes.extend(parse_codes(content, comment, lineno))
            continue
        if re.match(r'^[A-Za-z]+: ', s):
            stats.add('dropped line: stray text used as a headword', s)
            separator = True
            continue
        name = s.split('[')[0]
        inline = parse_codes(content, comment, lineno)
        if cur is not None and not cur.codes and not separator:
            cur.groups.append(Group(name, lineno, comment))   # shares the coming codes
        else:
            finish()
            cur = Block()
            cur.groups.append(Group(name, lineno, comment))
        cur.codes.extend(inline)
        separator = False
    finish()
    return blocks


def significant_tokens(raw):
    toks = re.split(r'[_\s\-]+', raw.upper().strip('+_ '))
    return {t for t in toks if len(t) >= 4 and t not in TITLE_WORDS
            and t.lower() not in NAME_STOPWORDS and t not in ORG_WORDS}


def split_block(block, stats):
    """Headword groups sharing a block: variants of one name -> one entry; unrelated names
    -> separate entries with the same codes."""
    groups = block.groups
    if len(groups) == 1:
        return [groups]
    parent = list(range(len(groups)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    toks = [set().union(*(significant_tokens(n) for n in g.names)) for g in groups]
    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            if toks[i] & toks[j]:
                parent[find(j)] = find(i)
    clusters = collections.OrderedDict()
    for i, g in enumerate(groups):
        clusters.setdefault(find(i), []).append(g)
    if len(clusters) > 1:
        stats.add('info: headwords sharing one code block kept as separate entries',
                  ' / '.join(g.names[0].strip('_ ') for g in groups), n=len(clusters))
    return list(clusters.values())


# ---------------------------------------------------------------------------------------
# Dates and codes
# ---------------------------------------------------------------------------------------

def last_day(y, m):
    if m == 12:
        return 31
    return (datetime.date(y, m + 1, 1) - datetime.timedelta(days=1)).day


def parse_date(s, stats, where):
    """Upstream date digits -> datetime.date or None (with a warning)."""
    orig = s
    if s in DATE_REPAIRS:
        s = DATE_REPAIRS[s]
        stats.add('repaired: malformed date', '%s -> %s (%s)' % (orig, s, where))
    if len(s) == 6:
        yy = int(s[:2])
        y = 2000 + yy if yy <= 30 else 1900 + yy
        m, d = int(s[2:4]), int(s[4:6])
    elif len(s) == 8:
        y, m, d = int(s[:4]), int(s[4:6]), int(s[6:8])
    else:
        stats.add('dropped date: malformed', '%s (%s)' % (orig, where))
        stats.warn('malformed date %r dropped (%s)' % (orig, where))
        return None
    if not 1 <= m <= 12 or y < 1800:
        stats.add('dropped date: impossible month/year', '%s (%s)' % (orig, where))
        stats.warn('impossible date %r dropped (%s)' % (orig, where))
        return None
    if d == 0:
        d = 1
        stats.add('repaired: day 00 -> 01', '%s (%s)' % (orig, where))
    if d > last_day(y, m):
        d = last_day(y, m)
        stats.add('repaired: impossible day clamped to month end', '%s (%s)' % (orig, where))
    return datetime.date(y, m, d)


def parse_range(text, stats, where):
    """'>d', '<d', 'a-b', 'd' -> (from, until) dates or None; returns (ok, from, until)."""
    if not text:
        return True, None, None
    if text[0] in '<>':
        if not text[1:].isdigit():
            stats.warn('unreadable date %r dropped (%s)' % (text, where))
            stats.add('dropped date: unreadable', text)
            return False, None, None
        d = parse_date(text[1:], stats, where)
        if d is None:
            return False, None, None
        return (True, None, d) if text[0] == '<' else (True, d, None)
    if text in RANGE_REPAIRS:
        stats.add('repaired: malformed date range', '%s -> %s (%s)'
                  % (text, RANGE_REPAIRS[text], where))
        text = RANGE_REPAIRS[text]
    if '-' in text:
        a, _, b = text.partition('-')
        if not (a.isdigit() and b.isdigit()):
            stats.warn('unreadable date range %r dropped (%s)' % (text, where))
            stats.add('dropped date: unreadable', text)
            return False, None, None
        da = parse_date(a, stats, where)
        db = parse_date(b, stats, where)
        if da and db and da > db and len(a) == 6 and da.year >= 2000:
            da = da.replace(year=da.year - 100)
            stats.add('repaired: range start moved to the 1900s', '%s (%s)' % (text, where))
        if da and db and da > db:
            stats.warn('reversed date range %r dropped (%s)' % (text, where))
            stats.add('dropped date: reversed range', '%s (%s)' % (text, where))
            return False, None, None
        if da is None and db is None:
            return False, None, None
        if da and db and da == db:
            db = da + datetime.timedelta(days=1)
            stats.add('repaired: one-day range a-a -> a..a+1 (UNTIL is exclusive)',
                      '%s (%s)' % (text, where))
        return True, da, db
    if text.isdigit():
        d = parse_date(text, stats, where)
        if d is None:
            return False, None, None
        stats.add('info: bare date read as a start date (">date")', '%s (%s)' % (text, where))
        return True, d, None
    stats.warn('unreadable date %r dropped (%s)' % (text, where))
    stats.add('dropped date: unreadable', text)
    return False, None, None


def country_of(code, countries):
    p = code[:3]
    return p if p in countries and p not in NON_COUNTRY_PREFIXES else None


def clean_comment(comment):
    """Keep an upstream code-line comment only when it says something (a title, a note),
    not an annotator's stamp or a source-file tag."""
    parts = []
    for p in comment.split('#'):
        p = re.sub(r'\s+', ' ', p.replace('\t', ' ')).strip()
        p = re.sub(r'\$[\d,]+.*$', '', p).strip()   # MNC revenue figures
        p = re.sub(r'\(I made this number up.*$', '', p).strip()
        if (not p or FILE_TAG_RE.match(p) or STAMP_RE.search(p) or len(p) < 3
                or re.match(r'(n/a|(converted|recoded) from SAE files)$', p, re.I)):
            continue
        if p not in parts:
            parts.append(p)
    out = '; '.join(parts)
    return out[:80].rstrip()


def convert_codes(raw_codes, names_upper, countries, stats, where):
    """Upstream (code, dates, comment) -> list of (code, from, until, comment)."""
    out = []
    pending_roles = []
    for code, dates, comment, lineno in raw_codes:
        w = '%s line %d' % (where, lineno)
        if code == '---':
            stats.add('dropped code: [---] (no code)', w)
            continue
        orig = code
        if re.search(r'\d', code):
            code = re.sub(r'\d+', '', code)
            stats.add('repaired: digits removed from code', '%s -> %s' % (orig, code))
        code = code.upper()
        if code.startswith('KKL'):
            fixed = None
            for word, iso in KKL_COUNTRY_WORDS:
                if any(word in n for n in names_upper):
                    fixed = iso
                    break
            if fixed:
                code = fixed + code[3:]
                stats.add('repaired: placeholder country KKL from the name', '%s -> %s (%s)'
                          % (orig, code, names_upper[0]))
            else:
                stats.add('dropped code: placeholder country KKL (unknown country)',
                          '%s (%s)' % (orig, names_upper[0]))
                continue
        if code[:3] in PREFIX_REPAIRS:
            code = PREFIX_REPAIRS[code[:3]] + code[3:]
            stats.add('repaired: COW country code', '%s -> %s' % (orig, code))
        ok, d_from, d_until = parse_range(dates, stats, w)
        if not ok:
            d_from = d_until = None
        item = [code, d_from, d_until, clean_comment(comment)]
        bare = code.lstrip('~')
        if code.startswith('~') or (len(bare) == 3 and bare in ROLE_CODES):
            item[0] = bare
            pending_roles.append(item)
            continue
        out.append(item)
    # bare roles ([ELI], [MED], [~XXX]): combine with the country of the other codes
    for item in pending_roles:
        country = None
        for other in out:
            country = country_of(other[0], countries)
            if country:
                break
        if country:
            stats.add('repaired: bare role code combined with the entry\'s country',
                      '%s -> %s%s' % (item[0], country, item[0]))
            item[0] = country + item[0]
            out.append(item)
        else:
            stats.add('dropped code: bare role %s without a country' % item[0],
                      names_upper[0])
    # dedupe; a range inside an earlier range of the same code can never apply first
    result = []
    for item in out:
        dup = False
        for prev in result:
            if prev[0] != item[0]:
                continue
            lo_ok = prev[1] is None or (item[1] is not None and prev[1] <= item[1])
            hi_ok = prev[2] is None or (item[2] is not None and item[2] <= prev[2])
            if lo_ok and hi_ok:
                dup = True
                if not prev[3] and item[3]:
                    prev[3] = item[3]
                break
        if dup:
            stats.add('dropped code line: duplicate or inside an earlier range of the same '
                      'code')
            continue
        result.append(item)
    dated = [c for c in result if c[1] or c[2]]
    undated = [c for c in result if not (c[1] or c[2])]
    return dated + undated


# ---------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------

def initials(tokens):
    out = ''
    for t in tokens:
        for part in t.split('-'):
            p = part.strip(".'")
            if not p or p.lower() in NAME_STOPWORDS:
                continue
            out += p[0]
    return out.upper()


def is_subsequence(short, long):
    it = iter(long)
    return all(ch in it for ch in short)


def looks_like_acronym(tok, context_tokens, ctx):
    """A parenthesised token: an acronym, or a disambiguator/translation/variant?"""
    letters = re.sub(r'[^A-Z0-9]', '', tok)
    if not letters or not re.fullmatch(r'[A-Z0-9][A-Z0-9\-\.&]*', tok):
        return False
    if tok in ACRONYMS:
        return True
    ini = initials(context_tokens)
    if len(letters) <= 9 and letters[0] == ini[:1] and is_subsequence(letters, ini):
        return True
    return (len(letters) <= 5 and tok.lower() not in ctx['lexicon']
            and tok not in ctx['country_names'])


def case_part(p, first, lexicon, acronyms):
    """Natural case of one hyphen-free, apostrophe-free word part (upper-case input)."""
    if not p:
        return p
    core = p.rstrip('.')
    if p in acronyms or core in acronyms:
        return p
    if re.fullmatch(r'\d+(ST|ND|RD|TH)', p):
        return p.lower()                                # 20th
    if re.search(r'\d', p) or '&' in p or '+' in p:
        return p
    if core.endswith('S') and core[:-1] in acronyms and len(core) > 2:
        return core[:-1] + 's' + p[len(core):]     # NGOs
    if core in TITLECASE_ABBREVS:
        return core[0] + core[1:].lower() + p[len(core):]
    if '.' in p and re.fullmatch(r'([A-Z]{1,2}\.)+[A-Z]{0,2}', p):
        return p          # U.S., U.N., R.K., K.
    if len(core) == 1:
        return p
    if not first and core in ROMAN:
        return p
    if (len(core) <= 5 and not re.search(r'[AEIOUY]', core) and core.isalpha()
            and core.isascii()):
        return p          # BBC, CNN, KRG, PKK
    low = p.lower()
    if low.startswith('mc') and len(low) > 3:
        return 'Mc' + low[2].upper() + low[3:]
    return low[0].upper() + low[1:]


def case_word(w, pos, ntok, lexicon, acronyms):
    """Natural case of one token of a name at position pos."""
    if w in acronyms or w.rstrip('.') in acronyms:
        return w
    if '/' in w.strip('/'):
        return '/'.join(case_word(x, pos if i == 0 else 1, ntok, lexicon, acronyms)
                        for i, x in enumerate(w.split('/')))
    low = w.lower()
    if pos > 0 and (low in PERSON_PARTICLES or low in NAME_STOPWORDS):
        return low
    if '-' in w and w not in ('-',):
        parts = w.split('-')
        if re.search(r'\d', w) and re.search(r'[A-Z]', w) and not re.search(r'\d(ST|ND|RD|TH)\b', w):
            return w                                # MS-13, CJM-23
        if any(x in acronyms for x in parts) and all(len(x) <= 4 for x in parts):
            return w                                # ZANU-PF, FARC-EP
        out = []
        for i, part in enumerate(parts):
            pl = part.lower()
            if i == 0 and pl in ('al', 'el') and len(parts) > 1:
                out.append(pl)                      # al-Qaeda, el-Sisi
            elif i == 0 and pos > 0 and pl in HYPHEN_PARTICLES and len(parts) > 1:
                out.append(pl)                      # Harakat ul-Mujahidin, Izz ad-Din
            elif i > 0 and pl in HYPHEN_PARTICLES:
                out.append(pl)
            elif i > 0 and parts[0].upper() == 'CO' and pl.startswith('operat'):
                out.append(pl)                      # Co-operation
            else:
                out.append(case_apos(part, i == 0 and pos == 0, lexicon, acronyms))
        return '-'.join(out)
    return case_apos(w, pos == 0, lexicon, acronyms)


def case_apos(w, first, lexicon, acronyms):
    if "'" not in w:
        return case_part(w, first, lexicon, acronyms)
    parts = w.split("'")
    out = [case_part(parts[0], first, lexicon, acronyms)]
    for i in range(1, len(parts)):
        if len(parts[i - 1]) <= 1:
            out.append(case_part(parts[i], False, lexicon, acronyms))  # O'Neill, 'Aziz
        else:
            out.append(parts[i].lower())                               # People's, Tal'afar
    return "'".join(out)


def natural_case(tokens, lexicon, acronyms):
    return ' '.join(case_word(t, i, len(tokens), lexicon, acronyms)
                    for i, t in enumerate(tokens))


CORP_SUFFIXES = {'INC', 'INC.', 'LTD', 'LTD.', 'PLC', 'LLC', 'CORP', 'CORP.', 'CO', 'CO.',
                 'S.P.A.', 'S.A.', 'N.V.', 'AG', 'L.P.', 'LP', 'LIMITED'}
PERSON_SUFFIXES = {'JR', 'JR.', 'SR', 'SR.', 'II', 'III'}
NOBLE_TITLES = ('BARON', 'VISCOUNT', 'LORD', 'EARL', 'BARONESS', 'COUNT', 'DUKE')


def tokens_of(s):
    return [t for t in re.split(r'[_\s]+', s) if t]


def clean_name(raw, stats, where, ctx):
    """One upstream name -> list of (token list, how) variants; how is 'name', 'acronym',
    'nickname' or 'short' (a variant without a suffix)."""
    s = raw.split('\t')[0].strip().strip('+').strip()
    s = s.replace('`', "'").replace('’', "'")
    s = s.upper().replace('İ', 'I')
    s = re.sub(r'[?!\[\]*:;]', '', s)
    s = re.sub(r'_+', '_', s.replace(' ', '_')).strip('_')
    if not s:
        return []
    if re.search(r',_?THEN_', s):
        stats.add('dropped name: "X, then Y" (two people in one name)', s)
        return []
    out = []
    # nicknames in quotes: RICHARD_"DICKIE"_BRADLEY_ -> Richard Bradley + Dickie Bradley
    m = re.search(r'_?"([^"]+)"_?', s)
    if m:
        nick = m.group(1).strip('_')
        before = tokens_of(s[:m.start()])
        after = tokens_of(s[m.end():])
        if after:
            out.append((before[:-1] + tokens_of(nick) + after, 'nickname'))
        else:
            out.append((tokens_of(nick), 'nickname'))
        s = '_'.join(before + after)
    s = s.replace('"', '')
    # parentheses: acronyms become aliases, other content (disambiguators, translations,
    # comments such as "(ACTING") is removed
    while True:
        m = re.search(r'\(([^()]*)\)', s)
        if not m:
            break
        inner = m.group(1).strip('_ ')
        rest = tokens_of(s[:m.start()] + '_' + s[m.end():])
        if inner and '_' not in inner and looks_like_acronym(inner, rest, ctx):
            out.append(([inner], 'acronym'))
        elif inner:
            stats.add('removed from name: parenthesised non-acronym', '(%s) in %s' % (inner, s))
        s = (s[:m.start()] + '_' + s[m.end():]).strip('_')
    if '(' in s:
        stats.add('removed from name: unclosed parenthesis and what follows', s)
        s = s[:s.index('(')]
    s = s.replace(')', '').strip('_')
    # commas
    main = []
    if ',' in s:
        parts = [p.strip('_') for p in s.split(',') if p.strip('_')]
        head, tail = parts[0], parts[1:]
        if len(tail) == 1 and tail[0] == 'THE':
            main = [(['THE'] + tokens_of(head), 'name')]
        elif len(tail) == 1 and tail[0] in CORP_SUFFIXES:
            main = [(tokens_of(head) + [tail[0]], 'name'), (tokens_of(head), 'short')]
        elif len(tail) == 1 and tail[0] in PERSON_SUFFIXES:
            main = [(tokens_of(head) + [tail[0]], 'name'), (tokens_of(head), 'short')]
        elif len(tail) == 1 and tail[0].startswith(NOBLE_TITLES):
            main = [(tokens_of(head), 'name'), (tokens_of(tail[0]), 'name')]
        else:
            main = [(tokens_of('_'.join(parts)), 'name')]
    else:
        toks = tokens_of(s)
        main = [(toks, 'name')]
        if len(toks) > 1 and toks[-1] in CORP_SUFFIXES:
            main.append((toks[:-1], 'short'))
        elif len(toks) > 2 and toks[-1] in PERSON_SUFFIXES - {'II', 'III'}:
            main.append((toks[:-1], 'short'))
    return [v for v in main + out if v[0]]


# ---------------------------------------------------------------------------------------
# Entries
# ---------------------------------------------------------------------------------------

class Entry:
    def __init__(self):
        self.names = []        # display strings, canonical first
        self.codes = []        # [code, from, until, comment]
        self.person = False
        self.person_strong = False
        self.where = ''


def has_title_token(tokens):
    for t in tokens:
        for part in t.split('-'):
            if part in TITLE_WORDS or part == 'EX':
                return True
        if t in TITLE_WORDS:
            return True
    return False


def head_title_name(tokens):
    """PRESIDENT_KARZAI, US_PRESIDENT_BARACK_OBAMA, PRIME_MINISTER_X... (not vice-,
    deputy, party or bank presidents; the title must be followed by a name)."""
    for i, t in enumerate(tokens):
        title_len = 0
        if t in HEAD_TITLES:
            title_len = 1
        elif t == 'PRIME' and i + 1 < len(tokens) and tokens[i + 1] == 'MINISTER':
            title_len = 2
        if not title_len:
            continue
        if i > 0 and (tokens[i - 1] in NOT_HEAD_BEFORE or tokens[i - 1].startswith('EX')):
            continue
        rest = tokens[i + title_len:]
        if rest and rest[0] not in ('OF', 'FOR', 'AND') and not (set(rest) & ORG_WORDS):
            return True
    return False


def surname_key(tok):
    """AL-ZARQAWI, ZARQAWI -> zarqawi (for comparing an alias with a surname)."""
    return re.sub(r'^(al|el|ad|ar|as|ash|at|az)-', '', tok.lower())


def first_name(tokens):
    """The first word of a name after titles (PRESIDENT_BARACK_OBAMA -> BARACK)."""
    for t in tokens:
        if t not in TITLE_WORDS and t not in PERSON_TITLES and t not in ('US', 'U.S.'):
            return t
    return ''


def collect_given_names(path):
    """First names of the people listed from CountryInfo in the Countries dictionary (used
    to recognise a leader's name given as an alias of a group)."""
    names = set()
    text = read_bytes(path, Stats())
    for line in text.split('\n'):
        if '# CountryInfo.txt' not in line or line[:1] in '+\t #':
            continue
        toks = tokens_of(line.split('#')[0].strip().upper())
        if len(toks) >= 2:
            f = first_name(toks)
            if f and f.isalpha() and len(f) >= 3:
                names.add(f)
    return names | {'ABU', 'ABD', 'ABDUL', 'ABDEL', 'ABDULLAH', 'SHEIKH', 'MULLAH', 'ANWAR',
                    'AYMAN', 'HASSAN', 'OSAMA', 'USAMA'}


def classify_person(head_variants, raw_codes, comments, kind):
    """(person, strong evidence) for an entry. Strong: a CountryInfo / IGOrulers source
    comment, an ELI (elite) code, or a headword that is a title followed by a name
    (PRESIDENT_KARZAI). Weak (people file only): a headword of 2-5 words without
    organisation words."""
    listed = any(re.search(r'CountryInfo|IGOrulers', c) for c in comments)
    head = head_variants[0] if head_variants else []
    orgish = bool(set(head) & ORG_WORDS)
    strong = listed or any(code.endswith('ELI') for code, _, _, _ in raw_codes)
    for toks in head_variants:
        if len(toks) >= 2 and toks[0] in PERSON_TITLES and not (set(toks) & ORG_WORDS) \
                and not (set(t.lower() for t in toks) & {'of', 'the', 'for'}):
            strong = True
    if (orgish and not listed) or set(head) & STRONG_ORG_WORDS:
        strong = False
    if strong:
        return True, True
    if kind == 'countries' and 2 <= len(head) <= 5 and not orgish:
        return True, False
    return False, False


def alias_filters(entry, variants, ctx, stats):
    """Apply the name rules; returns the list of kept display names (deduplicated)."""
    lexicon, acronyms = ctx['lexicon'], ctx['acronyms']
    kept = []
    keys = set()
    for toks, how, from_head in variants:
        if toks and toks[0] == 'THE' and len(toks) > 1:
            toks = toks[1:]       # a leading "the" is optional anyway (data/README.md)
        core = toks
        if all(re.fullmatch(r'[\d\-/]+', t) for t in toks):
            stats.add('dropped name: digits only', ' '.join(toks))
            continue
        letters = re.sub(r'[^A-Za-z0-9]', '', ''.join(core))
        disp = natural_case(toks, lexicon, acronyms)
        key = norm_key(disp)
        if not key or key in keys:
            continue
        if len(letters) <= 2 and ''.join(core).replace('.', '') not in SHORT_OK:
            stats.add('dropped name: 1-2 characters', disp)
            continue
        if len(core) == 1:
            word = core[0]
            is_acr = (word.replace('.', '') in acronyms or how == 'acronym'
                      or ctx['derived_acronym'](word))
            if (word.lower() in lexicon and word.replace('.', '') not in ctx['keep_words']
                    and word.replace('.', '') not in ACRONYMS):
                stats.add('dropped name: a common English word', disp)
                continue
            # a person's single-token alias (for weakly identified persons only a bare
            # surname, i.e. the last word of one of the entry's longer names)
            if not is_acr and (entry.person_strong
                               or surname_key(word) in ctx['last_tokens']):
                if not (ctx['head_of_state'] and ctx['after_1990']):
                    stats.add('dropped name: single-token alias (surname) of a person who was '
                              'not a head of state/government after 1990', disp)
                    continue
        keys.add(key)
        kept.append((disp, toks, how, from_head))
    return kept


def choose_canonical(kept, person):
    """Index of the canonical name. Persons: the first plain name (no title words, not a
    single token or acronym) in upstream order, headword first. Organisations: the first
    name of two or more words (the headword unless it is an acronym)."""
    def core_len(item):
        toks = item[1]
        return len(toks) - 1 if toks[0] == 'THE' and len(toks) > 1 else len(toks)
    if not person:
        first = kept[0]
        acronym_like = (first[2] == 'acronym' or (core_len(first) == 1 and
                        not re.search(r'[a-z]', first[0]) and len(first[0]) <= 8))
        if first[3] and not acronym_like:
            return 0
        for i, item in enumerate(kept):
            if item[2] == 'name' and core_len(item) >= 2:
                return i
        return 0

    def plain(item):
        disp, toks, how, _ = item
        core = toks[1:] if toks[0] == 'THE' and len(toks) > 1 else toks
        return how in ('name', 'short') and len(core) >= 2 and not has_title_token(toks)
    for i, item in enumerate(kept):
        if plain(item) and item[2] == 'name':
            return i
    for i, item in enumerate(kept):
        if plain(item):
            return i
    for i, item in enumerate(kept):
        if len(item[1]) >= 2 and item[2] != 'acronym':
            return i
    return 0


def build_entries(path, kind, ctx, stats):
    blocks = read_dictionary(path, stats)
    entries = []
    countries = ctx['countries']
    for block in blocks:
        for cluster in split_block(block, stats):
            raw_names = [n for g in cluster for n in g.names]
            comments = [c for g in cluster for c in g.comments] + [c[2] for c in block.codes]
            where = '%s:%d' % (os.path.basename(path), cluster[0].lineno)
            raw_codes = block.codes
            # country-level entries (country names, cities, provinces) are skipped
            if kind == 'countries' and any(
                    (len(c) == 3 and c not in ROLE_CODES and c not in NON_COUNTRY_PREFIXES
                     and c != '---')
                    or (len(c) == 6 and c[:3] in countries
                        and (c[3:] in countries or c[3:] in ('UNR', 'OCC'))
                        and c[3:] not in ROLE_CODES)   # USAASM, GBRFLK, SUNRUS, KRJUNR
                    for c, _, _, _ in raw_codes):
                stats.add('skipped entry: country-level (country names, places)',
                          raw_names[0].strip('_ '))
                continue
            variants = []
            for g in cluster:
                for i, raw in enumerate(g.names):
                    for toks, how in clean_name(raw, stats, where, ctx):
                        variants.append((toks, how, i == 0))   # i == 0: a headword
            if not variants:
                stats.add('dropped entry: no usable name', raw_names[0])
                continue
            names_upper = [n.upper() for n in raw_names]
            codes = convert_codes(raw_codes, names_upper, countries, stats, where)
            if not codes:
                stats.add('dropped entry: no usable code', raw_names[0].strip('_ '))
                continue
            e = Entry()
            e.where = where
            head_list = [v[0] for v in variants if v[1] != 'acronym' and v[2]]
            e.person, e.person_strong = classify_person(head_list, raw_codes, comments, kind)
            # head of state / government, and dated after 1990
            hos = (any(is_leader(norm_key(' '.join(v[0])), ctx['leaders']) for v in variants)
                   or any(head_title_name(v[0]) for v in variants))
            # in government after 1990: a GOV code that is open-ended, undated (always) or
            # ends after 1990; RECENT_HEADS took office after the upstream data was made
            after_1990 = any(c[0][3:6] == 'GOV' and (c[2] is None
                                                     or c[2] > datetime.date(1990, 12, 31))
                             for c in codes)
            if any(len(v[0]) >= 2 and norm_key(v[0][-1]) in RECENT_HEADS for v in variants):
                hos = after_1990 = True
            multi_initials = [initials(v[0]) for v in variants if len(v[0]) >= 2]

            def derived(word, _ini=multi_initials):
                w = word.replace('.', '').replace('-', '')
                return len(w) >= 2 and any(
                    i and w[0] == i[0] and is_subsequence(w, i) for i in _ini)
            local = dict(ctx)
            local['head_of_state'] = hos
            local['after_1990'] = after_1990
            local['derived_acronym'] = derived
            # last words of the entry's personal names: a single-word alias equal to one of
            # them is a bare surname. In a person entry every name of 2+ words without
            # organisation words counts; in other entries (a group with its leader's name
            # as an alias) only names that start with a known given name.
            local['last_tokens'] = {surname_key(v[0][-1]) for v in variants
                                    if len(v[0]) >= 2 and not (set(v[0]) & ORG_WORDS)
                                    and not ({t.lower() for t in v[0]} & {'of', 'the', 'and'})
                                    and (e.person or first_name(v[0]) in ctx['given_names'])}
            if any(c[0].startswith('MNC') for c in codes):
                # company names: short non-words are acronyms (AOL, ABB, BCE)
                local['acronyms'] = local['acronyms'] | {
                    t for v in variants for t in v[0]
                    if t.isalpha() and t.isascii() and 2 <= len(t) <= 3
                    and t.lower() not in ctx['lexicon'] and t.lower() not in NAME_STOPWORDS
                    and t not in TITLECASE_ABBREVS}
            local['acronyms'] = local['acronyms'] | {
                v[0][0] for v in variants
                if len(v[0]) == 1 and (v[1] == 'acronym' or derived(v[0][0]))
                and v[0][0].isalpha() and len(v[0][0]) <= 8}
            kept = alias_filters(e, variants, local, stats)
            if not kept:
                stats.add('dropped entry: every name was filtered out', raw_names[0].strip('_ '))
                continue
            ci = choose_canonical(kept, e.person)
            kept.insert(0, kept.pop(ci))
            e.names = [k[0] for k in kept]
            e.codes = codes
            entries.append(e)
    return merge_entries(entries, stats)


def code_sig(e):
    return tuple((c[0], c[1], c[2]) for c in e.codes)


def merge_entries(entries, stats):
    """Merge duplicate entries: (a) a name in common and identical codes, (b) the same
    canonical name and at least one code in common (same name but different codes means
    different people: left apart), (c) an entry whose canonical name is an acronym goes
    into the entry with identical codes whose name it abbreviates."""
    parent = list(range(len(entries)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    sigs = [code_sig(e) for e in entries]
    codesets = [{c[0] for c in e.codes} for e in entries]
    canon = [norm_key(e.names[0]) for e in entries]
    by_name = collections.defaultdict(list)
    for i, e in enumerate(entries):
        for n in e.names:
            by_name[norm_key(n)].append(i)
    for key, idx in by_name.items():
        if ' ' not in key and not any(canon[i] == key for i in idx):
            continue      # a shared acronym alone (LeJ: two different groups) is not enough
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                i, j = idx[a], idx[b]
                if sigs[i] == sigs[j] or (canon[i] == canon[j] and codesets[i] & codesets[j]):
                    union(i, j)
    # (c) acronyms
    index = collections.defaultdict(list)
    for i, e in enumerate(entries):
        for n in e.names:
            toks = n.split()
            if len(toks) >= 2:
                index[(initials([t.upper() for t in toks]), sigs[i])].append(i)
    for i, e in enumerate(entries):
        n0 = e.names[0].replace('.', '')
        if ' ' not in n0 and n0.isupper() and len(n0) >= 2 and \
                not any(c[0].startswith('MNC') for c in e.codes):
            for j in index.get((n0, sigs[i]), []):
                if find(j) != find(i):
                    stats.add('merged: acronym entry into the entry it abbreviates (same '
                              'codes)', '%s -> %s' % (e.names[0], entries[j].names[0]))
                    union(i, j)
                    break
    groups = collections.OrderedDict()
    for i in range(len(entries)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for root, idx in groups.items():
        members = [entries[i] for i in idx]
        # the canonical name: the first member whose canonical name has 2+ words
        lead = next((m for m in members if ' ' in m.names[0]), members[0])
        t = Entry()
        t.where = members[0].where
        t.names = []
        keys = set()
        for m in [lead] + [m for m in members if m is not lead]:
            for n in m.names:
                k = norm_key(n)
                if k not in keys:
                    keys.add(k)
                    t.names.append(n)
        codes = []
        seen = set()
        for m in members:
            for c in m.codes:
                k = (c[0], c[1], c[2])
                if k not in seen:
                    seen.add(k)
                    codes.append(c)
        t.codes = [c for c in codes if c[1] or c[2]] + [c for c in codes if not (c[1] or c[2])]
        t.person = any(m.person for m in members)
        t.person_strong = any(m.person_strong for m in members)
        if len(members) > 1:
            stats.add('merged: duplicate entries (shared name and codes)',
                      ' + '.join(m.names[0] for m in members), n=len(members) - 1)
        out.append(t)
    # names shared by several entries with different codes
    seen_names = collections.defaultdict(set)
    for i, e in enumerate(out):
        for n in e.names:
            seen_names[norm_key(n)].add(i)
    amb = [k for k, v in seen_names.items() if len(v) > 1]
    if amb:
        stats.add('info: names that occur in more than one entry (left as they are)',
                  ', '.join(sorted(amb)[:6]), n=len(amb))
    return out


# ---------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------

def flatten(codes, stats):
    """Rewrite an entry's code lines (first applicable wins) as an equivalent timeline
    without overlaps: cut time at every FROM/UNTIL date, give each piece the first code
    that applies to it, join neighbouring pieces with the same code. An undated default
    code (`[AFGELI]` after the dated ones) thus fills exactly the gaps; lines that could
    never apply disappear."""
    pts = sorted({d for c in codes for d in (c[1], c[2]) if d})
    bounds = [None] + pts + [None]
    out = []
    for a, b in zip(bounds[:-1], bounds[1:]):
        win = None
        for c in codes:
            if (c[1] is None or (a is not None and c[1] <= a)) and \
                    (c[2] is None or (b is not None and b <= c[2])):
                win = c
                break
        if win is None:
            continue
        if out and out[-1][0] == win[0] and out[-1][2] == a:
            out[-1][2] = b
            if not out[-1][3]:
                out[-1][3] = win[3]
        else:
            out.append([win[0], a, b, win[3]])
    if len(out) != len(codes) or any(o[:3] != list(c[:3]) for o, c in zip(out, codes)):
        stats.add('info: entries whose code lines were rewritten as a timeline without '
                  'overlaps')
    hidden = [c for c in codes if not any(o[0] == c[0] for o in out)]
    for c in hidden:
        stats.add('dropped code line: never applies (an earlier code covers its whole range)',
                  c[0])
    return out


def fmt_code(c):
    code, d_from, d_until, comment = c
    s = code
    if d_from or d_until:
        s += ' %s..%s' % (d_from.isoformat() if d_from else '',
                          d_until.isoformat() if d_until else '')
    if comment:
        s += '    # ' + comment.replace('#', '')
    return s


def write_actors(path, entries, src, title, commit, stats):
    lines = [
        '# %s, with dated CAMEO actor codes.' % title,
        '# Converted from %s (%s, commit %s)' % (src, UPSTREAM_REPO, commit),
        '# by scripts/build_phoenix_actors.py; regenerate rather than edit (see the script).',
        '# Licence: MIT, Copyright (c) 2014 Open Event Data Alliance (see data/SOURCES.md).',
        '# Upstream leader data stops around 2014. UNTIL dates are exclusive; code lines do not',
        '# overlap (the upstream default codes were turned into dated lines filling the gaps).',
        '# Terms still open upstream end at the horizon below: after it, who holds an office is',
        '# only known from data/actors/current.actors.',
        '@horizon 2015-01-01',
        '',
    ]
    for e in entries:
        names = [n.replace('|', '/').replace('#', '') for n in e.names]
        lines.append(' | '.join(names))
        if e.person_strong:
            lines.append('    kind: person')
        for c in flatten(e.codes, stats):
            lines.append('    ' + fmt_code(c))
    full = os.path.join(REPO_ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(lines) + '\n')


# ---------------------------------------------------------------------------------------
# Validator (--check)
# ---------------------------------------------------------------------------------------

DATE_PART = r'\d{4}(?:-\d{2}(?:-\d{2})?)?'
CODE_LINE_RE = re.compile(r'^([A-Z~]{3,})(?: (%s)?\.\.(%s)?)?$' % (DATE_PART, DATE_PART))
KIND_RE = re.compile(r'^kind: [a-z_]+$')


def to_date(s, end=False):
    parts = [int(p) for p in s.split('-')]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1)
    if len(parts) == 2:
        return datetime.date(parts[0], parts[1], 1)
    return datetime.date(*parts)


def check_file(path):
    """Parse one .actors file; returns (entries, errors). An entry is (names, lines)."""
    errors = []
    entries = []
    cur = None
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip('\n')
            content = line.split('#', 1)[0].rstrip()
            if not content.strip():
                continue
            if not line[0].isspace():
                names = [n.strip() for n in content.split('|')]
                if any(not n for n in names):
                    errors.append('%d: empty name' % lineno)
                cur = (names, [], lineno)
                entries.append(cur)
                continue
            if cur is None:
                errors.append('%d: indented line before any entry' % lineno)
                continue
            body = content.strip()
            if KIND_RE.match(body):
                cur[1].append(line)
                continue
            m = CODE_LINE_RE.match(body)
            if not m:
                errors.append('%d: bad code line %r' % (lineno, body))
                continue
            try:
                a = to_date(m.group(2)) if m.group(2) else None
                b = to_date(m.group(3)) if m.group(3) else None
            except ValueError:
                errors.append('%d: invalid date in %r' % (lineno, body))
                continue
            if a and b and a >= b:
                errors.append('%d: empty date range %r' % (lineno, body))
            cur[1].append(line)
    for names, lines, lineno in entries:
        if not names or not any(n for n in names):
            errors.append('%d: entry without a name' % lineno)
        if not any(not KIND_RE.match(l.split('#')[0].strip()) for l in lines):
            errors.append('%d: entry without a code line (%s)' % (lineno, names[0]))
    return entries, errors


def run_check(seed, samples=10):
    ok = True
    for _, out, _, _ in FILES:
        path = os.path.join(REPO_ROOT, out)
        if not os.path.exists(path):
            print('%s: missing' % out)
            ok = False
            continue
        entries, errors = check_file(path)
        n_codes = sum(1 for e in entries for l in e[1] if 'kind:' not in l)
        print('%s: %d entries, %d names, %d code lines, %d errors'
              % (out, len(entries), sum(len(e[0]) for e in entries), n_codes, len(errors)))
        for err in errors[:20]:
            print('  ERROR ' + err)
        if errors:
            ok = False
        rng = random.Random(seed)
        for names, lines, _ in rng.sample(entries, min(samples, len(entries))):
            print('  | ' + ' | '.join(names))
            for l in lines:
                print('  |   ' + l.strip())
    return ok


# ---------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description='Convert the PETRARCH2/Phoenix actor dictionaries '
                                 'to geokg .actors files (see the module docstring).')
    ap.add_argument('upstream', nargs='?', default=DEFAULT_UPSTREAM,
                    help='upstream data folder (default: %(default)s, relative to the repo root)')
    ap.add_argument('--check', action='store_true', help='only validate the output files')
    ap.add_argument('--seed', type=int, default=1, help='seed for the sample entries')
    ap.add_argument('--verbose', action='store_true', help='print every warning')
    args = ap.parse_args()
    if args.check:
        sys.exit(0 if run_check(args.seed) else 1)

    upstream = args.upstream
    if not os.path.isabs(upstream):
        upstream = os.path.normpath(os.path.join(REPO_ROOT, upstream))
    if not os.path.isdir(os.path.join(upstream, 'petrarch2')):
        fail('no petrarch2/ folder in %s' % upstream)
    ctx = {
        'lexicon': load_lexicon(upstream),
        'countries': None,
        'acronyms': ACRONYMS,
        # single words kept although they are English words: well-known brand names that
        # news text capitalises, and the surname of two US presidents
        'keep_words': {'BUSH', 'GOOGLE', 'XEROX', 'CHEVRON', 'YAHOO', 'DELL', 'CANON',
                       'APPLE', 'ORACLE', 'CATERPILLAR', 'INTUIT', 'CUMMINS'},
    }
    ctx['countries'], ctx['country_names'] = load_countries(upstream)
    ctx['given_names'] = collect_given_names(os.path.join(upstream, FILES[0][0]))
    commit = upstream_commit(upstream)
    ctx['leaders'] = load_leaders(upstream)
    for src, out, kind, title in FILES:
        stats = Stats()
        entries = build_entries(os.path.join(upstream, src), kind, ctx, stats)
        write_actors(out, entries, src, title, commit, stats)
        print('== %s -> %s: %d entries' % (src, out, len(entries)))
        for key in sorted(stats.c):
            ex = stats.examples.get(key)
            print('  %6d  %s%s' % (stats.c[key], key,
                                   ('   e.g. ' + ' || '.join(ex[:200 if args.verbose else 3]))
                                   if ex else ''))
        if stats.warnings:
            print('  %d warnings%s' % (len(stats.warnings), '' if args.verbose else
                                       ' (first 10; --verbose for all)'))
            for w in stats.warnings if args.verbose else stats.warnings[:10]:
                print('    warning: ' + w)
    print()
    sys.exit(0 if run_check(args.seed) else 1)


if __name__ == '__main__':
    main()
