"""Legal bases (grondslagen) of the rules, each defined exactly once.

Every rule, parameter and refusal code cites one of the constants below; nothing else in the
package builds a ``Grondslag``. ``zekerheid`` is the evidence tag of ``shared/domain/law.md``
(§0.1): C confirmed, S secondary, R researcher's own knowledge, UNCONFIRMED not confirmed.
Where law.md names no article, ``artikel`` says what the rule is about and that the article
number is still to be verified (law.md §15), rather than guessing a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Zekerheid(StrEnum):
    """Evidence tag of a rule (law.md §0.1)."""

    C = "C"
    S = "S"
    R = "R"
    UNCONFIRMED = "UNCONFIRMED"

    @property
    def te_verifieren(self) -> bool:
        """R and UNCONFIRMED rules must be checked against wetten.overheid.nl before go-live."""
        return self in (Zekerheid.R, Zekerheid.UNCONFIRMED)


@dataclass(frozen=True, slots=True)
class Grondslag:
    """The legal basis of a rule: which regulation, which article, how certain."""

    regeling: str
    artikel: str
    zekerheid: Zekerheid
    # Short explanation for the case manager and the docs; not part of the JSON contract.
    omschrijving: str = field(default="", compare=False)

    def als_json(self) -> dict[str, str]:
        return {
            "regeling": self.regeling,
            "artikel": self.artikel,
            "zekerheid": self.zekerheid.value,
        }

    def __str__(self) -> str:
        return f"{self.regeling}, art. {self.artikel} [{self.zekerheid.value}]"


WI = "Wet inburgering 2021"
BESLUIT = "Besluit inburgering 2021"
REGELING = "Regeling inburgering 2021"
PARTICIPATIEWET = "Participatiewet"
AOW = "Algemene Ouderdomswet"
AWB = "Algemene wet bestuursrecht"
DUO_M2M = "DUO Inburgeringsketen M2M gegevensuitwisseling"
BELEIDSKADER = "Beleidskader Veranderopgave Inburgering (Cranendonck, Nederweert, Weert)"

# --- Who is obliged (law.md §1) -------------------------------------------------------------

OVERGANGSRECHT_WI2013 = Grondslag(
    WI,
    "overgangsrecht (plicht ontstaan vóór 2022-01-01 valt onder Wi 2013; artikel te verifiëren)",
    Zekerheid.C,
    "R1.1: wie vóór 1-1-2022 inburgeringsplichtig werd, blijft onder de Wet inburgering 2013.",
)
PLICHT_AANVANG = Grondslag(
    WI,
    "3 (aanvang plicht bij bekendmaking verblijfsrecht)",
    Zekerheid.C,
    "R1.2: de plicht begint op de datum waarop de IND het verblijfsrecht bekendmaakte.",
)
PLICHT_VERBLIJFSDOEL = Grondslag(
    WI,
    "3 lid 1",
    Zekerheid.S,
    "R1.3: rechtmatig verblijf asiel of regulier voor een niet-tijdelijk doel.",
)
PLICHT_LEEFTIJD = Grondslag(
    WI,
    "3 (18 jaar tot pensioengerechtigde leeftijd)",
    Zekerheid.C,
    "R1.4: plicht vanaf 18 jaar en onder de AOW-leeftijd.",
)
AOW_LEEFTIJD = Grondslag(
    AOW,
    "7a (pensioengerechtigde leeftijd)",
    Zekerheid.R,
    "R1.4: AOW-leeftijd 67 (2024-2027), 67 + 3 maanden (2028); uit een tabel te lezen.",
)
PLICHT_UITZONDERINGEN = Grondslag(
    WI,
    "3 (uitzonderingen: EU/EER/Zwitserland, tijdelijk verblijf, 8 jaar leerplichtig)",
    Zekerheid.C,
    "R1.5: niet inburgeringsplichtig.",
)
PLICHT_EINDE = Grondslag(
    DUO_M2M,
    "gebeurtenis SS110/SS111 (einde plicht; artikel Wi te verifiëren)",
    Zekerheid.C,
    "R2.9: plicht eindigt bij naturalisatie, AOW-leeftijd, vertrek of overlijden.",
)
PLICHT_VOLDAAN = Grondslag(
    DUO_M2M,
    "gebeurtenis SS106/SS107/SS108, afronding Z-route (SDI016)",
    Zekerheid.C,
    "R2.8: voldaan door diploma, volledige vrijstelling, volledige ontheffing of Z-route.",
)
VRIJSTELLING_DIPLOMA = Grondslag(
    REGELING,
    "2.1",
    Zekerheid.C,
    "R1.11: diploma's die volledige vrijstelling geven (Wi art. 4 lid 1 onder b); DUO beslist.",
)
DOELGROEP_ASIELSTATUSHOUDER = Grondslag(
    WI,
    "13 lid 1",
    Zekerheid.C,
    "R1.7: asielstatushouder = inburgeringsplichtige als bedoeld in art. 13 lid 1.",
)
DOELGROEP_GEZINSMIGRANT_OVERIG = Grondslag(
    WI,
    "13 (overige inburgeringsplichtigen)",
    Zekerheid.C,
    "R1.8: iedere andere inburgeringsplichtige.",
)
DOELGROEP_WISSEL = Grondslag(
    DUO_M2M,
    "gebeurtenis SS124/SS125 (afzien van asielrechten en -plichten)",
    Zekerheid.C,
    "R1.9: doelgroep asiel -> gezin/overig (SS124) en terug (SS125).",
)
REGIE_GEMEENTE = Grondslag(
    WI,
    "1 (college: woongemeente of huisvestende gemeente)",
    Zekerheid.C,
    "S1/R3.4: regie vanaf koppeling door het COA; daarna de woongemeente.",
)

# --- PIP and term (law.md §2, §4) -----------------------------------------------------------

PIP_TERMIJN = Grondslag(
    BESLUIT,
    "5.3",
    Zekerheid.S,
    "R4.3: PIP binnen 10 weken na SS139; bij informatie van derden uiterlijk 2 weken na ontvangst.",
)
INBURGERINGSTERMIJN = Grondslag(
    WI,
    "11",
    Zekerheid.C,
    "R2.1/R2.2: termijn van 3 jaar vanaf de dag na dagtekening van het eerste PIP.",
)
VERLENGING_TERMIJN = Grondslag(
    WI,
    "12",
    Zekerheid.C,
    "R2.5: DUO verlengt de termijn; de einddatum van DUO is leidend.",
)
PVT_VEREIST = Grondslag(
    BESLUIT,
    "3.1",
    Zekerheid.S,
    "R6.2/R6.3: participatieverklaringstraject in elke leerroute.",
)
MAP_VEREIST = Grondslag(
    WI,
    "8 lid 3",
    Zekerheid.S,
    "R6.7: MAP in de B1-route en de Z-route, niet in de onderwijsroute.",
)
ZROUTE_UREN = Grondslag(
    BESLUIT,
    "3.14",
    Zekerheid.S,
    "R5.12: 800 uur taal/KNM plus 800 uur participatie (asiel); 800 uur (gezin/overig).",
)
ZROUTE_PARTICIPATIE_GEZINSMIGRANT = Grondslag(
    BESLUIT,
    "3.14 (participatiecomponent gezinsmigrant)",
    Zekerheid.UNCONFIRMED,
    "R11.5: of een gezinsmigrant in de bijstand ook participatie-uren moet krijgen.",
)
VOORTGANGSGESPREKKEN = Grondslag(
    BELEIDSKADER,
    "voortgangsgesprekken (minimaal 2 in de eerste 12 maanden; wettelijke basis onbevestigd)",
    Zekerheid.UNCONFIRMED,
    "R7.2: lokale norm uit het beleidskader; mogelijk Wi art. 17.",
)
VOORTGANG_VOLGEN = Grondslag(
    WI,
    "17",
    Zekerheid.R,
    "R7.1: het college volgt de voortgang.",
)

# --- Support (law.md §8) ---------------------------------------------------------------------

ONTZORGEN_DOELGROEP = Grondslag(
    PARTICIPATIEWET,
    "56a",
    Zekerheid.C,
    "R8.5: inburgeringsplichtigen in de bijstand met een verblijfsvergunning asiel.",
)
ONTZORGEN_DUUR = Grondslag(
    PARTICIPATIEWET,
    "56a (ten minste de eerste 6 maanden)",
    Zekerheid.R,
    "R8.6: vaste lasten ten minste 6 maanden; te verifiëren tegen art. 56a Pw.",
)
MAATSCHAPPELIJKE_BEGELEIDING = Grondslag(
    WI,
    "maatschappelijke begeleiding asielstatushouders (artikel te verifiëren)",
    Zekerheid.C,
    "R8.1: begeleiding voor inburgeringsplichtige asielstatushouders.",
)

# --- DUO validation rules (law.md R4.5, R6.5, R6.10, §10.3; DUO M2M README) -----------------

PIP_AANLEVEREN = Grondslag(
    DUO_M2M,
    "PIP API (SDI014): voorwaarden registratie PIP",
    Zekerheid.C,
    "R4.5: DUO registreert een PIP alleen als aan deze voorwaarden is voldaan.",
)
PIP_DAGTEKENING_START_PLICHT = Grondslag(
    DUO_M2M,
    "PIP API (SDI014): dagtekening niet vóór start inburgeringsplicht",
    Zekerheid.C,
)
PIP_DAGTEKENING_VESTIGING = Grondslag(
    DUO_M2M,
    "PIP API (SDI014): dagtekening niet vóór vestiging in de gemeente",
    Zekerheid.C,
)
PIP_DAGTEKENING_EERDERE_PIP = Grondslag(
    DUO_M2M,
    "PIP API (SDI014): dagtekening gewijzigd PIP niet vóór initiële of actuele PIP",
    Zekerheid.C,
)
PIP_NIVEAU_LEERROUTE = Grondslag(
    DUO_M2M,
    "PIP API (SDI014): niveau A2 niet met onderwijsroute, B1 niet met Z-route",
    Zekerheid.C,
)
PIP_A2_EERSTE_PIP = Grondslag(
    DUO_M2M,
    "PIP API (SDI014): A2 met B1-route niet in het eerste PIP",
    Zekerheid.C,
)
PIP_INTENSITEIT_B1 = Grondslag(
    DUO_M2M,
    "PIP API (SDI014): geschatte intensiteit alleen bij B1-route en asielmigranten",
    Zekerheid.C,
    "DUO M2M README, 'Het aanleveren van een PIP': geschatte intensiteit B1-route mag alleen "
    "worden aangeleverd bij de B1-route en bij asielmigranten.",
)
PIP_NIVEAU_STANDAARD = Grondslag(
    DUO_M2M,
    "PIP API (SDI014): zonder niveau stelt DUO B1 vast (B1-route, onderwijsroute)",
    Zekerheid.C,
)
AFSCHALEN = Grondslag(
    BESLUIT,
    "5.5",
    Zekerheid.S,
    "R5.6: afschalen B1 -> A2 in de B1-route na 600 uur bij een aanbieder met keurmerk.",
)
KEURMERK = Grondslag(
    WI,
    "32 (keurmerk)",
    Zekerheid.S,
    "§13.12: uren bij een aanbieder zonder keurmerk tellen niet mee.",
)
PVT_MAP_REGISTREREN = Grondslag(
    DUO_M2M,
    "MAP, PVT, Z-route API (SDI016): datum niet vóór termijnstart, niet in de toekomst, "
    "niet na afronding Z-route",
    Zekerheid.C,
    "R6.5/R6.10.",
)
VERWIJTBAAR_MELDEN = Grondslag(
    DUO_M2M,
    "MAP, PVT, Z-route API (SDI016): verwijtbaar Ja na overschrijding, Nee binnen 2 maanden "
    "voor einde termijn",
    Zekerheid.C,
    "R6.5/§13.9.",
)
AANBOD_AANLEVEREN = Grondslag(
    DUO_M2M,
    "Inburgeringsaanbod API (SDI014): alleen asielmigrant, met PIP, aanbieder met keurmerk",
    Zekerheid.C,
    "R11.2/§10.3.",
)

# --- Enforcement (law.md §9) -----------------------------------------------------------------

BOETE_BREDE_INTAKE = Grondslag(
    WI,
    "22",
    Zekerheid.C,
    "R3.5/§9.2: boete van het college bij verwijtbaar niet meewerken aan brede intake/PIP; "
    "max. EUR 800.",
)
BOETE_PIP_NALEVING = Grondslag(
    WI,
    "23",
    Zekerheid.C,
    "§9.2: boete van het college bij verwijtbaar niet naleven van het PIP; max. EUR 800.",
)
BOETE_MAXIMUM = Grondslag(
    WI,
    "22 en 23 (maximumbedrag)",
    Zekerheid.C,
    "§9.2 / S10: een boete van het college is ten hoogste EUR 800 per boete.",
)
GEEN_BOETE_ZONDER_VERWIJT = Grondslag(
    AWB,
    "5:41",
    Zekerheid.R,
    "R9.1: geen boete als de overtreding niet verwijtbaar is.",
)

# --- Exams (law.md §5.1) ---------------------------------------------------------------------

GRATIS_EXAMENPOGINGEN = Grondslag(
    REGELING,
    "3.5",
    Zekerheid.S,
    "R5.4: asielstatushouders hebben per examenonderdeel 2 gratis pogingen.",
)
GRATIS_EXAMENPOGINGEN_KNM = Grondslag(
    REGELING,
    "3.5 lid 3",
    Zekerheid.C,
    "R5.4: de gratis pogingen gelden ook voor KNM (wijziging 2022).",
)
EXAMEN_LAGER_NIVEAU = Grondslag(
    REGELING,
    "3.5 (niet gratis onder het niveau van het PIP)",
    Zekerheid.S,
    "R5.4/R5.7: een poging op een lager niveau dan het PIP is niet gratis.",
)


def uniek(*grondslagen: Grondslag) -> tuple[Grondslag, ...]:
    """The given bases without duplicates, in order (a parameter usually shares its rule's).

    Compares by identity: every basis is one of the constants above, so this is exact and
    far cheaper than hashing dataclasses on the engine's hot path.
    """
    uit: list[Grondslag] = []
    for grondslag in grondslagen:
        for gezien in uit:
            if gezien is grondslag:
                break
        else:
            uit.append(grondslag)
    return tuple(uit)
