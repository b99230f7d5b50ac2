"""Build src/wirecoder/data/agents.tsv: agent (sector) phrases -> CAMEO sector code.

Sources (both MIT, Open Event Data Alliance / Computational Event Data System project):

- ``petrarch/Phoenix.agents.txt`` (openeventdata/Dictionaries): CAMEO agent codes, read
  first, so CAMEO's own choice wins where the two files disagree.
- ``PLOVER_agents.txt`` (ahalterman/NGEC-2025): adds phrases Phoenix lacks. Its PLOVER-only
  codes are mapped to CAMEO (``JRN`` -> ``MED``) so every code in the table is a CAMEO one.
- ``OVERRIDES`` below: the common agents, checked by hand, which take precedence.

PETRARCH syntax handled: ``_`` joins words, ``{PLURAL}`` / ``{}`` plural forms (regular
plurals are generated otherwise), ``!SET!`` substitution sets, ``~CODE`` / ``CODE~``, ``#``
comments, and the stem ``MINIST`` (minister, ministers, ministry, ministries).

Run: .venv/bin/python scripts/build_agents.py [--out PATH]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from wirecoder.actors.petrarch_import import RELIGION_CODES

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"
SOURCES = [REFERENCE / "petrarch" / "Phoenix.agents.txt", REFERENCE / "PLOVER_agents.txt"]
DEFAULT_OUT = ROOT / "src" / "wirecoder" / "data" / "agents.tsv"

PLOVER_TO_CAMEO = {"JRN": "MED"}
# Nonsense, test or placeholder codes in the sources: not sectors (UNK only by override).
SKIP_CODES = {"JNK", "UNK", "NON"}
MAX_WORDS = 5

# Checked by hand: the agents news text uses most, with the sector a coder expects.
# Militants/insurgents are REB (GDELT practice); "militia" stays CAMEO's UAF
# (unaligned armed forces). Protesters, demonstrators, activists and dissidents are
# PLOVER's CVLOPP: civilians first, in opposition second (CAMEO's OPP stays in the code),
# because the sector this project reports is PLOVER's (see PLOVER_FIRST).
OVERRIDES: dict[str, str] = {
    "defense minister": "GOVMIL", "defence minister": "GOVMIL",
    "defense ministers": "GOVMIL", "defence ministers": "GOVMIL",
    "defense ministry": "GOVMIL", "defence ministry": "GOVMIL",
    "minister of defense": "GOVMIL", "minister of defence": "GOVMIL",
    "ministry of defense": "GOVMIL", "ministry of defence": "GOVMIL",
    "foreign minister": "GOV", "foreign ministers": "GOV", "foreign ministry": "GOV",
    "interior minister": "GOV", "interior ministry": "GOV", "minister": "GOV",
    "ministers": "GOV", "ministry": "GOV", "ministries": "GOV",
    "president": "GOV", "presidents": "GOV", "prime minister": "GOV",
    "prime ministers": "GOV", "premier": "GOV", "government": "GOV", "governments": "GOV",
    "official": "GOV", "officials": "GOV", "spokesman": "GOV", "spokeswoman": "GOV",
    "spokesperson": "GOV", "ambassador": "GOV", "ambassadors": "GOV", "envoy": "GOV",
    "diplomat": "GOV", "diplomats": "GOV", "authorities": "GOV", "regime": "GOV",
    "cabinet": "GOV", "king": "GOV", "crown prince": "GOV", "emir": "GOV",
    "supreme leader": "GOV", "parliament": "LEG", "lawmaker": "LEG", "lawmakers": "LEG",
    "legislator": "LEG", "legislators": "LEG", "mp": "LEG", "mps": "LEG",
    "army": "MIL", "armies": "MIL", "troops": "MIL", "troop": "MIL", "soldier": "MIL",
    "soldiers": "MIL", "military": "MIL", "armed forces": "MIL", "forces": "MIL",
    "security forces": "MIL", "commander": "MIL", "commanders": "MIL", "general": "MIL",
    "navy": "MIL", "air force": "MIL", "chief of staff": "MIL", "warplanes": "MIL",
    "militia": "UAF", "militias": "UAF", "militiamen": "UAF", "militiaman": "UAF",
    "militant": "REB", "militants": "REB", "rebel": "REB", "rebels": "REB",
    "insurgent": "REB", "insurgents": "REB", "guerrilla": "REB", "guerrillas": "REB",
    "fighters": "REB", "jihadist": "REB", "jihadists": "REB",
    "jihadi": "REB", "jihadis": "REB",
    "police": "COP", "policeman": "COP", "policemen": "COP", "police officer": "COP",
    "police officers": "COP", "court": "JUD", "courts": "JUD", "judge": "JUD",
    "judges": "JUD", "judiciary": "JUD", "prosecutor": "JUD", "prosecutors": "JUD",
    "opposition": "OPP", "protester": "CVLOPP", "protesters": "CVLOPP",
    "protestor": "CVLOPP", "protestors": "CVLOPP", "demonstrator": "CVLOPP",
    "demonstrators": "CVLOPP", "dissident": "CVLOPP", "dissidents": "CVLOPP",
    "activist": "CVLOPP", "activists": "CVLOPP",
    "journalist": "MED", "journalists": "MED", "reporter": "MED", "reporters": "MED",
    "newspaper": "MED", "media": "MED", "state media": "GOVMED", "state television": "GOVMED",
    "party": "PTY", "parties": "PTY", "intelligence": "SPY", "spy": "SPY", "spies": "SPY",
    "intelligence agency": "SPY", "intelligence service": "SPY", "intelligence services": "SPY",
    "civilian": "CVL", "civilians": "CVL", "residents": "CVL", "villagers": "CVL",
    "refugee": "REF", "refugees": "REF", "displaced": "REF", "businessman": "BUS",
    "businessmen": "BUS", "company": "BUS", "companies": "BUS", "student": "EDU",
    "students": "EDU", "university": "EDU", "cleric": "REL", "clerics": "REL", "imam": "REL",
    "union": "LAB", "trade union": "LAB", "workers": "LAB", "doctors": "HLH",
    "agricultural worker": "AGR", "agricultural workers": "AGR", "farm worker": "AGR",
    "farm workers": "AGR", "farmworkers": "AGR", "netizen": "CVL",
    "netizens": "CVL", "immigration officer": "COP", "immigration officers": "COP",
    "immigration inspector": "COP", "immigration inspectors": "COP",
    # PLOVER's UNK (a person or group of unknown affiliation), kept for the words that
    # name people; the resolver ranks it below every other sector.
    "man": "UNK", "men": "UNK", "group": "UNK", "groups": "UNK", "member": "UNK",
    "members": "UNK", "occupiers": "UNK", "supporter": "UNK", "supporters": "UNK",
    "hospital": "HLH", "aid agency": "NGO", "aid agencies": "NGO", "aid group": "NGO",
    # Adjectives of office: they count only where the phrase is known to name an actor
    # ("Congressional group"); in a sentence the resolver wants a noun.
    "congressional": "LEG", "parliamentary": "LEG",
    # Generic bodies neither source lists: a church and its head are religious (REL), a
    # firm a business (BUS), a charity a non-governmental body (NGO).
    "pope": "REL", "popes": "REL", "church": "REL", "churches": "REL",
    "firm": "BUS", "firms": "BUS",
    "charity": "NGO", "charities": "NGO",
    # Common news nouns neither source lists, coded as the nearest listed phrase is: the
    # highest judges (JUD), aid workers (NGO, as "aid group"), religious houses and
    # orders (REL, as "church", "monk"), working people (LAB, as "worker"), health staff
    # (HLH, as "doctors"), youths and elders (CVL), indigenous peoples (PLOVER
    # "INDIGENOUS_PEOPLE [~CVL]") and their leaders, heads of state by title (GOV, as
    # "king", "emir"), presiding officers of a legislature (LEG, as "speaker of
    # parliament"), and hostages, who are civilians, unlike prisoners (CRM).
    "justices": "JUD",
    "aid worker": "NGO", "aid workers": "NGO", "humanitarian worker": "NGO",
    "humanitarian workers": "NGO", "humanitarian group": "NGO",
    "humanitarian groups": "NGO", "humanitarian organization": "NGO",
    "humanitarian organizations": "NGO", "humanitarian organisation": "NGO",
    "humanitarian organisations": "NGO",
    "nun": "REL", "nuns": "REL", "mosque": "REL", "mosques": "REL", "temple": "REL",
    "temples": "REL", "congregation": "REL", "congregations": "REL",
    "miner": "LAB", "miners": "LAB", "truck drivers": "LAB", "strikers": "LAB",
    "unions": "LAB", "trade unionist": "LAB", "trade unionists": "LAB",
    "health worker": "HLH", "health workers": "HLH", "medical staff": "HLH",
    "medical workers": "HLH", "healthcare workers": "HLH", "health care workers": "HLH",
    "youths": "CVL", "elder": "CVL", "tribal elders": "CVL",
    "tribal elder": "CVL", "tribesmen": "CVL", "tribesman": "CVL", "hostage": "CVL",
    "hostages": "CVL", "indigenous": "CVL", "indigenous people": "CVL",
    "indigenous peoples": "CVL", "indigenous leader": "CVL", "indigenous leaders": "CVL",
    "indigenous community": "CVL", "indigenous communities": "CVL",
    "indigenous group": "CVL", "indigenous groups": "CVL",
    "vice president": "GOV", "vice-president": "GOV", "taoiseach": "GOV",
    "sultan": "GOV", "queen": "GOV", "monarch": "GOV", "home secretary": "GOV",
    "speaker of parliament": "LEG", "house speaker": "LEG", "parliament speaker": "LEG",
    "peacekeeper": "MIL", "peacekeepers": "MIL", "sailors": "MIL",
    "executives": "BUS", "central bank": "GOVBUS", "hackers": "CRM", "hacker": "CRM",
    "inmates": "CRM", "inmate": "CRM",
    # A state's negotiators speak for its government; a city's or a country's security
    # chief heads its police (as "police chief"); nationals of a state abroad are its
    # civilians (as "citizens").
    "negotiator": "GOV", "negotiators": "GOV", "chief negotiator": "GOV",
    "security chief": "COP", "security chiefs": "COP", "nationals": "CVL",
    # The chief officer of a party, an IGO or a ministry; "general" alone is a rank.
    "secretary general": "GOV", "secretary-general": "GOV", "secretaries general": "GOV",
    "general secretary": "GOV",
}
# Leaders named by their faith ("Jewish community leader", "Hindu leaders") are its
# clergy or spokesmen: PLOVER's REL, as its own "MUSLIM LEADER [~REL]".
RELIGION_LEADERS = ["leader", "leaders", "community leader", "community leaders"]
FAITH_ADJECTIVES = ["muslim", "islamic", "jewish", "christian", "catholic", "protestant",
                    "orthodox", "evangelical", "coptic", "hindu", "buddhist", "sikh", "sunni",
                    "shia", "shiite", "druze"]

# PLOVER codes that replace CAMEO's for every phrase PLOVER gives them: people who
# protest or dissent are civilians acting in opposition (PLOVER "PROTESTER [~CVLOPP]",
# CAMEO "PROTESTER [~OPP]"), and the reported sector is the code's first three letters.
PLOVER_FIRST = ("CVLOPP",)
# ...but the organised opposition and its leaders are politicians, CAMEO's OPP, even
# where PLOVER's file files "OPPOSITION_LEADER" with the protesters.
POLITICIAN_WORDS = {"opposition", "leader", "leaders", "party", "politician", "politicians"}

SUBST_RE = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
ENTRY_RE = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]+)\]")
MINIST_FORMS = ["minister", "ministers", "ministry", "ministries"]


def regular_plural(word: str) -> str:
    """PETRARCH's rule: +S, Y -> IES, SS -> SSES."""
    if word.endswith("ss"):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def normalise(phrase: str) -> str:
    return " ".join(phrase.replace("_", " ").lower().split())


def expand(phrase: str, plural: str | None, subst: dict[str, list[str]]) -> list[str]:
    """Every surface form of one dictionary phrase."""
    forms: list[str] = []
    marker = re.search(r"!(\w+)!", phrase)
    if marker and marker.group(1) in subst:
        # A substitution set lists every form itself: no plural is generated.
        for item in subst[marker.group(1)]:
            forms.append(phrase.replace(marker.group(0), item))
        return [normalise(f) for f in forms]
    base = normalise(phrase)
    if not base:
        return []
    words = base.split()
    if words[-1] == "minist":
        return [" ".join(words[:-1] + [form]) for form in MINIST_FORMS]
    forms.append(base)
    if plural is None:
        forms.append(" ".join(words[:-1] + [regular_plural(words[-1])]))
    elif plural.strip():
        forms.append(normalise(plural))
    return forms


def parse(path: Path) -> list[tuple[str, str]]:
    """(phrase, CAMEO code) pairs from one PETRARCH agent file, in file order."""
    subst: dict[str, list[str]] = {}
    pairs: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<!--"):
            continue
        if match := SUBST_RE.match(line):
            subst[match.group(1)] = [w.strip() for w in match.group(2).split(",") if w.strip()]
            continue
        match = ENTRY_RE.match(line)
        if not match:
            continue
        code = match.group("code").strip().replace("~", "").upper()
        code = PLOVER_TO_CAMEO.get(code[:3], code[:3]) + code[3:]
        if not re.fullmatch(r"[A-Z]{3,}", code) or code[:3] in SKIP_CODES:
            continue
        for form in expand(match.group("phrase"), match.group("plural"), subst):
            if form and len(form.split()) <= MAX_WORDS and form.isascii():
                pairs.append((form, code))
    return pairs


def build() -> dict[str, str]:
    table: dict[str, str] = {}
    for source in SOURCES:
        for phrase, code in parse(source):
            table.setdefault(phrase, code)
    for phrase, code in parse(SOURCES[1]):
        if code.startswith(PLOVER_FIRST) and not POLITICIAN_WORDS & set(phrase.split()):
            table[phrase] = code
    for faith in FAITH_ADJECTIVES:
        religion = table.get(faith, "")[:3]
        for leader in RELIGION_LEADERS:
            table.setdefault(f"{faith} {leader}", "REL" + religion)
    table.update(OVERRIDES)
    return table


def sector_of(code: str) -> str:
    """The sector a code gives: its first three letters, but a leading religion code
    yields the sector after it (``MUSHLH`` -> ``HLH``) or, alone, ``REL``.

    Phoenix puts CAMEO's religion first ("MUSLIM DOCTOR [MUSHLH]") where PLOVER codes
    the same phrases by sector; the sector column follows PLOVER, the code keeps CAMEO's.
    """
    if code[:3] in RELIGION_CODES:
        rest = code[3:6]
        return rest if len(rest) == 3 and rest not in RELIGION_CODES else "REL"
    return code[:3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    table = build()
    header = [
        "# wirecoder agent table: phrase (lowercase, words space-separated) -> CAMEO agent code.",
        "# sector = the first three letters of code (after a religion code: REL or the",
        "# sector that follows, as PLOVER codes them). Built by scripts/build_agents.py from",
        "# openeventdata/Dictionaries Phoenix.agents.txt (commit aa75b79b) and",
        "# ahalterman/NGEC-2025 PLOVER_agents.txt, both MIT (see NOTICE-ngec.txt), plus",
        "# hand-checked overrides in the script. Do not edit by hand: rerun the script.",
        "phrase\tsector\tcode",
    ]
    lines = [f"{phrase}\t{sector_of(code)}\t{code}" for phrase, code in sorted(table.items())]
    args.out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} agent phrases to {args.out}")


if __name__ == "__main__":
    main()
