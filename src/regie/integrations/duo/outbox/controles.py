"""What DUO would refuse, asked before a delivery is placed, so refusals by DUO stay rare.

The rules engine answers the questions of the rules contract (``pip_aanleveren``,
``map_registreren``, ``pvt_registreren``, ``verwijtbaar_melden``, ``aanbod_aanleveren``). DUO's
published registration rules that the contract has no question for (README of the M2M specs:
"verwijtbaar" only with an exceeded term, nothing after the Z-route was finished, aanbod dates
inside the term, ...) are checked here against the engine's *conclusions*, never against a
second computation of a deadline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from regie.dossiers import regels
from regie.dossiers.models import Dossier, TijdlijnFeit
from regie.integrations.duo import instellingen
from regie.integrations.duo.models import Contactpersoon, OutboxBericht

SDI014 = "DUO M2M, PIP en Inburgeringsaanbod API (SDI014)"
SDI016 = "DUO M2M, MAP/PVT/Z-route en Gevolgde uren API (SDI016)"


@dataclass(frozen=True)
class Weigering:
    code: str
    toelichting: str
    grondslag: str = ""

    def als_json(self) -> dict[str, str]:
        return {"code": self.code, "toelichting": self.toelichting, "grondslag": self.grondslag}


def _grondslag(weigering: Any) -> str:
    g = weigering.grondslag
    return f"{g.regeling}, artikel {g.artikel} ({g.zekerheid})"


def _d(tekst: str | None) -> date | None:
    return date.fromisoformat(tekst) if tekst else None


def _laatste(feiten: list[TijdlijnFeit], soort: str, peildatum: date) -> TijdlijnFeit | None:
    kandidaten = [f for f in feiten if f.soort == soort and f.datum <= peildatum]
    return kandidaten[-1] if kandidaten else None


def feiten_voor_pip(feiten: list[TijdlijnFeit], gegevens: dict[str, Any]) -> list[TijdlijnFeit]:
    """The facts without the ``pip_vastgesteld`` of the very PIP being delivered, so the engine
    judges it as DUO will: against the PIPs DUO already holds. The plans app may record the
    fact before or after placing the delivery; either way the answer is the same."""
    dagtekening = _d(gegevens["dagtekening"])
    for index in range(len(feiten) - 1, -1, -1):
        feit = feiten[index]
        if (
            feit.soort == TijdlijnFeit.Soort.PIP_VASTGESTELD
            and feit.datum == dagtekening
            and feit.gegevens.get("leerroute") == gegevens["leerroute"]
            and (feit.gegevens.get("niveau") or None) == (gegevens.get("niveau") or None)
        ):
            return feiten[:index] + feiten[index + 1 :]
    return feiten


def _vragen(soort: str, g: dict[str, Any], peildatum: date) -> list[dict[str, Any]]:
    if soort == "pip":
        return [
            {
                "actie": "pip_aanleveren",
                "dagtekening": g["dagtekening"],
                "leerroute": g["leerroute"],
                "niveau": g.get("niveau"),
                "geschatte_intensiteit": g.get("geschatte_intensiteit"),
            }
        ]
    if soort == "aanbod":
        return [{"actie": "aanbod_aanleveren", "keurmerk": g["keurmerk"]}]
    if soort in ("map", "pvt"):
        vragen: list[dict[str, Any]] = []
        if g.get("datum"):
            vragen.append({"actie": f"{soort}_registreren", "datum": g["datum"]})
        if g.get("verwijtbaar"):
            vragen.append(
                {
                    "actie": "verwijtbaar_melden",
                    "onderdeel": soort,
                    "waarde": g["verwijtbaar"],
                    "datum": peildatum.isoformat(),
                }
            )
        return vragen
    if soort == "verwijtbaar":
        return [
            {
                "actie": "verwijtbaar_melden",
                "onderdeel": g["onderdeel"],
                "waarde": g["waarde"],
                "datum": peildatum.isoformat(),
            }
        ]
    return []


# Deliveries DUO only registers while it holds a current PIP of this municipality.
_VRAAGT_PIP_BIJ_DUO = ("pip_verwijderen", "aanbod", "map", "pvt", "verwijtbaar", "zroute")


def _pip_bij_duo_verwijderd(dossier: Dossier) -> bool:
    """Whether Regie's last word to DUO about the PIP was to delete it (a PIP delivered since
    puts it back). Refused deliveries do not count: DUO did not act on them."""
    laatste = (
        OutboxBericht.objects.filter(dossier=dossier, soort__in=("pip", "pip_verwijderen"))
        .exclude(status=OutboxBericht.Status.GEWEIGERD)
        .order_by("-id")
        .values_list("soort", flat=True)
        .first()
    )
    return laatste == "pip_verwijderen"


def _lokaal(
    soort: str,
    g: dict[str, Any],
    dossier: Dossier,
    feiten: list[TijdlijnFeit],
    uitkomst: Any,
    peildatum: date,
) -> list[Weigering]:
    """DUO's registration rules without a question in the rules contract."""
    uit: list[Weigering] = []
    start = uitkomst.conclusie("termijn_start").waarde
    eind = uitkomst.conclusie("termijn_eind").waarde
    doelgroep = uitkomst.conclusie("doelgroep").waarde
    asiel = doelgroep is not None and doelgroep.value == "asielstatushouder"
    pip = _laatste(feiten, TijdlijnFeit.Soort.PIP_VASTGESTELD, peildatum)
    zroute_af = _laatste(feiten, TijdlijnFeit.Soort.ZROUTE_AFGEROND, peildatum)

    verwijderd = soort in _VRAAGT_PIP_BIJ_DUO and _pip_bij_duo_verwijderd(dossier)
    if verwijderd and soort != "pip_verwijderen":
        uit.append(
            Weigering(
                "PIP_BIJ_DUO_VERWIJDERD",
                "het PIP is bij DUO verwijderd; DUO registreert dit pas weer na een nieuw "
                "vastgesteld PIP",
                SDI014,
            )
        )
    if soort == "pip_verwijderen":
        if pip is None or verwijderd:
            uit.append(
                Weigering(
                    "GEEN_PIP", "DUO kent geen PIP van deze inburgeraar om te verwijderen", SDI014
                )
            )
        if any(
            f.soort == TijdlijnFeit.Soort.DUO_GEBEURTENIS and f.gegevens.get("code") == "SS102"
            for f in feiten
        ):
            uit.append(
                Weigering(
                    "TERMIJN_AL_VASTGESTELD",
                    "DUO heeft de inburgeringstermijn al vastgesteld (SS102)",
                    SDI014,
                )
            )
        if OutboxBericht.objects.filter(
            dossier=dossier, soort="uren", status=OutboxBericht.Status.VERZONDEN
        ).exists():
            uit.append(
                Weigering("UREN_GEREGISTREERD", "er zijn al gevolgde uren aan DUO gemeld", SDI014)
            )
    if soort == "contactpersoon_koppelen" and not (
        Contactpersoon.objects.filter(
            gemeente_id=dossier.regie_gemeente_id, duo_id=g["contactpersoon_id"], actief=True
        ).exists()
    ):
        uit.append(
            Weigering(
                "ONBEKENDE_CONTACTPERSOON",
                f"contactpersoon {g['contactpersoon_id']} is niet (meer) bij DUO geregistreerd "
                f"voor gemeente {dossier.regie_gemeente.naam}",
                SDI014,
            )
        )
    if (
        soort == "aanbod"
        and instellingen.lijst_bekend()
        and instellingen.erkend(g["instellingsnummer"]) is None
    ):
        uit.append(
            Weigering(
                "INSTELLING_NIET_ERKEND",
                f"instelling {g['instellingsnummer']} staat niet in DUO's lijst van erkende "
                "instellingen (keurmerk Blik op Werk of taalschakeltraject)",
                SDI014,
            )
        )
    if soort == "aanbod":
        for veld in ("datum_aanbod", "verwachte_start", "verwachte_eind"):
            datum = _d(g.get(veld))
            if datum is None:
                continue
            if pip is not None and datum < pip.datum:
                uit.append(
                    Weigering(
                        "VOOR_DAGTEKENING_PIP",
                        f"{datum} ligt vóór de dagtekening van de actuele PIP ({pip.datum})",
                        SDI014,
                    )
                )
            if veld != "datum_aanbod" and start and eind and not start <= datum <= eind:
                uit.append(
                    Weigering(
                        "BUITEN_TERMIJN",
                        f"{datum} ligt buiten de inburgeringstermijn ({start} t/m {eind})",
                        SDI014,
                    )
                )
    if soort in ("map", "pvt", "verwijtbaar"):
        onderdeel = g.get("onderdeel", soort)
        if soort == "map" and uitkomst.conclusie("map_vereist").waarde is False:
            uit.append(
                Weigering(
                    "MAP_NIET_IN_ROUTE",
                    "de MAP hoort niet bij de onderwijsroute (Wet inburgering 2021, art. 8 lid 3)",
                    SDI016,
                )
            )
        if zroute_af is not None:
            uit.append(
                Weigering(
                    "PLICHT_VOLDAAN_ZROUTE",
                    f"de inburgeringsplicht is voldaan via de Z-route ({zroute_af.datum})",
                    SDI016,
                )
            )
        datum = _d(g.get("datum"))
        verwijtbaar = g.get("verwijtbaar") if soort != "verwijtbaar" else g["waarde"]
        if verwijtbaar and datum and eind and datum <= eind:
            uit.append(
                Weigering(
                    "VERWIJTBAAR_BIJ_TIJDIGE_DATUM",
                    f"de {onderdeel.upper()}-datum {datum} ligt binnen de termijn: "
                    "'verwijtbaar' mag dan niet worden meegestuurd",
                    SDI016,
                )
            )
        if soort != "verwijtbaar" and not verwijtbaar and eind and peildatum > eind:
            uit.append(
                Weigering(
                    "VERWIJTBAAR_VEREIST",
                    f"de termijn is overschreden (eind {eind}): DUO vraagt 'verwijtbaar' ja/nee",
                    SDI016,
                )
            )
    if soort == "zroute" and g.get("datum"):
        datum = _d(g["datum"])
        assert datum is not None
        if pip is None or pip.gegevens.get("leerroute") != "z_route":
            uit.append(Weigering("GEEN_ZROUTE", "de actuele PIP is geen Z-route", SDI016))
        if start is None:
            uit.append(Weigering("GEEN_TERMIJN", "er is nog geen inburgeringstermijn", SDI016))
        elif datum < start:
            uit.append(
                Weigering("VOOR_TERMIJNSTART", f"{datum} ligt vóór de termijnstart {start}", SDI016)
            )
        if datum > peildatum:
            uit.append(Weigering("IN_TOEKOMST", f"{datum} ligt in de toekomst", SDI016))
    if (
        soort == "uren"
        and g["soort"] == "participatieactiviteiten"
        and doelgroep is not None
        and not asiel
    ):
        uit.append(
            Weigering(
                "GEEN_ASIELSTATUSHOUDER",
                "uren participatieactiviteiten gelden alleen voor asielstatushouders",
                SDI016,
            )
        )
    return uit


def weigeringen(
    *,
    dossier: Dossier,
    soort: str,
    gegevens: dict[str, Any],
    feiten: list[TijdlijnFeit],
    peildatum: date | None = None,
) -> list[Weigering]:
    """Everything DUO would refuse about this delivery (empty: send it)."""
    peildatum = peildatum or timezone.localdate()
    uit: list[Weigering] = []
    if not dossier.regie_gemeente.oin:
        uit.append(
            Weigering(
                "GEEN_OIN",
                f"gemeente {dossier.regie_gemeente.naam} heeft geen OIN; DUO kan het bericht "
                "niet toewijzen. Laat de functioneel beheerder het OIN vastleggen.",
            )
        )
    eigen_feiten = feiten_voor_pip(feiten, gegevens) if soort == "pip" else feiten
    uitkomst = regels.conclusies_voor(
        dossier, eigen_feiten, peildatum=peildatum, vragen=_vragen(soort, gegevens, peildatum)
    )
    for antwoord in uitkomst.antwoorden:
        uit.extend(
            Weigering(w.code.value, w.toelichting, _grondslag(w)) for w in antwoord.weigeringen
        )
    uit.extend(_lokaal(soort, gegevens, dossier, eigen_feiten, uitkomst, peildatum))
    return uit
