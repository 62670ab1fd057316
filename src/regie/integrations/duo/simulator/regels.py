"""DUO's registration rules, as DUO documents them (README of the M2M specifications, the
descriptions in the OpenAPI files; law.md §10). Each function returns DUO's refusal texts
(``fouttekst``, at most 200 characters); an empty list means DUO registers the message.

These are deliberately written from DUO's text, independently of Regie's rules engine: the
simulator is there to catch a mismatch between what Regie checks and what DUO checks.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from regie.integrations.duo.simulator.staat import ASIEL, INSTELLINGEN, Persoon


def _plus_maanden(datum: date, maanden: int) -> date:
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar += datum.year
    maand += 1
    for dag in (datum.day, 30, 29, 28):
        try:
            return date(jaar, maand, dag)
        except ValueError:
            continue
    raise ValueError(datum)


def plus_jaren(datum: date, jaren: int) -> date:
    return _plus_maanden(datum, 12 * jaren)


def relevant(persoon: Persoon, gemeente_oin: str, vandaag: date) -> bool:
    """README 'Scope': resident (or COA-linked) in the municipality, or its current PIP is the
    municipality's, or the current PIP is under a month old and the previous one was."""
    if persoon.gemeente_oin == gemeente_oin:
        return True
    actueel = persoon.actuele_pip
    if actueel is None:
        return False
    if actueel.gemeente_oin == gemeente_oin:
        return True
    if len(persoon.pips) > 1 and actueel.geregistreerd_op > _plus_maanden(vandaag, -1):
        return persoon.pips[-2].gemeente_oin == gemeente_oin
    return False


def pip(persoon: Persoon, body: dict[str, Any], vandaag: date) -> list[str]:
    """PIP API, 'Het aanleveren van een PIP'."""
    fouten: list[str] = []
    dagtekening = date.fromisoformat(body["dagtekeningPip"])
    leerroute = body["leerroute"]
    niveau = body.get("niveau")
    if dagtekening < persoon.plicht_begin:
        fouten.append("De datum dagtekening ligt voor de start van de inburgeringsplicht.")
    eerste, actueel = persoon.eerste_pip, persoon.actuele_pip
    if (
        eerste is not None
        and actueel is not None
        and dagtekening < max(eerste.dagtekening, actueel.dagtekening)
    ):
        fouten.append(
            "De datum dagtekening ligt voor de dagtekening van de initiële of actuele PIP."
        )
    if persoon.vestiging is None:
        fouten.append("De inburgeraar is nog niet in de gemeente gevestigd.")
    elif dagtekening < persoon.vestiging:
        fouten.append("De datum dagtekening ligt voor de vestiging bij de gemeente.")
    if niveau == "A2" and leerroute == "O":
        fouten.append("Niveau A2 kan niet in combinatie met de onderwijsroute.")
    if niveau == "B1" and leerroute == "Z":
        fouten.append("Niveau B1 kan niet in combinatie met de Z-route.")
    if niveau == "A2" and leerroute == "B" and eerste is None:
        fouten.append("Niveau A2 met de B1-route kan niet in de eerste PIP.")
    if "geschatteIntensiteitB1Route" in body and (leerroute != "B" or persoon.doelgroep != ASIEL):
        fouten.append(
            "Geschatte intensiteit B1-route alleen bij de B1-route en bij asielmigranten."
        )
    return fouten


def pip_verwijderen(persoon: Persoon, vandaag: date) -> list[str]:
    """PIP API, 'Het verwijderen van een PIP'."""
    fouten: list[str] = []
    if persoon.termijn is not None and persoon.termijn.startdatum <= vandaag:
        fouten.append("De inburgeringstermijn is al vastgesteld.")
    if any(u.get("taalles") for u in persoon.uren.values()):
        fouten.append("Er zijn al cursusdeelnameuren geregistreerd.")
    return fouten


def instelling(instellingsnummer: str) -> dict[str, Any] | None:
    return next((i for i in INSTELLINGEN if i["instellingsnummer"] == instellingsnummer), None)


def aanbod(
    persoon: Persoon, instellingsnummer: str, body: dict[str, Any], vandaag: date
) -> list[str]:
    """Inburgeringsaanbod API: asylum only, a PIP, a recognised institution, dates."""
    fouten: list[str] = []
    if persoon.doelgroep != ASIEL:
        fouten.append("Het inburgeringsaanbod is alleen voor asielmigranten.")
    actueel = persoon.actuele_pip
    if actueel is None:
        fouten.append("De persoon heeft geen PIP.")
    gevonden = instelling(instellingsnummer)
    onderwijsroute = actueel is not None and actueel.leerroute == "O"
    if gevonden is None:
        fouten.append("De opleidingsinstelling is niet bekend bij DUO.")
    elif onderwijsroute and not gevonden.get("indicatieTstKeurmerk"):
        fouten.append("Voor de onderwijsroute moet de instelling een erkende TST zijn.")
    elif not onderwijsroute and not gevonden.get("indicatieBowKeurmerk"):
        fouten.append("De opleidingsinstelling heeft geen keurmerk van Blik op Werk.")
    datums = {
        veld: date.fromisoformat(body[veld])
        for veld in (
            "datumInburgeringsaanbod",
            "verwachteStartdatumOpleiding",
            "verwachteEinddatumOpleiding",
        )
        if body.get(veld)
    }
    if actueel is not None and any(d < actueel.dagtekening for d in datums.values()):
        fouten.append("De data van het aanbod liggen voor de dagtekening van de actuele PIP.")
    start = datums.get("verwachteStartdatumOpleiding")
    eind = datums.get("verwachteEinddatumOpleiding")
    aanbod_datum = datums.get("datumInburgeringsaanbod")
    if start and aanbod_datum and start < aanbod_datum:
        fouten.append("De startdatum van de opleiding ligt voor de datum inburgeringsaanbod.")
    if start and eind and eind < start:
        fouten.append("De einddatum van de opleiding ligt voor de startdatum.")
    termijn = persoon.termijn
    if termijn is not None and any(
        d is not None and not termijn.startdatum <= d < termijn.einddatum for d in (start, eind)
    ):
        fouten.append("De opleidingsdata liggen buiten de inburgeringstermijn.")
    return fouten


def _eind_inclusief(persoon: Persoon) -> date | None:
    return persoon.termijn.einddatum - timedelta(days=1) if persoon.termijn else None


def datum_met_verwijtbaar(
    persoon: Persoon,
    onderdeel: str,
    datum: date | None,
    verwijtbaar: str | None,
    gemeente_oin: str,
    vandaag: date,
) -> list[str]:
    """MAP/PVT API: datum eindgesprek MAP or datum ondertekening PVT, with 'verwijtbaar'."""
    wat = "datum eindgesprek MAP" if onderdeel == "map" else "datum ondertekening PVT"
    fouten: list[str] = []
    vorige = persoon.map if onderdeel == "map" else persoon.pvt
    if vorige is not None and vorige["gemeente_oin"] != gemeente_oin:
        fouten.append(f"De {wat} is eerder niet door uw gemeente geleverd.")
    actueel = persoon.actuele_pip
    if actueel is None or actueel.gemeente_oin != gemeente_oin:
        fouten.append("Uw gemeente heeft geen actuele PIP voor de inburgeringsplichtige.")
    if onderdeel == "map" and actueel is not None and actueel.leerroute == "O":
        fouten.append("De MAP is geen onderdeel van de onderwijsroute.")
    if persoon.zroute is not None:
        fouten.append("De inburgeringsplicht is al voldaan via de Z-route.")
    termijn = persoon.termijn
    eind = _eind_inclusief(persoon)
    if termijn is None:
        fouten.append("Er is nog geen inburgeringstermijn.")
    if datum is not None:
        if termijn is not None and datum < termijn.startdatum:
            fouten.append(f"De {wat} ligt voor de startdatum van de inburgeringstermijn.")
        if datum > vandaag:
            fouten.append(f"De {wat} ligt in de toekomst.")
    overschreden = eind is not None and vandaag > eind
    if verwijtbaar is None and overschreden:
        fouten.append("De termijn is overschreden: 'Verwijtbaar' is verplicht.")
    if verwijtbaar is not None and eind is not None:
        if datum is not None and datum <= eind:
            fouten.append(f"'Verwijtbaar' mag niet mee als de {wat} voor de einddatum ligt.")
        if verwijtbaar == "Nee" and vandaag < _plus_maanden(eind, -2):
            fouten.append(
                "'Verwijtbaar' Nee kan alleen als de termijn binnen twee maanden eindigt."
            )
        if verwijtbaar == "Ja" and not overschreden:
            fouten.append("'Verwijtbaar' Ja kan alleen bij een overschrijding van de termijn.")
    return fouten


def zroute(persoon: Persoon, datum: date | None, gemeente_oin: str, vandaag: date) -> list[str]:
    fouten: list[str] = []
    actueel = persoon.actuele_pip
    if actueel is None or actueel.gemeente_oin != gemeente_oin:
        fouten.append("Uw gemeente heeft geen actuele PIP voor de inburgeringsplichtige.")
    elif actueel.leerroute != "Z":
        fouten.append("De actuele PIP is geen Z-route.")
    if datum is not None:
        if persoon.termijn is None:
            fouten.append("Er is nog geen inburgeringstermijn.")
        elif datum < persoon.termijn.startdatum:
            fouten.append("De datum afronding Z-route ligt voor de start van de termijn.")
        if datum > vandaag:
            fouten.append("De datum afronding Z-route ligt in de toekomst.")
    return fouten
