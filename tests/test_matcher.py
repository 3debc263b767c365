"""The knowledge base's phrase matcher: word boundaries, inflection endings, lookups."""

from eventcoder.coding.tokenizer import pieces, tokenize
from eventcoder.knowledge.lexicon import GENITIVE, NO_SUFFIX
from eventcoder.knowledge.matcher import build_automaton, lookup, scan

# variants: (exact surface or None, suffix class, entry id, language or None)
KEYS = {
    "oslo": [(None, NO_SUFFIX, 1, None)],
    "ge": [("GE", NO_SUFFIX, 2, None)],
    "baden": [(None, GENITIVE, 3, "de")],
    "u.s.": [(None, NO_SUFFIX, 4, None)],
}
AUTO = build_automaton(KEYS)


def _found(text: str, lang: str = "en") -> list[tuple[str, int, str]]:
    return [(text[s:e], eid, suffix) for s, e, eid, suffix, _x in scan(AUTO, text, lang)]


def test_a_key_that_takes_no_ending_matches_whole_words_only():
    assert _found("Talks in Oslo ended.") == [("Oslo", 1, "")]
    assert _found("Oslo") == [("Oslo", 1, "")]  # at the end of the text
    assert _found("Osloer Gespräche") == []  # inside a longer word
    assert _found("Oslo's mayor") == [("Oslo", 1, "")]  # a possessive is a word end
    assert _found("Oslo'ya gitti") == []  # an apostrophe inside a word


def test_exact_keys_keep_their_case_and_boundaries():
    assert _found("GE said") == [("GE", 2, "")]
    assert _found("ge said") == []
    assert _found("gegen GEX") == []


def test_an_inflecting_key_takes_its_endings_in_its_language():
    assert _found("Badens Regierung", "de") == [("Badens", 3, "s")]
    assert _found("Baden sagte", "de") == [("Baden", 3, "")]
    assert _found("Badenweiler", "de") == []
    assert _found("Baden sagte", "en") == []  # a German-only variant


def test_a_key_with_punctuation_matches_before_punctuation_and_space():
    assert [f[0] for f in _found("U.S. troops and U.S.-led forces")] == ["U.S.", "U.S."]
    assert _found("the U.S.A") == []


def test_lookup_finds_keys_with_and_without_endings():
    assert lookup(AUTO, "Oslo")[1][0][2] == 1
    assert lookup(AUTO, "Baden")[1][0][2] == 3
    assert lookup(AUTO, "Osl") is None


def test_pieces_are_read_once_per_span_and_stay_the_same():
    view = tokenize("Am 3. Mai wurden 12 Menschen festgenommen.")
    first = pieces(view, 0, 20)
    assert pieces(view, 0, 20) is first
    fresh = tokenize(view.text)
    assert pieces(fresh, 0, 20) == first
    assert pieces(view) != first  # another span is read on its own
