"""Benchmark of the rules engine (quality target P4: >= 5,000 evaluations/s on one core).

Not a test: ``make bench`` calls ``meet_evaluaties_per_seconde``. The dossiers are generated
deterministically (fixed seed) to look like real ones: 10-20 events, a couple of questions.
As shared/quality/targets.md asks, a baseline is measured in the same run: a JSON round trip
of the same inputs, so a slow machine shows as a slow baseline too.

    python -m regie.rules.bench [SECONDEN]
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from regie.rules.motor import evalueer

_GEMEENTEN = ("0988", "0946", "1706")
_VERBLIJVEN = (
    "asiel_bepaalde_tijd",
    "asiel_bepaalde_tijd",
    "nareiziger_regulier",
    "regulier_gezin",
)
_ROUTES = (("b1_route", "B1"), ("b1_route", None), ("onderwijsroute", "B1"), ("z_route", None))


def _d(dag: date) -> str:
    return dag.isoformat()


def realistisch_dossier(rng: random.Random) -> dict[str, Any]:
    """One plausible dossier: arrival, koppeling, settling, SS139, PIP, talks, hours, exams."""
    bekendmaking = date(2022, 1, 1) + timedelta(days=rng.randrange(0, 3 * 365))
    koppeling = bekendmaking + timedelta(days=rng.randrange(5, 40))
    vestiging = koppeling + timedelta(days=rng.randrange(20, 120))
    ss139 = vestiging + timedelta(days=rng.randrange(0, 5))
    pip = ss139 + timedelta(days=rng.randrange(30, 75))
    gemeente = rng.choice(_GEMEENTEN)
    route, niveau = rng.choice(_ROUTES)
    gebeurtenissen: list[dict[str, object]] = [
        {"type": "verblijfsrecht_bekendgemaakt", "datum": _d(bekendmaking)},
        {"type": "koppeling", "datum": _d(koppeling), "gemeente": gemeente},
        {"type": "vestiging", "datum": _d(vestiging), "gemeente": gemeente},
        {"type": "duo_gebeurtenis", "datum": _d(ss139), "code": "SS139"},
        {"type": "brede_intake_afgerond", "datum": _d(pip - timedelta(days=10))},
        {"type": "pip_vastgesteld", "datum": _d(pip), "leerroute": route, "niveau": niveau},
        {"type": "duo_gebeurtenis", "datum": _d(pip + timedelta(days=7)), "code": "SS102"},
        {"type": "bijstand_gestart", "datum": _d(vestiging + timedelta(days=3))},
    ]
    for i in range(rng.randrange(1, 5)):
        gesprek = pip + timedelta(days=60 + 90 * i + rng.randrange(0, 30))
        gebeurtenissen.append({"type": "voortgangsgesprek", "datum": _d(gesprek)})
    for i in range(rng.randrange(1, 6)):
        gebeurtenissen.append(
            {
                "type": "uren",
                "datum": _d(pip + timedelta(days=90 * (i + 1))),
                "soort": rng.choice(("taal_knm", "taal_knm", "participatie")),
                "uren": rng.randrange(40, 200),
                "keurmerk": rng.random() < 0.9,
            }
        )
    for i in range(rng.randrange(0, 3)):
        gebeurtenissen.append(
            {
                "type": "examenpoging",
                "datum": _d(pip + timedelta(days=300 + 60 * i)),
                "onderdeel": rng.choice(("lezen", "luisteren", "knm")),
                "niveau": "B1",
                "resultaat": rng.choice(("behaald", "niet_behaald", None)),
            }
        )
    rng.shuffle(gebeurtenissen)
    peildatum = pip + timedelta(days=rng.randrange(0, 3 * 365))
    vragen = [
        {"actie": "afschalen", "datum": _d(peildatum)},
        {"actie": "examen_gratis", "datum": _d(peildatum), "onderdeel": "lezen", "niveau": "A2"},
    ]
    if rng.random() < 0.5:
        vragen.append(
            {
                "actie": "verwijtbaar_melden",
                "onderdeel": "map",
                "waarde": "nee",
                "datum": _d(peildatum),
            }
        )
    return {
        "peildatum": _d(peildatum),
        "persoon": {
            "geboortedatum": _d(date(1960, 1, 1) + timedelta(days=rng.randrange(0, 40 * 365))),
            "nationaliteit": rng.choice(("ERI", "SYR", "AFG", "TUR", "MAR")),
            "verblijf": rng.choice(_VERBLIJVEN),
            "diplomas": [],
            "jaren_leerplichtig_in_nl": 0,
        },
        "gebeurtenissen": gebeurtenissen,
        "vragen": vragen,
    }


def genereer_dossiers(aantal: int = 500, seed: int = 2021) -> list[dict[str, Any]]:
    rng = random.Random(seed)  # noqa: S311  # test data, not cryptography
    return [realistisch_dossier(rng) for _ in range(aantal)]


def _herhaal(
    werk: Callable[[dict[str, Any]], object], dossiers: list[dict[str, Any]], duur_s: float
) -> tuple[int, float]:
    aantal = 0
    begin = time.perf_counter()
    einde = begin + duur_s
    while True:
        for dossier in dossiers:
            werk(dossier)
        aantal += len(dossiers)
        nu = time.perf_counter()
        if nu >= einde:
            return aantal, nu - begin


def meet_evaluaties_per_seconde(duur_s: float = 2.0) -> dict[str, object]:
    """Evaluations per second on one core (parse + all conclusions + answers), plus the same
    including the JSON view, and a JSON round-trip baseline measured in the same run."""
    dossiers = genereer_dossiers()
    for dossier in dossiers[:50]:  # warm up
        evalueer(dossier).als_json()
    n_eval, t_eval = _herhaal(evalueer, dossiers, duur_s)
    n_json, t_json = _herhaal(lambda d: evalueer(d).als_json(), dossiers, duur_s / 2)
    n_basis, t_basis = _herhaal(lambda d: json.loads(json.dumps(d)), dossiers, duur_s / 4)
    gebeurtenissen = sum(len(d["gebeurtenissen"]) for d in dossiers) / len(dossiers)
    per_s = n_eval / t_eval
    basis_per_s = n_basis / t_basis
    return {
        "evaluaties_per_seconde": round(per_s),
        "aantal_geevalueerd": n_eval,
        "duur_s": round(t_eval, 3),
        "evaluaties_met_json_per_seconde": round(n_json / t_json),
        "baseline_json_roundtrip_per_seconde": round(basis_per_s),
        "verhouding_tot_baseline": round(per_s / basis_per_s, 3),
        "gemiddeld_gebeurtenissen_per_dossier": round(gebeurtenissen, 1),
        "doel_evaluaties_per_seconde": 5000,
    }


if __name__ == "__main__":
    seconden = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    print(json.dumps(meet_evaluaties_per_seconde(seconden), indent=2))
