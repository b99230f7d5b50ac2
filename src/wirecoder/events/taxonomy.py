"""The CAMEO code table with Goldstein scores, QuadClass and PLOVER mapping.

The table (``data/cameo_codes.tsv``, built by ``scripts/build_cameo_table.py``) is read on
first use and cached, so importing this module costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from wirecoder.errors import WirecoderError

__all__ = ["CameoCode", "all_codes", "cameo", "parent", "root"]


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]


def _row_to_code(fields: list[str]) -> CameoCode:
    code, name, goldstein, quad, event, mode, context = fields
    return CameoCode(
        code=code,
        name=name,
        goldstein=float(goldstein) if goldstein else None,
        quad_class=int(quad),
        plover_event=event or None,
        plover_mode=mode or None,
        plover_context=tuple(c for c in context.split(";") if c),
    )


@cache
def _table() -> dict[str, CameoCode]:
    text = resources.files("wirecoder").joinpath("data/cameo_codes.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    # rows[0] is the column header
    return {fields[0]: _row_to_code(fields) for fields in rows[1:]}


def cameo(code: str) -> CameoCode:
    """The table row of ``code`` (a string: ``"010"`` and ``"10"`` differ)."""
    try:
        return _table()[code]
    except KeyError:
        raise WirecoderError(
            "E020", f"Unknown CAMEO event code {code!r}: codes are 2-4 digit strings "
            "such as '04', '040' or '0211', with their leading zero."
        ) from None


def root(code: str) -> str:
    """The two-digit root (cue category) of ``code``: ``"1823"`` -> ``"18"``."""
    return cameo(code).code[:2]


def parent(code: str) -> str | None:
    """The code one level up (``"1823"`` -> ``"182"``, ``"182"`` -> ``"18"``); None for a root."""
    known = cameo(code).code
    return known[:-1] if len(known) == 4 else known[:2] if len(known) == 3 else None


def all_codes() -> list[CameoCode]:
    """Every code of the table, in CAMEO order."""
    return list(_table().values())


@cache
def _frame_table() -> dict[tuple[str, str], str]:
    text = resources.files("wirecoder").joinpath("data/frame_codes.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {(frame, action): code for frame, action, code in rows[1:]}


def framed_code(frame: str, code: str) -> str | None:
    """The code of an act framed by intent ("will train" -> 0312), threat ("threatened to
    strike" -> 133) or refusal ("refused to meet" -> 125), from the longest prefix listed
    in ``data/frame_codes.tsv``, else the frame's default; None when neither exists."""
    table = _frame_table()
    for end in range(len(code), 1, -1):
        if (frame, code[:end]) in table:
            return table[(frame, code[:end])]
    return table.get((frame, "*"))
