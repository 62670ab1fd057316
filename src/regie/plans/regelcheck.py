"""What the rules engine says about one PIP version, through ``regie.dossiers.regels``.

Nothing here decides a rule. The engine is asked two things:

1. with the dossier's facts as they are: may a PIP with this dagtekening, leerroute, niveau
   and estimated B1-route hours be delivered (``pip_aanleveren``), is there a right to
   ontzorgen, which doelgroep;
2. with the facts *as if this version were adopted* (one extra, unsaved ``pip_vastgesteld``
   fact): is a MAP required in this route (Wi art. 8(3)), when would the term start, and may
   the inburgeringsaanbod be delivered (``aanbod_aanleveren``).

Refusals of (1) block submitting and adopting; the content checks (a MAP where the engine says
none belongs, ontzorgen without a right, estimated B1-route hours DUO would refuse) also block
saving and name the field they are about. Refusals of the aanbod are shown as warnings: the
offer goes to DUO separately and does not stop the beschikking.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from regie.dossiers import regels
from regie.dossiers.models import Dossier, TijdlijnFeit
from regie.rules import Antwoord, Bevinding, Grondslag, Parameters, Reden, Uitkomst

# Codes of Regie's own content checks; the engine's codes are its ``Reden`` values.
MAP_NIET_IN_ROUTE = "MAP_NIET_IN_ROUTE"
ONTZORGEN_GEEN_RECHT = "ONTZORGEN_GEEN_RECHT"


@dataclass(frozen=True)
class Melding:
    """One refusal or warning: a code, a Dutch explanation and its legal basis; ``veld`` names
    the PIP field a content refusal is about (the form shows it there)."""

    code: str
    toelichting: str
    grondslagen: tuple[Grondslag, ...]
    veld: str = ""


@dataclass(frozen=True)
class Controle:
    peildatum: date
    aanlever_weigeringen: tuple[Melding, ...]  # the engine's pip_aanleveren refusals
    inhoud_weigeringen: tuple[Melding, ...]  # MAP, ontzorgen, B1-route hours DUO would refuse
    waarschuwingen: tuple[Melding, ...]  # aanbod_aanleveren refusals
    niveau_vastgesteld: str | None
    ontzorgen: Bevinding[Any]
    maatschappelijke_begeleiding: Bevinding[Any]
    asielstatushouder: bool
    map_vereist: Bevinding[Any]  # as if this version were adopted
    pvt_vereist: Bevinding[Any]
    termijn_start_als_vastgesteld: Bevinding[Any]
    termijn_eind_als_vastgesteld: Bevinding[Any]

    @property
    def weigeringen(self) -> tuple[Melding, ...]:
        return (*self.aanlever_weigeringen, *self.inhoud_weigeringen)

    @property
    def toegestaan(self) -> bool:
        return not self.weigeringen

    @property
    def ontzorgen_recht(self) -> bool:
        return bool(self.ontzorgen.waarde and self.ontzorgen.waarde.recht)


def _meldingen(antwoord: Any, *, behalve: frozenset[Reden] = frozenset()) -> tuple[Melding, ...]:
    return tuple(
        Melding(
            code=w.code.value,
            toelichting=w.toelichting[:1].upper() + w.toelichting[1:],
            grondslagen=(w.grondslag,),
        )
        for w in antwoord.weigeringen
        if w.code not in behalve
    )


# The engine's pip_aanleveren refusals about a field the case manager fills in (not about the
# dates or the route): content checks, so they block saving and are shown at that field.
_INHOUD_REDENEN = frozenset({Reden.INTENSITEIT_NIET_TOEGESTAAN})


def _citaat(grondslagen: Iterable[Grondslag]) -> str:
    return "; ".join(f"{g.regeling}, artikel {g.artikel}" for g in grondslagen)


def als_vastgesteld_feit(versie: Any) -> TijdlijnFeit:
    """The fact adopting ``versie`` would record (unsaved): the engine's ``pip_vastgesteld``."""
    return TijdlijnFeit(
        soort=TijdlijnFeit.Soort.PIP_VASTGESTELD,
        datum=versie.dagtekening,
        gegevens={"leerroute": versie.leerroute, "niveau": versie.niveau or None},
    )


def controleer(
    dossier: Dossier,
    versie: Any,
    feiten: Iterable[TijdlijnFeit] | None = None,
    *,
    peildatum: date | None = None,
    parameters: Parameters | None = None,
) -> Controle:
    """Check a (possibly unsaved) version against the engine. ``versie`` needs the plan's
    fields: dagtekening, leerroute, niveau, geschatte_uren_b1, map_uren, ontzorgen and the
    provider fields."""
    if feiten is None:
        feiten = TijdlijnFeit.objects.filter(dossier_id=dossier.pk).order_by("datum", "id")
    feiten = list(feiten)
    parameters = parameters or regels.parameters_voor(dossier.regie_gemeente_id)
    # The dagtekening may lie ahead (a planned decision): judge the dossier as it will be then.
    peil = max(peildatum or timezone.localdate(), versie.dagtekening)

    nu = regels.conclusies_voor(
        dossier,
        feiten,
        peildatum=peil,
        parameters=parameters,
        vragen=[
            {
                "actie": "pip_aanleveren",
                "dagtekening": versie.dagtekening.isoformat(),
                "leerroute": versie.leerroute,
                "niveau": versie.niveau or None,
                "geschatte_intensiteit": versie.geschatte_uren_b1,
            }
        ],
    )
    heeft_aanbod = bool(getattr(versie, "aanbieder_id", None) or versie.aanbieder_naam)
    als = regels.conclusies_voor(
        dossier,
        [*feiten, als_vastgesteld_feit(versie)],
        peildatum=peil,
        parameters=parameters,
        vragen=[{"actie": "aanbod_aanleveren", "keurmerk": bool(versie.aanbieder_keurmerk)}]
        if heeft_aanbod
        else None,
    )
    aanlevering = nu.antwoorden[0]
    return Controle(
        peildatum=peil,
        aanlever_weigeringen=_meldingen(aanlevering, behalve=_INHOUD_REDENEN),
        inhoud_weigeringen=_inhoud(versie, nu, als, aanlevering),
        waarschuwingen=_meldingen(als.antwoorden[0]) if heeft_aanbod else (),
        niveau_vastgesteld=_waarde(getattr(aanlevering, "niveau_vastgesteld", None)),
        ontzorgen=nu.conclusie("ontzorgen"),
        maatschappelijke_begeleiding=nu.conclusie("maatschappelijke_begeleiding"),
        asielstatushouder=_waarde(nu.conclusie("doelgroep").waarde) == "asielstatushouder",
        map_vereist=als.conclusie("map_vereist"),
        pvt_vereist=als.conclusie("pvt_vereist"),
        termijn_start_als_vastgesteld=als.conclusie("termijn_start"),
        termijn_eind_als_vastgesteld=als.conclusie("termijn_eind"),
    )


def _waarde(waarde: Any) -> Any:
    return getattr(waarde, "value", waarde)


def _inhoud(versie: Any, nu: Uitkomst, als: Uitkomst, aanlevering: Antwoord) -> tuple[Melding, ...]:
    meldingen: list[Melding] = []
    for weigering in aanlevering.weigeringen:
        if weigering.code is Reden.INTENSITEIT_NIET_TOEGESTAAN:
            meldingen.append(
                Melding(
                    code=weigering.code.value,
                    toelichting=_(
                        "Geschatte uren B1-route mogen alleen worden ingevuld bij de B1-route "
                        "van een asielstatushouder: DUO neemt ze anders niet aan "
                        "(%(grondslag)s). Laat dit veld leeg."
                    )
                    % {"grondslag": _citaat((weigering.grondslag,))},
                    grondslagen=(weigering.grondslag,),
                    veld="geschatte_uren_b1",
                )
            )
    map_vereist = als.conclusie("map_vereist")
    # Only the engine's "not required" refuses a MAP (onderwijsroute, Wi art. 8(3)); without a
    # conclusion (null) there is nothing to refuse on.
    if versie.map_uren and map_vereist.waarde is False:
        meldingen.append(
            Melding(
                code=MAP_NIET_IN_ROUTE,
                toelichting=_(
                    "In deze leerroute hoort geen MAP (%(grondslag)s). Laat de MAP-intensiteit "
                    "leeg."
                )
                % {"grondslag": _citaat(map_vereist.grondslagen)},
                grondslagen=map_vereist.grondslagen,
                veld="map_uren",
            )
        )
    ontzorgen = nu.conclusie("ontzorgen")
    if versie.ontzorgen and not (ontzorgen.waarde and ontzorgen.waarde.recht):
        meldingen.append(
            Melding(
                code=ONTZORGEN_GEEN_RECHT,
                toelichting=_(
                    "Deze inburgeraar heeft geen recht op financieel ontzorgen (%(grondslag)s). "
                    "Zet ontzorgen uit."
                )
                % {"grondslag": _citaat(ontzorgen.grondslagen)},
                grondslagen=ontzorgen.grondslagen,
                veld="ontzorgen",
            )
        )
    return tuple(meldingen)


def termijn(dossier: Dossier, feiten: Iterable[TijdlijnFeit] | None = None) -> dict[str, Any]:
    """The term as the engine computes it from the recorded facts (start, end, grondslagen)."""
    if feiten is None:
        feiten = TijdlijnFeit.objects.filter(dossier_id=dossier.pk).order_by("datum", "id")
    uitkomst = regels.conclusies_voor(dossier, feiten)
    start = uitkomst.conclusie("termijn_start")
    eind = uitkomst.conclusie("termijn_eind")
    return {
        "start": start.waarde,
        "eind": eind.waarde,
        "grondslagen": _uniek((*start.grondslagen, *eind.grondslagen)),
        "trace": (*start.trace, *eind.trace),
    }


def _uniek(grondslagen: Iterable[Grondslag]) -> tuple[Grondslag, ...]:
    gezien: list[Grondslag] = []
    for g in grondslagen:
        if g not in gezien:
            gezien.append(g)
    return tuple(gezien)
