"""Hypothesis strategies: valid contract input, and JSON-ish junk for parser robustness."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from regie.rules import model as m


def datums_tussen(van: date, tot: date) -> st.SearchStrategy[date]:
    """Dates as one integer draw (st.dates draws year, month and day: three times slower)."""
    return st.integers(0, (tot - van).days).map(lambda dagen: van + timedelta(days=dagen))


DATUMS = datums_tussen(date(2020, 1, 1), date(2031, 12, 31))
GEBOORTEDATUMS = datums_tussen(date(1950, 1, 1), date(2012, 12, 31))
GEMEENTEN = st.sampled_from(["0988", "0946", "1706"])
DUO_CODES = st.sampled_from(
    ["SS139", "SS102", "SS110", "SS121", "SS124", "SS125", "SS106", "SS108"]
)
NIVEAUS = st.sampled_from([n.value for n in m.Niveau])
ROUTES = st.sampled_from([r.value for r in m.Leerroute])


def iso(d: date) -> str:
    return d.isoformat()


def _met_datum(
    gebeurtenistype: str, /, **velden: st.SearchStrategy[Any]
) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"type": st.just(gebeurtenistype), "datum": DATUMS.map(iso), **velden}
    )


def _examenpoging() -> st.SearchStrategy[dict[str, Any]]:
    taal = _met_datum(
        "examenpoging",
        onderdeel=st.sampled_from(["lezen", "luisteren", "schrijven", "spreken"]),
        niveau=NIVEAUS,
        resultaat=st.sampled_from(["behaald", "niet_behaald", None]),
    )
    knm = _met_datum(
        "examenpoging",
        onderdeel=st.just("knm"),
        niveau=st.none(),
        resultaat=st.sampled_from(["behaald", "niet_behaald", None]),
    )
    return taal | knm


def pip_gebeurtenis(datum: st.SearchStrategy[date] = DATUMS) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "type": st.just("pip_vastgesteld"),
            "datum": datum.map(iso),
            "leerroute": ROUTES,
            "niveau": NIVEAUS | st.none(),
        }
    )


GEBEURTENIS = st.one_of(
    _met_datum("verblijfsrecht_bekendgemaakt"),
    _met_datum("koppeling", gemeente=GEMEENTEN),
    _met_datum("vestiging", gemeente=GEMEENTEN),
    _met_datum("verhuizing", gemeente=GEMEENTEN),
    _met_datum("duo_gebeurtenis", code=DUO_CODES),
    _met_datum("informatie_derden_ontvangen"),
    _met_datum("brede_intake_afgerond"),
    pip_gebeurtenis(),
    _met_datum("voortgangsgesprek"),
    _met_datum(
        "uren",
        soort=st.sampled_from(["taal_knm", "participatie"]),
        uren=st.integers(0, 700) | st.floats(0, 700, allow_nan=False),
        keurmerk=st.booleans(),
    ),
    _examenpoging(),
    _met_datum("bijstand_gestart"),
    _met_datum("pvt_ondertekend"),
    _met_datum("map_eindgesprek"),
    _met_datum("zroute_afgerond"),
    _met_datum("termijn_verlengd", nieuwe_einddatum=DATUMS.map(iso)),
    _met_datum("plicht_beeindigd", reden=st.sampled_from(["naturalisatie", "aow", "vertrek"])),
)

VRAAG = st.one_of(
    st.fixed_dictionaries(
        {
            "actie": st.just("pip_aanleveren"),
            "dagtekening": DATUMS.map(iso),
            "leerroute": ROUTES,
            "niveau": NIVEAUS | st.none(),
        },
        optional={"geschatte_intensiteit": st.integers(1, 9999) | st.none()},
    ),
    st.fixed_dictionaries({"actie": st.just("afschalen"), "datum": DATUMS.map(iso)}),
    st.fixed_dictionaries(
        {
            "actie": st.sampled_from(["pvt_registreren", "map_registreren"]),
            "datum": DATUMS.map(iso),
        }
    ),
    st.fixed_dictionaries(
        {
            "actie": st.just("verwijtbaar_melden"),
            "onderdeel": st.sampled_from(["map", "pvt"]),
            "waarde": st.sampled_from(["ja", "nee"]),
            "datum": DATUMS.map(iso),
        }
    ),
    st.fixed_dictionaries({"actie": st.just("aanbod_aanleveren"), "keurmerk": st.booleans()}),
    st.fixed_dictionaries(
        {
            "actie": st.just("boete_opleggen"),
            "grond": st.sampled_from(["brede_intake", "pip_naleving"]),
            "verwijtbaar": st.booleans(),
        }
    ),
    st.fixed_dictionaries(
        {
            "actie": st.just("examen_gratis"),
            "datum": DATUMS.map(iso),
            "onderdeel": st.sampled_from(["lezen", "spreken"]),
            "niveau": NIVEAUS,
        }
    ),
    st.fixed_dictionaries(
        {
            "actie": st.just("examen_gratis"),
            "datum": DATUMS.map(iso),
            "onderdeel": st.just("knm"),
            "niveau": st.none(),
        }
    ),
)

PERSOON = st.fixed_dictionaries(
    {
        "geboortedatum": GEBOORTEDATUMS.map(iso),
        "verblijf": st.sampled_from([v.value for v in m.Verblijf]),
    },
    optional={
        "nationaliteit": st.sampled_from(["ERI", "SYR", "TUR", "MAR"]),
        "diplomas": st.lists(st.sampled_from([d.value for d in m.Diploma]), max_size=2),
        "jaren_leerplichtig_in_nl": st.integers(0, 10),
    },
)

PARAMETERWIJZIGING = st.one_of(
    st.fixed_dictionaries(
        {
            "naam": st.just("inburgeringstermijn_jaren"),
            "waarde": st.integers(1, 20),
            "geldig_vanaf": DATUMS.map(iso),
        }
    ),
    st.fixed_dictionaries(
        {
            "naam": st.sampled_from(
                ["voortgangsgesprekken_aantal", "gratis_examenpogingen", "verwijtbaar_nee_maanden"]
            ),
            "waarde": st.integers(0, 6),
            "geldig_vanaf": DATUMS.map(iso),
        }
    ),
    st.fixed_dictionaries(
        {
            "naam": st.sampled_from(["pip_termijn_weken", "ontzorgen_min_maanden"]),
            "waarde": st.integers(1, 20),
            "geldig_vanaf": DATUMS.map(iso),
        }
    ),
)


@st.composite
def dossiers(
    draw: st.DrawFn,
    min_gebeurtenissen: int = 0,
    max_gebeurtenissen: int = 12,
    met_parameters: bool = False,
    met_pip: bool = False,
    met_vragen: bool = True,
) -> dict[str, Any]:
    """Valid input. ``met_pip`` guarantees a PIP on or before the peildatum (so a term)."""
    peildatum = draw(DATUMS)
    gebeurtenissen = draw(
        st.lists(GEBEURTENIS, min_size=min_gebeurtenissen, max_size=max_gebeurtenissen)
    )
    if met_pip:
        pip = draw(pip_gebeurtenis(datums_tussen(date(2020, 1, 1), peildatum)))
        gebeurtenissen.insert(draw(st.integers(0, len(gebeurtenissen))), pip)
        gesprekken = draw(st.lists(DATUMS.map(iso), max_size=4))
        gebeurtenissen += [{"type": "voortgangsgesprek", "datum": d} for d in gesprekken]
    invoer: dict[str, Any] = {
        "peildatum": iso(peildatum),
        "persoon": draw(PERSOON),
        "gebeurtenissen": gebeurtenissen,
        "vragen": draw(st.lists(VRAAG, max_size=4)) if met_vragen else [],
    }
    if met_parameters:
        invoer["parameters"] = draw(st.lists(PARAMETERWIJZIGING, max_size=3))
    return invoer


# --- Junk for the parser ---------------------------------------------------------------------

SLEUTELS = st.sampled_from(
    [
        "peildatum",
        "persoon",
        "gebeurtenissen",
        "vragen",
        "parameters",
        "type",
        "datum",
        "geboortedatum",
        "verblijf",
        "diplomas",
        "jaren_leerplichtig_in_nl",
        "leerroute",
        "niveau",
        "uren",
        "actie",
        "naam",
        "waarde",
        "geldig_vanaf",
    ]
)
SCALAIRS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    DATUMS.map(iso),
    st.sampled_from(["2024-02-30", "20240101", "2024-W01-1", "b1_route", "SS139", "0988"]),
)
JSONACHTIG = st.recursive(
    SCALAIRS,
    lambda kind: (
        st.lists(kind, max_size=4)
        | st.dictionaries(SLEUTELS | st.text(max_size=6), kind, max_size=5)
    ),
    max_leaves=12,
)
