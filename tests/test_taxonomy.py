"""The CAMEO/PLOVER table: completeness and a sample of known values."""

from __future__ import annotations

import pytest

from wirecoder.errors import WirecoderError
from wirecoder.events.taxonomy import all_codes, cameo, parent, root


def test_table_has_every_cameo_code() -> None:
    codes = [c.code for c in all_codes()]
    assert len(codes) == 316
    assert len(set(codes)) == 316
    assert len([c for c in codes if len(c) == 2]) == 20


def test_every_code_has_its_root_and_parent_in_the_table() -> None:
    for entry in all_codes():
        assert cameo(root(entry.code)).code == entry.code[:2]
        up = parent(entry.code)
        assert up is None or cameo(up).code == up


@pytest.mark.parametrize(
    ("code", "quad"),
    [("010", 1), ("0211", 1), ("057", 1), ("062", 2), ("0874", 2), ("09", 3), ("112", 3),
     ("138", 3), ("141", 4), ("173", 4), ("190", 4), ("2042", 4)],
)
def test_quad_class(code: str, quad: int) -> None:
    assert cameo(code).quad_class == quad


@pytest.mark.parametrize(
    ("code", "score"),
    [("190", -10.0), ("040", 1.0), ("010", 0.0), ("057", 8.0), ("173", -5.0),
     # OEDA additions take the parent's score
     ("1951", cameo("195").goldstein), ("155", cameo("15").goldstein)],
)
def test_goldstein(code: str, score: float) -> None:
    assert cameo(code).goldstein == score


@pytest.mark.parametrize(
    ("code", "event", "mode"),
    [("190", "ASSAULT", None), ("040", "CONSULT", None), ("042", "CONSULT", "visit"),
     ("010", None, None), ("020", "REQUEST", None), ("163", "SANCTION", "discontinue"),
     ("0871", "RETREAT", "ceasefire"), ("1712", "ASSAULT", "destroy"),
     ("1834", "ASSAULT", "suicide-attack"), ("176", "COERCE", None),
     ("0813", "CONCEDE", None),  # the manual: "removing curfews" is CONCEDE
     ("106", "REQUEST", "meet"),
     ("0831", "RETREAT", "resign"),  # the PLOVER manual: resignations are RETREAT
     ("083", "CONCEDE", None),
     ("116", "SANCTION", "convict")],  # the manual's SANCTION modes, over the 2021 table
)
def test_plover(code: str, event: str | None, mode: str | None) -> None:
    entry = cameo(code)
    assert (entry.plover_event, entry.plover_mode) == (event, mode)


def test_plover_contexts_are_split() -> None:
    assert cameo("094").plover_context == ("military", "legal")
    assert cameo("175").plover_context == ("pro_autocracy", "military")


def test_leading_zero_matters_and_unknown_codes_raise() -> None:
    assert cameo("010").name.startswith("Make statement")
    assert cameo("10").name == "DEMAND"
    with pytest.raises(WirecoderError) as caught:
        cameo("999")
    assert caught.value.code == "E020"


def test_hierarchy() -> None:
    assert parent("1823") == "182"
    assert parent("182") == "18"
    assert parent("18") is None
    assert root("0211") == "02"
