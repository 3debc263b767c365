"""Rule-based named-entity tagger (PER/LOC/ORG) on the knowledge base: no statistical model.

``tag_entities(text, lang)`` returns character spans; ``predict(kb, tokens)`` works on a
tokenised sentence (the GermEval scorer ``eventcoder.evaluation.ner`` uses it).

Candidates come from knowledge-base mentions (places and country names -> LOC, organisations
-> ORG, known people -> PER), the extra organisation list ``data/ner_organisations.txt``, the
town list ``data/town_names.txt.gz`` (only after a locative preposition or a place word) and
rules driven by the word lists of ``data/ner_rules.yaml`` and the name lists:

* PER: given name(s)/title/initials + surname; role cue + name ("Finanzminister Beispiel");
  a bare capitalised non-noun where German puts names (sentence-first before a singular verb,
  after a verb-second finite verb or "dass", as a genitive before a noun); a family name
  already seen in a full name.
* ORG: a capitalised phrase ending in an organisation word ("... AG", "... Verlag"), club
  prefixes ("FC ..."), kind-of-organisation noun + name ("Firma X"), institution + "für ..."
  ("Landesamt für Statistik"), organisation word + place ("Universität Heidelberg"), acronyms,
  names defined with their acronym ("... ( BfB )": ``ner_acronyms``).
* LOC: streets, landmarks named after someone ("Marienkapelle"), "St. X", place word + name
  ("Gemeinde X"), towns after "in"/"nach"/"aus", joined places ("Köln/Bonn"), numbered roads.

Overlaps are resolved by rule priority, then length (outer spans, as GermEval scores them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import yaml

from eventcoder.knowledge.matcher import lookup
from eventcoder.knowledge.ner_acronyms import defined_acronyms
from eventcoder.knowledge.ner_places import listed_places, numbered_roads, town_names
from eventcoder.knowledge.ner_tokens import ner_tokens as _tokens
from eventcoder.knowledge.toponyms import SMALL, confirm

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
_CAP = re.compile(rf"^[{_UPPER}][\w\-.'’]*$")
_INITIAL = re.compile(rf"^[{_UPPER}]\.\*?$")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ](?:[A-ZÄÖÜ&]{2,5}|(?:[a-zäöü]?[A-ZÄÖÜ]){2,4})$")
_HYPHEN_PART = re.compile(r"^[A-ZÄÖÜ]{2,5}-[A-ZÄÖÜ][a-zäöüß]{4,}$")


def tag_entities(text: str, lang: str = "de", date: str | None = None
                 ) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans of PER/LOC/ORG names in ``text``, sorted."""
    from eventcoder.knowledge import load_knowledge_base

    toks = _tokens(text)
    spans = predict(load_knowledge_base(), [text[s:e] for s, e in toks], lang, date)
    return sorted((toks[s][0], toks[e - 1][1], label) for s, e, label in spans)


@lru_cache(maxsize=1)
def org_names() -> dict[str, list[tuple[str, ...]]]:
    """Extra organisation names (``ner_organisations.txt``) by first token, longest first."""
    from eventcoder.knowledge.lexicon import DATA_DIR

    out: dict[str, list[tuple[str, ...]]] = {}
    for line in (DATA_DIR / "ner_organisations.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words = tuple(line.split())
            out.setdefault(words[0], []).append(words)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The word lists of ``knowledge/data/ner_rules.yaml`` as sets, tuples and regexes."""
    from spacy.lang.de.stop_words import STOP_WORDS

    from eventcoder.knowledge.lexicon import DATA_DIR

    data = yaml.safe_load((DATA_DIR / "ner_rules.yaml").read_text("utf-8"))
    out: dict[str, Any] = {k: set(v) for k, v in data.items()}
    out["noun_endings"] = tuple(data["noun_endings"])
    out["road_after"] = out["determiners"] | out["function_words"]  # "der A 7", "auf A 7"
    out["suffix_re"] = re.compile(r"(?<=.{3})(" + "|".join(sorted(data["org_suffixes"])) + ")$")
    out["loc_re"] = re.compile(r"(?<=.{3})(" + "|".join(map(re.escape, data["loc_suffixes"]))
                               + ")$")
    out["landmark_re"] = re.compile(r"(?<=.{3})(" + "|".join(data["landmark_suffixes"])
                                    + ")$")
    out["adjective_re"] = re.compile(r"^(?:[A-ZÄÖÜ]\w*(?:isch|lich|ig)|" + "|".join(
        data["name_adjectives"]) + r")(?:e|en|er|es)$")
    out["role_re"] = re.compile(r"(?<=.{2})(" + "|".join(data["role_suffixes"]) + ")$")
    out["stop_words"] = set(STOP_WORDS) | out["function_words"] | out["determiners"]
    out["adverb_endings"] = tuple(data["adverb_endings"])
    out["org_type_re"] = re.compile(r"(?<=.{2})(" + "|".join(data["org_type_suffixes"]) + ")$")
    out["institution_re"] = re.compile(r"(?<=.{3})(" + "|".join(data["institution_suffixes"])
                                       + ")$")
    out["town_re"] = re.compile(r"(?<=.{3})(" + "|".join(data["town_suffixes"]) + ")s?$")
    return out


def predict(kb, tokens: list[str], lang: str = "de", date: str | None = None
            ) -> set[tuple[int, int, str]]:
    """Predicted outer (start, end, label) token spans for one tokenised sentence."""
    text = " ".join(tokens)
    starts, ends, pos = {}, {}, 0
    for i, t in enumerate(tokens):
        starts[pos] = i
        ends[pos + len(t)] = i + 1
        pos += len(t) + 1
    spans: list[tuple[int, int, str, int]] = []  # (start, end, label, priority)
    found = kb.match(text, lang, date, combine=False)
    places = {(m.start, m.end) for m in confirm(text, found, kb, lang)}
    for m in found:
        label = _label(m)
        if label == "LOC" and m.kind == "place" and (m.start, m.end) not in places:
            label = None  # a village name without evidence ("Basis"): left to the rules
        if label and m.form == "metonym" and not _is_place_name(kb, m.text):
            label = None  # "Bundesregierung", "Kreml": institutions, not named places
        if label == "LOC" and m.kind == "place" and _person_like(kb, tokens, m.text, starts,
                                                                 m.start):
            label = None  # "Präsident Lincoln", "Lincoln sagte": a person's name
        if label and _HYPHEN_PART.match(m.text):
            label = None  # "EU-Kommission", "BMW-Werk": a name inside a word (…part)
        if label and m.start in starts and m.end in ends:
            start = starts[m.start]
            if label == "ORG":
                start = _adjectives_before(tokens, start)  # "Deutschen Bundestag"
            spans.append((start, ends[m.end], label, 2))
    spans.extend((s, e, "PER", 3) for s, e in _person_rule(kb, tokens))
    spans.extend((s, e, "PER", 1) for s, e in _lone_name_rule(kb, tokens))
    spans.extend((s, e, "PER", 2) for s, e in _surname_pair_rule(kb, tokens))
    spans.extend((s, e, "PER", 1) for s, e in _cue_rule(kb, tokens))
    spans.extend((s, e, "PER", 0) for s, e in _position_rule(kb, tokens)
                 if e - s > 1 or not _known_noun(kb, tokens[s]))
    spans.extend((s, e, "PER", 2) for s, e in _initial_rule(tokens))
    spans.extend((s, e, "ORG", p) for s, e, p in _org_rule(kb, tokens))
    spans.extend((s, e, "LOC", p) for s, e, p in _loc_rule(kb, tokens))
    spans.extend((s, e, "ORG", 2) for s, e in defined_acronyms(tokens))  # "Name ( NA )"
    r = rules()
    spans.extend((s, e, "LOC", 1) for s, e in numbered_roads(
        tokens, r["road_prefixes"], r["road_after"], r["road_words"]))
    spans.sort(key=lambda x: (-x[3], x[0] - x[1]))
    taken: set[int] = set()
    out = set()
    for s, e, label, _p in spans:
        if taken.isdisjoint(range(s, e)):
            taken.update(range(s, e))
            out.add((s, e, label))
    listed = set(listed_places(tokens, out, taken, _bare_name, r["list_words"]))  # "X , Y"
    taken.update(s for s, _e, _label in listed)
    return out | listed | set(_propagate(tokens, out, taken))


def _propagate(tokens: list[str], found: set[tuple[int, int, str]], taken: set[int]
               ) -> Iterator[tuple[int, int, str]]:
    """The family name of a full name found in the text, alone elsewhere ("Merkel", "Merkels")."""
    names = {tokens[e - 1] for s, e, label in found if label == "PER" and e - s >= 2
             and tokens[e - 1].isalpha() and len(tokens[e - 1]) > 2}
    if not names:
        return
    for i, t in enumerate(tokens):
        if i not in taken and (t in names or (t[-1:] == "s" and t[:-1] in names)):
            yield i, i + 1, "PER"


def _person_like(kb, tokens: list[str], text: str, starts: dict[int, int], pos: int) -> bool:
    """A one-word place name after a role noun, or one that is also a given or family name
    and not after "in"/"nach"."""
    i = starts.get(pos)
    if i is None or " " in text:
        return False
    r = rules()
    prev = tokens[i - 1] if i else ""
    if prev in r["person_cues"] or (prev[:1].isupper() and r["role_re"].search(prev.lower())):
        return True  # "Präsident Lincoln"
    if not (text in kb.tables.first_names or text in kb.tables.surnames):
        return False
    return prev not in r["locative_words"] and prev.lower() not in r["place_prepositions"] \
        and prev not in ("im", "am", "vom", "zum", "beim", "Im", "Am")


def _known_noun(kb, word: str) -> bool:
    """A role or group noun of the knowledge base ("Bürgermeister", "Studenten"): no name."""
    hit = lookup(kb.automaton, word)
    return bool(hit) and any(kb.entries[eid][0] in ("role", "actor", "desc")
                             for _x, _s, eid, _l in hit[1])


def _is_place_name(kb, text: str) -> bool:
    hit = lookup(kb.automaton, text)
    return bool(hit) and any(_known_place(kb.entries[eid]) for _x, _s, eid, _l in hit[1])


def _known_place(e: tuple) -> bool:
    """A town over SMALL inhabitants, a state or a region (villages and counties are too
    often ordinary words or names to count as evidence)."""
    if e[0] != "place":
        return False
    return (e[12] or 0) >= SMALL if e[9] == "city" else e[9] != "admin2"


def _label(m) -> str | None:
    if m.kind == "place" and m.form != "description":
        return "LOC" if m.form != "adj" else None
    if m.kind == "country":
        return "LOC" if m.form in ("name", "genitive", "capital", "metonym") else None
    if m.kind == "org":
        return "ORG"
    if m.kind == "person":
        return "PER"
    return None


def _person_rule(kb, tokens: list[str]) -> Iterator[tuple[int, int]]:
    """Given name(s) or title, optional initials/particles, then a capitalised surname
    ("Angela Merkel", "John F. Kennedy", "Luiz Inácio da Silva", "Frau Beispiel"); two
    given names alone are a full name too ("Eva Maria")."""
    first = kb.tables.first_names
    r = rules()
    titles, particles = r["titles"], r["name_particles"]
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if (t not in first and t not in titles) or t in r["not_names"]:
            i += 1
            continue
        start = i + 1 if t in titles else i
        j = i + 1
        if t in titles and j < n and tokens[j] == "." and not t.endswith("."):
            start = j = i + 2  # "Dr . Beispiel"
            if j >= n or not _name_word(tokens[j]):
                i += 1
                continue
        while j < n:  # further given names, initials ("Eva Maria", "John F.", "Petra K .")
            if (tokens[j] in first or _INITIAL.match(tokens[j])) and tokens[j] not in r["not_names"]:
                j += 1
            elif len(tokens[j]) == 1 and tokens[j].isupper() and j + 1 < n and tokens[j + 1] == ".":
                j += 2
            else:
                break
        k = j
        while k < n and tokens[k] in particles:
            k += 1
        if k < n and _name_word(tokens[k]) and not _INITIAL.match(tokens[k]) \
                and tokens[k] not in titles:
            k += 1
            while k + 1 < n and tokens[k] in r["surname_links"] and _name_word(tokens[k + 1]):
                k += 2  # "da Silva", "de la Cruz"
            if k - start >= 2 or t in titles:
                yield start, k
                i = k
                continue
        elif j - start >= 2 and t not in titles:
            yield start, j
            i = j
            continue
        i += 1


def _loc_rule(kb, tokens: list[str]) -> Iterator[tuple[int, int, int]]:
    """Streets ("Beispielstraße"), landmarks named after someone or somewhere
    ("Marienkapelle", "Alexanderplatz", "Potsdamer Platz", "St. Ulrich"), towns after a place
    word ("Gemeinde X") or a locative preposition ("in Oberammergau")."""
    r = rules()
    n = len(tokens)
    for i, t in enumerate(tokens):
        if not _CAP.match(t):
            continue
        saint = _saint_before(tokens, i)
        if saint is not None and t.isalpha():
            end = i + 1
            while end < n and _CAP.match(tokens[end]) and tokens[end].isalpha() \
                    and end - i < 2 and tokens[end] not in r["determiners"]:
                end += 1
            yield saint, end, 3
        elif i > 0 and tokens[i - 1] in r["place_types"] and (
                _bare_name(t) or t in town_names()) and not _name_word(
                tokens[i + 1] if i + 1 < n else "."):
            yield i, i + 1, 1  # "Gemeinde Kleinblittersdorf", "Kanton Aargau"
            if i + 2 < n and tokens[i + 1] == "und" and _bare_name(tokens[i + 2]):
                yield i + 2, i + 3, 1
        elif ("/" in t or "-" in t) and _joined_places(kb, t):
            yield i, i + 1, 1  # "Köln/Bonn", "Berlin-Spandau"
        elif r["loc_re"].search(t) and i > 0:
            end = i + 1 + (i + 1 < n and tokens[i + 1][:1].isdigit())
            yield i, end, 1
        elif (m := r["landmark_re"].search(t)) and _named_stem(kb, t[:m.start()]):
            yield i, i + 1, 1
        elif t in r["loc_heads"] and i > 0 and _CAP.match(tokens[i - 1]) \
                and tokens[i - 1][-2:] in ("er", "en", "es"):
            yield i - 1, i + 1, 1
        elif i > 0 and tokens[i - 1] in r["locative_words"] and r["town_re"].search(t):
            yield i, i + 1, 1
        elif t in r["celestial"] and i > 0 and tokens[i - 1].lower() in r["determiners"]:
            yield i, i + 1, 1  # "die Erde", "den Mars"
        elif i > 0 and tokens[i - 1] in r["place_prepositions"]:
            two = " ".join(tokens[i:i + 2])
            if i + 1 < n and two in town_names():
                yield i, i + 2, 0
            elif t in town_names() and t not in r["after_preposition"]:
                yield i, i + 1, 0


def _joined_places(kb, t: str) -> bool:
    """Every part of "A/B" or "A-B" is a place name."""
    parts = re.split(r"[/-]", t)
    return len(parts) >= 2 and all(len(p) > 2 and p[:1].isupper() for p in parts) \
        and all(_is_place_name(kb, p) for p in parts[:-1]) \
        and (parts[-1] in town_names() or _is_place_name(kb, parts[-1]))


def _saint_before(tokens: list[str], i: int) -> int | None:
    """Start of "St." / "St ." / "Sankt" right before token i, or None."""
    if i >= 1 and tokens[i - 1] in ("St.", "Sankt", "San", "Santa", "Santo", "São", "Saint"):
        return i - 1
    if i >= 2 and tokens[i - 2] == "St" and tokens[i - 1] == ".":
        return i - 2
    return None


def _named_stem(kb, stem: str) -> bool:
    """The first part of a compound is a name: "Marien-", "Annen-", "Alexander-"."""
    r = rules()
    if len(stem) < 3 or not stem[0].isupper() or stem in r["not_names"] \
            or stem.lower() in r["stop_words"]:
        return False
    first, last = kb.tables.first_names, kb.tables.surnames
    for s in (stem, stem[:-1] if stem[-1] in "sn" else "", stem.rstrip("-")):
        if s and (s in first or s in last or (len(s) > 3 and _is_place_name(kb, s))):
            return True
    return False


def _cue_rule(kb, tokens: list[str]) -> Iterator[tuple[int, int]]:
    """"sagte Müller", "Trainer Jürgen Klopp": one or two capitalised words after a cue."""
    r = rules()
    cues, common, dets = r["person_cues"], r["not_names"], r["determiners"]
    n = len(tokens)
    for i in range(n - 1):
        if tokens[i] not in cues and not (tokens[i][:1].isupper()
                                          and r["role_re"].search(tokens[i].lower())):
            continue
        j = i + 1
        while j < n and j - i <= 2 and _CAP.match(tokens[j]) and tokens[j].replace("-", "").isalpha() \
                and tokens[j] not in common and tokens[j] not in cues and tokens[j] not in r["titles"] \
                and not tokens[j].lower().endswith(r["noun_endings"]):
            j += 1
        if j > i + 1 and (j == n or not _CAP.match(tokens[j]) or tokens[j] in dets):
            yield i + 1, j


def _position_rule(kb, tokens: list[str]) -> Iterator[tuple[int, int]]:
    """A capitalised word that is not a known common word, in a place where German puts a
    bare name, not a bare noun: sentence-first before a verb ("Quastenberg sagte"), after a
    finite verb ("Damit will Quastenberg nun"), after "dass"/"ob"/"weil" ("dass Quastenberg
    kommt"), and as a genitive before a noun ("Quastenbergs Rede")."""
    r = rules()
    n = len(tokens)
    for i, t in enumerate(tokens):
        if not _bare_name(t):
            continue
        nxt = tokens[i + 1] if i + 1 < n else "."
        prev = tokens[i - 1] if i else ""
        lower_next = nxt.isalpha() and nxt.islower()
        if (i == 0 or prev in ("„", '"', "(", ":", "–", "-")) and _singular_verb(nxt) \
                and t not in r["sentence_adverbs"] and not t.lower().endswith(("et", "ert")):
            yield i, i + 1
        elif prev in r["subordinators"] and (lower_next or nxt in (",", ".")):
            yield i, i + 1
        elif i > 0 and _verb_second(tokens, i) and nxt in r["stop_words"] and nxt.islower():
            yield i, i + 1
        elif t.endswith("s") and not t.endswith(("es", "ss", "us", "is", "ens", "ts")) \
                and nxt[:1].isupper() and nxt.isalpha() and nxt.lower() not in r["function_words"] \
                and not _modifier(prev):
            yield i, i + 1


def _modifier(w: str) -> bool:
    """An article or an inflected lowercase adjective: the next word is a common noun."""
    low = w.lower()
    return low in rules()["determiners"] or (w.islower() and w.isalpha() and len(w) > 3
                                             and w.endswith(("en", "er", "es", "em", "e")))


def _bare_name(t: str) -> bool:
    """Capitalised, alphabetic, and neither a stop word nor shaped like a German noun."""
    r = rules()
    if len(t) < 3 or not t[0].isupper() or t.isupper() or not t.replace("-", "").isalpha():
        return False
    low = t.lower()
    return low not in r["stop_words"] and t not in r["not_names"] and t not in r["person_cues"] \
        and not low.endswith(r["noun_endings"]) and not low.endswith(r["adverb_endings"]) \
        and not r["role_re"].search(low)


def _singular_verb(w: str) -> bool:
    """A lowercase word that is probably a finite verb in the 3rd person singular."""
    r = rules()
    if w in r["finite_verbs"]:
        return True
    if not w.isalpha() or not w.islower() or w in r["stop_words"]:
        return False
    return (len(w) > 3 and w.endswith(("te", "t")))


def _finite_verb(w: str) -> bool:
    """A lowercase word that is probably a finite verb ("hatte", "konnte", "erklärte")."""
    r = rules()
    if not w.isalpha() or not w.islower():
        return False
    return w in r["finite_verbs"] or (len(w) > 4 and w.endswith("te") and not w.endswith("ste")
                                      and w not in r["stop_words"])


def _verb_second(tokens: list[str], i: int) -> bool:
    """Token i - 1 is a finite verb in second position: an auxiliary, or a past tense in -te
    after a capitalised word or number ("Damit will", "1930 brachte"), not an adjective."""
    r = rules()
    prev = tokens[i - 1]
    if prev in r["copulas"] or not _finite_verb(prev):
        return False
    before = tokens[i - 2] if i > 1 else ""
    if prev in r["finite_verbs"]:
        return not _modifier(before)
    return bool(before) and (before[:1].isupper() or before[:1].isdigit() or before == ",")


def _initial_rule(tokens: list[str]) -> Iterator[tuple[int, int]]:
    """"J. Quirrenbach", "J. R. Smith": initials, then a capitalised surname."""
    r = rules()
    n = len(tokens)
    i = 0
    while i < n - 1:
        if _INITIAL.match(tokens[i]) and (i == 0 or not _INITIAL.match(tokens[i - 1])):
            j = i
            while j < n and _INITIAL.match(tokens[j]):
                j += 1
            if j < n and _name_word(tokens[j]) and tokens[j].replace("-", "").isalpha() \
                    and tokens[j] not in r["not_names"] \
                    and not tokens[j].lower().endswith(r["noun_endings"]):
                yield i, j + 1
                i = j + 1
                continue
        i += 1


def _surname_pair_rule(kb, tokens: list[str]) -> Iterator[tuple[int, int]]:
    """"Ilkay Hoffmann": an unknown capitalised word before a known family name."""
    last, common = kb.tables.surnames, rules()["not_names"]
    for i in range(1, len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if b in last and b not in common and _CAP.match(a) and a.isalpha() and \
                not a.lower().endswith(rules()["noun_endings"]) and a not in common and \
                tokens[i - 1].lower() not in rules()["determiners"]:
            yield i, i + 2


def _lone_name_rule(kb, tokens: list[str]) -> Iterator[tuple[int, int]]:
    """A lone known given name or family name, not after an article and not sentence-first."""
    first, last = kb.tables.first_names, kb.tables.surnames
    dets, common = rules()["determiners"], rules()["not_names"]
    for i, t in enumerate(tokens):
        if i == 0 or t in common or not (t in first or t in last or (t.endswith("s") and t[:-1] in last)):
            continue
        prev = tokens[i - 1].lower()
        if prev in dets or (i > 1 and tokens[i - 2].lower() in dets and prev[-1:] in "enrs"):
            continue
        if tokens[i - 1] in (".", "!", "?", ":", "\"", "„", "(") and i == 1:
            continue
        yield i, i + 1


def _org_rule(kb, tokens: list[str]) -> Iterator[tuple[int, int, int]]:
    """(start, end, priority): named heads and clubs outrank the lexicon, acronyms do not."""
    r = rules()
    n = len(tokens)
    names = org_names()
    for i, t in enumerate(tokens):
        for words in names.get(t, ()):
            if tuple(tokens[i:i + len(words)]) == words:
                yield i, i + len(words), 2
                break
        if t in r["org_heads"] and i > 0 and _name_word(tokens[i - 1]) \
                and (t in r["media_heads"] or not _demonym(kb, tokens[i - 1])):
            j = i - 1  # "Berliner Zeitung" is a name, "Schweizer Polizei" is not
            while j > 0 and _name_word(tokens[j - 1]) and i - j < 4 \
                    and not _type_noun(tokens[j - 1]) \
                    and (t in r["media_heads"] or not _demonym(kb, tokens[j - 1])):
                j -= 1
            end = i + 1
            if end + 1 < n and tokens[end] in ("of", "on", "for", "für") \
                    and _name_word(tokens[end + 1]):
                end = _complement_end(kb, tokens, end + 1)  # "Institute of Technology"
            yield j, _place_after(kb, tokens, end), 3
        elif t in r["club_prefixes"] and i + 1 < n and _CAP.match(tokens[i + 1]):
            j = i + 1
            while j < n and j - i <= 3 and (_name_word(tokens[j]) or (
                    tokens[j].isdigit() and len(tokens[j]) <= 2)):
                j += 1
            yield (i - 1 if i and tokens[i - 1] == "1." else i), j, 3
        elif t in r["team_suffixes"] and i > 0 and _name_word(tokens[i - 1]):
            j = i - 1
            while j > 0 and _name_word(tokens[j - 1]) and i - j < 3:
                j -= 1
            yield j, i + 1, 3
        elif t in r["org_before_place"] and i + 1 < n and _name_word(tokens[i + 1]) \
                and not tokens[i + 1].lower().endswith(r["noun_endings"]):
            yield _adjectives_before(tokens, i), i + 2, 3
        elif _type_noun(t) and i + 1 < n and (span := _name_after(tokens, i + 1)):
            yield *span, 2
        elif _ACRONYM.match(t) and t not in r["not_org_acronyms"]:
            j = i + 1
            while j < n and j - i < 3 and (_ACRONYM.match(tokens[j]) or (
                    _bare_name(tokens[j]) and tokens[j] not in town_names())):
                j += 1  # "ABB Asea", "HSBC Holdings"
            yield i, j, 1
        elif r["suffix_re"].search(t) and t[:1].isupper():
            yield i, i + 1, 1
        elif (t in r["institutions"] or (t[:1].isupper() and r["institution_re"].search(t)))\
                and i + 2 < n and tokens[i + 1] in ("für", "der", "des", "zur", "zum") \
                and _CAP.match(tokens[i + 2]):
            yield _adjectives_before(tokens, i), _complement_end(kb, tokens, i + 2), 3
        elif t in r["institutions_en"] and i + 2 < n and tokens[i + 1] in ("of", "on", "for") \
                and _CAP.match(tokens[i + 2]):
            j = i
            while j > 0 and _name_word(tokens[j - 1]) and i - j < 3:
                j -= 1
            yield j, _complement_end(kb, tokens, i + 2), 3


def _type_noun(t: str) -> bool:
    """A kind-of-organisation noun ("Firma", "Spartensender"): before a name, not in it."""
    return t in rules()["org_types"] or (t[:1].isupper() and bool(rules()["org_type_re"].search(t)))


def _demonym(kb, t: str) -> bool:
    """A place adjective in -er ("Schweizer", "Kölner")."""
    return t.endswith("er") and len(t) > 4 and (_is_place_name(kb, t[:-2]) or
                                                  _is_place_name(kb, t[:-3]))


def _complement_end(kb, tokens: list[str], j: int) -> int:
    """End of "Umwelt und Natur des Saarlandes" / "Science and Technology" at j."""
    n = len(tokens)
    while True:
        while j < n and _name_word(tokens[j]):
            j += 1
        if j + 1 < n and tokens[j] in ("und", "and", "&", "für", "for", "of") \
                and _name_word(tokens[j + 1]):
            j += 1
            continue
        if j + 1 < n and tokens[j] in ("des", "der") and _CAP.match(tokens[j + 1]) \
                and _is_place_name(kb, re.sub(r"(es|s)$", "", tokens[j + 1])):
            return j + 2
        return j


def _place_after(kb, tokens: list[str], j: int) -> int:
    """j + 1 if token j is a known place ("Verlag Leipzig"), else j."""
    if j < len(tokens) and _CAP.match(tokens[j]) and _is_place_name(kb, tokens[j]):
        return j + 1
    return j


def _name_after(tokens: list[str], i: int) -> tuple[int, int] | None:
    """The name right after a type noun: "Firma Zylotron", "Band „ Die Quasten “"."""
    n = len(tokens)
    quote = tokens[i] in ("„", '"', "“", "«", "‚")
    j = i + quote
    k = j
    while k < n and k - j < 4 and (_name_word(tokens[k]) or (k > j and tokens[k] in ("&",))
                                   or (k > j and tokens[k].isdigit())):
        k += 1
    if k == j:
        return None
    if quote:
        return (j, k) if k < n and tokens[k] in ("“", '"', "»", "‘", "«") else None
    if k - j == 1 and not _bare_name(tokens[j]) and not _ACRONYM.match(tokens[j]):
        return None
    if k < n and tokens[k].islower() and k - j == 1 and tokens[k] not in rules()["stop_words"] \
            and not _singular_verb(tokens[k]):
        return None
    return j, k


def _name_word(t: str) -> bool:
    """A capitalised word that can be part of a name (not an article or preposition)."""
    return bool(_CAP.match(t)) and t.lower() not in rules()["determiners"] \
        and t.lower() not in rules()["function_words"]


def _adjectives_before(tokens: list[str], i: int) -> int:
    """Start of the capitalised adjectives before token i ("Bayerischen Landesamt")."""
    adj = rules()["adjective_re"]
    while i > 0 and adj.match(tokens[i - 1]):
        i -= 1
    return i
