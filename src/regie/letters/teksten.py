"""The text blocks a plain-language ontwikkelplan needs, and safe placeholder filling.

A language is complete (and offered) when it has a ``Tekstblok`` for every key in
``SLEUTELS``. ``taal.naam`` is the language's own name ("العربية"), ``taal.richting`` is
``ltr`` or ``rtl``: the layout follows the data, so adding Tigrinya or Farsi is adding rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

SLEUTELS: tuple[str, ...] = (
    "taal.naam",
    "taal.richting",
    "titel",
    "inleiding",
    "kop.leerroute",
    "leerroute.b1_route",
    "leerroute.onderwijsroute",
    "leerroute.z_route",
    "kop.niveau",
    "niveau.tekst",
    "knm.ja",
    "knm.nee",
    "kop.alfabetisering",
    "alfabetisering.A",
    "alfabetisering.AA",
    "kop.uren",
    "uren.tekst",
    "kop.aanbieder",
    "aanbieder.tekst",
    "kop.pvt",
    "pvt.tekst",
    "kop.map",
    "map.tekst",
    "kop.meedoen",
    "meedoen.tekst",
    "uren_per_week",
    "kop.begeleiding",
    "begeleiding.tekst",
    "kop.ontzorgen",
    "ontzorgen.tekst",
    "kop.doelen",
    "doelen.tekst",
    "kop.afspraken",
    "kop.termijn",
    "termijn.tekst",
    "kop.vragen",
    "vragen.tekst",
    "let_op.nederlands",
    "voetnoot",
)

# The only names a text may use as {placeholder}; anything else stays as typed.
PLAATSHOUDERS: frozenset[str] = frozenset(
    {
        "naam",
        "gemeente",
        "niveau",
        "uren",
        "aanbieder",
        "termijn_start",
        "termijn_eind",
        "klantregisseur",
        "dagtekening",
    }
)

_PLAATSHOUDER = re.compile(r"\{([a-z_]+)\}")


def vul_in(tekst: str, waarden: Mapping[str, object]) -> str:
    """Replace known ``{name}`` placeholders. Not ``str.format``: texts are data typed by a
    beheerder, and format strings can reach attributes (``{x.__class__}``)."""

    def vervang(match: re.Match[str]) -> str:
        naam = match.group(1)
        if naam in PLAATSHOUDERS and naam in waarden:
            return str(waarden[naam])
        return match.group(0)

    return _PLAATSHOUDER.sub(vervang, tekst)
