"""Every operation of DUO's published M2M APIs: which API, its version, method and path.

Transcribed from DUO's OpenAPI specifications (github.com/duonl/gemeente-m2m-inburgering); the
contract tests check this table against the specs, so a new or changed operation there fails
the suite until it is added here. Paths are relative to ``{base}/v{major}``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Api:
    naam: str  # folder name in DUO's repository
    versie: str  # sent as API-Version
    stelseldienst: str

    @property
    def major(self) -> str:
        return self.versie.split(".", 1)[0]


INBURGERINGSPLICHT = Api("Inburgeringsplicht", "1.2.2", "SDI005")
LEERBAARHEIDSTOETS = Api("Leerbaarheidstoets", "1.2.0", "SDI006")
INBURGERINGSTERMIJN = Api("Inburgeringstermijn", "1.0.0", "SDI007")
VRIJSTELLING = Api("Vrijstelling", "1.0.0", "SDI012")
ONTHEFFING = Api("Ontheffing", "1.0.0", "SDI013")
PIP = Api("PIP", "1.2.0", "SDI014")
CONTACTPERSOON = Api("Contactpersoon", "1.0.0", "SDI014")
INBURGERINGSAANBOD = Api("Inburgeringsaanbod", "1.2.0", "SDI014")
MAP_PVT_ZROUTE = Api("MAP-PVT-Zroute", "1.0.0", "SDI016")
GEVOLGDE_UREN = Api("GevolgdeUren", "1.0.0", "SDI016")
EXAMEN = Api("Examen", "1.0.0", "SDI017")
NOTIFICATIE = Api("Notificatie", "1.8.0", "")

APIS: tuple[Api, ...] = (
    INBURGERINGSPLICHT,
    LEERBAARHEIDSTOETS,
    INBURGERINGSTERMIJN,
    VRIJSTELLING,
    ONTHEFFING,
    PIP,
    CONTACTPERSOON,
    INBURGERINGSAANBOD,
    MAP_PVT_ZROUTE,
    GEVOLGDE_UREN,
    EXAMEN,
)


@dataclass(frozen=True)
class Operatie:
    operation_id: str
    api: Api
    methode: str
    pad: str  # with {bsn}, {id}, {instellingsnummer}
    # Whether DUO answers a functional refusal as 403 with a list of {"fouttekst"}.
    weigering_met_fouttekst: bool = False

    @property
    def muteert(self) -> bool:
        return self.methode != "GET"


def _op(operation_id: str, api: Api, methode: str, pad: str, fouttekst: bool = False) -> Operatie:
    return Operatie(operation_id, api, methode, pad, fouttekst)


OPERATIES: dict[str, Operatie] = {
    op.operation_id: op
    for op in (
        # Inburgeringsplicht (SDI005)
        _op("getDoelgroepByBsn", INBURGERINGSPLICHT, "GET", "/personen/{bsn}/doelgroep"),
        _op(
            "getDoelgroephistorieByBsn",
            INBURGERINGSPLICHT,
            "GET",
            "/personen/{bsn}/doelgroep/historie",
        ),
        _op(
            "getInburgeringsplichtByBsn",
            INBURGERINGSPLICHT,
            "GET",
            "/personen/{bsn}/inburgeringsplicht",
        ),
        _op(
            "getInburgeringsplichthistorieByBsn",
            INBURGERINGSPLICHT,
            "GET",
            "/personen/{bsn}/inburgeringsplicht/historie",
        ),
        # Leerbaarheidstoets (SDI006)
        _op("getExamennummerByBsn", LEERBAARHEIDSTOETS, "GET", "/personen/{bsn}/lbt/examennummer"),
        _op(
            "deleteExamennummerByBsn",
            LEERBAARHEIDSTOETS,
            "DELETE",
            "/personen/{bsn}/lbt/examennummer",
        ),
        _op("getLbtResultatenByBsn", LEERBAARHEIDSTOETS, "GET", "/personen/{bsn}/lbt/resultaten"),
        # Inburgeringstermijn (SDI007)
        _op(
            "getInburgeringstermijnByBsn",
            INBURGERINGSTERMIJN,
            "GET",
            "/personen/{bsn}/inburgeringstermijn",
        ),
        _op(
            "getInburgeringstermijnhistorieByBsn",
            INBURGERINGSTERMIJN,
            "GET",
            "/personen/{bsn}/inburgeringstermijn/historie",
        ),
        _op("getVerlengingsgronden", INBURGERINGSTERMIJN, "GET", "/verlengingsgronden"),
        # Vrijstelling (SDI012), Ontheffing (SDI013)
        _op("getVrijstellingenByBsn", VRIJSTELLING, "GET", "/personen/{bsn}/vrijstellingen"),
        _op("getOntheffingenByBsn", ONTHEFFING, "GET", "/personen/{bsn}/ontheffingen"),
        # PIP (SDI014)
        _op("getPipByBsn", PIP, "GET", "/personen/{bsn}/PIP"),
        _op("postPipByBsn", PIP, "POST", "/personen/{bsn}/PIP", fouttekst=True),
        _op("deletePipByBsn", PIP, "DELETE", "/personen/{bsn}/PIP", fouttekst=True),
        # Contactpersoon (SDI014)
        _op("createContactpersoon", CONTACTPERSOON, "POST", "/contactpersonen", fouttekst=True),
        _op(
            "updateContactpersoonById",
            CONTACTPERSOON,
            "PUT",
            "/contactpersonen/{id}",
            fouttekst=True,
        ),
        _op("deleteContactpersoonById", CONTACTPERSOON, "DELETE", "/contactpersonen/{id}"),
        _op(
            "postContactpersoonByBsn",
            CONTACTPERSOON,
            "POST",
            "/contactpersonen/{id}/personen/{bsn}",
        ),
        _op(
            "deleteContactpersoonByBsn",
            CONTACTPERSOON,
            "DELETE",
            "/contactpersonen/{id}/personen/{bsn}",
        ),
        # Inburgeringsaanbod (SDI014)
        _op("getInstellingen", INBURGERINGSAANBOD, "GET", "/instellingen"),
        _op(
            "postInburgeringsaanbodByBsnAndInstellingsnummer",
            INBURGERINGSAANBOD,
            "POST",
            "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
            fouttekst=True,
        ),
        _op(
            # (sic: "Instellingsnumer" is how DUO's specification spells this operation id)
            "deleteInburgeringsaanbodByBsnAndInstellingsnumer",
            INBURGERINGSAANBOD,
            "DELETE",
            "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
            fouttekst=True,
        ),
        # MAP, PVT, Z-route (SDI016)
        _op("getMapByBsn", MAP_PVT_ZROUTE, "GET", "/personen/{bsn}/map"),
        _op("updateMapByBsn", MAP_PVT_ZROUTE, "PUT", "/personen/{bsn}/map", fouttekst=True),
        _op("getPvtByBsn", MAP_PVT_ZROUTE, "GET", "/personen/{bsn}/pvt"),
        _op("updatePvtByBsn", MAP_PVT_ZROUTE, "PUT", "/personen/{bsn}/pvt", fouttekst=True),
        _op("updateZrouteByBsn", MAP_PVT_ZROUTE, "PUT", "/personen/{bsn}/zroute", fouttekst=True),
        # Gevolgde uren (SDI016)
        _op("getGevolgdeUrenByBsn", GEVOLGDE_UREN, "GET", "/personen/{bsn}/uren"),
        _op(
            "updateUrenTaallesEnKnmByBSN",
            GEVOLGDE_UREN,
            "PUT",
            "/personen/{bsn}/uren/bredeintake/taallesknm",
        ),
        _op(
            "updateUrenParticipatieactiviteiten",
            GEVOLGDE_UREN,
            "PUT",
            "/personen/{bsn}/uren/participatieactiviteiten",
        ),
        _op(
            "updateUrenParticipatieAlsTaallesByBsn",
            GEVOLGDE_UREN,
            "PUT",
            "/personen/{bsn}/uren/participatietaalles",
        ),
        # Examen (SDI017)
        _op(
            "getGratisPogingenTegoedByBsn",
            EXAMEN,
            "GET",
            "/personen/{bsn}/examens/gratispogingen",
        ),
        _op("getExamenresultatenByBsn", EXAMEN, "GET", "/personen/{bsn}/examens/resultaten"),
    )
}

# Regie hosts this one (DUO -> municipality).
NOTIFICATIE_OPERATIE = _op("opvoerenNotificatie", NOTIFICATIE, "POST", "/notificaties")
