"""The DUO adapter: one typed method per published operation, named after its operationId.

    client = DuoClient.voor_gemeente(dossier.regie_gemeente)
    termijn = client.get_inburgeringstermijn_by_bsn(bsn)

Every request carries DUO's headers (Digikoppeling REST, DUO's interaction patterns): ``bron``
(the OIN of the municipality responsible for the dossier), ``doel`` (DUO's OIN), a fresh
``berichtId`` (or the outbox's own, so a resend is recognised) and ``API-Version`` (the full
version of the API's specification). Errors become the exceptions of ``fouten``. Nothing here
logs a BSN: log lines name the operation and the berichtId only.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from typing import Any, cast

import httpx

from regie.integrations.duo import conf
from regie.integrations.duo.client import typen as t
from regie.integrations.duo.client.fouten import (
    DuoAuthenticatieFout,
    DuoConfiguratieFout,
    DuoNietBereikbaar,
    DuoNietBeschikbaar,
    DuoNietGeautoriseerd,
    DuoNietGevonden,
    DuoOngeldigVerzoek,
    DuoServerFout,
    DuoTechnischeFout,
    DuoTimeout,
    DuoWeigering,
)
from regie.integrations.duo.client.operaties import OPERATIES, Operatie
from regie.integrations.duo.client.transport import http_client

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Antwoord:
    status: int
    data: Any
    bericht_id: str
    api_versie: str


def _foutteksten(response: httpx.Response) -> tuple[str, ...]:
    try:
        data = response.json()
    except ValueError:
        return ()
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        return ()
    return tuple(
        str(item["fouttekst"]) for item in data if isinstance(item, dict) and item.get("fouttekst")
    )


def fout_voor(response: httpx.Response, operatie: Operatie) -> Exception:
    """The exception for a non-2xx answer."""
    status = response.status_code
    teksten = _foutteksten(response)
    if status == 400:
        return DuoOngeldigVerzoek(
            "DUO kon het bericht niet verwerken (ongeldig verzoek)", status=status
        )
    if status == 401:
        return DuoAuthenticatieFout("DUO accepteerde het certificaat niet", status=status)
    if status == 403:
        if teksten:
            return DuoWeigering("DUO weigerde het bericht", status=status, foutteksten=teksten)
        return DuoNietGeautoriseerd(
            "DUO: niet geautoriseerd voor deze persoon of dit gegeven", status=status
        )
    if status == 404:
        return DuoNietGevonden("DUO kent deze persoon of dit gegeven niet", status=status)
    if status == 503:
        return DuoNietBeschikbaar("DUO is tijdelijk niet beschikbaar (onderhoud)", status=status)
    if status >= 500:
        return DuoServerFout(f"DUO gaf een serverfout ({status})", status=status)
    return DuoServerFout(f"Onverwacht antwoord van DUO ({status})", status=status)


class DuoClient:
    """Calls DUO on behalf of one municipality (its OIN is the 'bron' of every message)."""

    def __init__(self, *, bron_oin: str, http: httpx.Client) -> None:
        if not (len(bron_oin) == 20 and bron_oin.isdigit()):
            raise DuoConfiguratieFout(
                "De gemeente heeft geen (geldig) OIN; stel het in bij de gemeente."
            )
        self.bron_oin = bron_oin
        self.http = http

    @classmethod
    def voor_gemeente(
        cls, gemeente: Any, *, transport: httpx.BaseTransport | None = None
    ) -> DuoClient:
        oin = gemeente.oin or ""
        if not oin:
            raise DuoConfiguratieFout(
                f"Gemeente {gemeente.naam} heeft geen OIN; stel het in voordat Regie DUO aanroept."
            )
        return cls(
            bron_oin=oin,
            http=http_client(oin=oin, cbs_code=gemeente.cbs_code, transport=transport),
        )

    # --- the one place that talks HTTP -----------------------------------------------------
    def roep_aan(
        self,
        operation_id: str,
        *,
        bsn: str | None = None,
        pad: dict[str, Any] | None = None,
        body: Any = None,
        bericht_id: str | None = None,
    ) -> Antwoord:
        operatie = OPERATIES[operation_id]
        parameters = dict(pad or {})
        if bsn is not None:
            parameters["bsn"] = bsn
        url = f"/v{operatie.api.major}{operatie.pad.format(**parameters)}"
        bericht_id = bericht_id or str(uuid.uuid4())
        headers = {
            "bron": self.bron_oin,
            "doel": conf.DUO_OIN,
            "berichtId": bericht_id,
            "API-Version": operatie.api.versie,
            "Accept": "application/json",
        }
        start = time.perf_counter()
        try:
            response = self.http.request(
                operatie.methode,
                url,
                headers=headers,
                json=body if body is not None else None,
            )
        except httpx.TimeoutException as exc:
            log.warning("DUO %s berichtId=%s: timeout", operation_id, bericht_id)
            raise DuoTimeout(f"DUO antwoordde niet binnen de tijd ({operation_id})") from exc
        except httpx.TransportError as exc:
            log.warning("DUO %s berichtId=%s: niet bereikbaar", operation_id, bericht_id)
            raise DuoNietBereikbaar(f"DUO is niet bereikbaar ({operation_id})") from exc
        duur_ms = (time.perf_counter() - start) * 1000
        log.info(
            "DUO %s berichtId=%s status=%s %.0f ms",
            operation_id,
            bericht_id,
            response.status_code,
            duur_ms,
        )
        if response.status_code >= 300:
            raise fout_voor(response, operatie)
        data = response.json() if response.content else None
        return Antwoord(
            response.status_code, data, bericht_id, response.headers.get("API-Version", "")
        )

    def _data(self, operation_id: str, **kwargs: Any) -> Any:
        return self.roep_aan(operation_id, **kwargs).data

    # --- Inburgeringsplicht (SDI005) ------------------------------------------------------
    def get_doelgroep_by_bsn(self, bsn: str) -> t.Doelgroep:
        return cast(t.Doelgroep, self._data("getDoelgroepByBsn", bsn=bsn))

    def get_doelgroephistorie_by_bsn(self, bsn: str) -> list[t.Doelgroephistorie]:
        return cast(list[t.Doelgroephistorie], self._data("getDoelgroephistorieByBsn", bsn=bsn))

    def get_inburgeringsplicht_by_bsn(self, bsn: str) -> t.Inburgeringsplicht:
        return cast(t.Inburgeringsplicht, self._data("getInburgeringsplichtByBsn", bsn=bsn))

    def get_inburgeringsplichthistorie_by_bsn(self, bsn: str) -> list[t.Inburgeringsplichthistorie]:
        return cast(
            list[t.Inburgeringsplichthistorie],
            self._data("getInburgeringsplichthistorieByBsn", bsn=bsn),
        )

    # --- Leerbaarheidstoets (SDI006) ------------------------------------------------------
    def get_examennummer_by_bsn(self, bsn: str) -> t.Examennummer:
        return cast(t.Examennummer, self._data("getExamennummerByBsn", bsn=bsn))

    def delete_examennummer_by_bsn(self, bsn: str, *, bericht_id: str | None = None) -> None:
        """The leerbaarheidstoets is skipped: DUO withdraws the registration."""
        self.roep_aan("deleteExamennummerByBsn", bsn=bsn, bericht_id=bericht_id)

    def get_lbt_resultaten_by_bsn(self, bsn: str) -> list[t.LbtResultaat]:
        return cast(list[t.LbtResultaat], self._data("getLbtResultatenByBsn", bsn=bsn))

    # --- Inburgeringstermijn (SDI007) -----------------------------------------------------
    def get_inburgeringstermijn_by_bsn(self, bsn: str) -> t.Inburgeringstermijn:
        return cast(t.Inburgeringstermijn, self._data("getInburgeringstermijnByBsn", bsn=bsn))

    def get_inburgeringstermijnhistorie_by_bsn(
        self, bsn: str
    ) -> list[t.Inburgeringstermijnhistorie]:
        return cast(
            list[t.Inburgeringstermijnhistorie],
            self._data("getInburgeringstermijnhistorieByBsn", bsn=bsn),
        )

    def get_verlengingsgronden(self) -> list[t.Verlengingsgrond]:
        return cast(list[t.Verlengingsgrond], self._data("getVerlengingsgronden"))

    # --- Vrijstelling (SDI012), Ontheffing (SDI013) ---------------------------------------
    def get_vrijstellingen_by_bsn(self, bsn: str) -> list[t.Vrijstelling]:
        return cast(list[t.Vrijstelling], self._data("getVrijstellingenByBsn", bsn=bsn))

    def get_ontheffingen_by_bsn(self, bsn: str) -> list[t.Ontheffing]:
        return cast(list[t.Ontheffing], self._data("getOntheffingenByBsn", bsn=bsn))

    # --- PIP (SDI014) ---------------------------------------------------------------------
    def get_pip_by_bsn(self, bsn: str) -> t.PipVanGemeente:
        return cast(t.PipVanGemeente, self._data("getPipByBsn", bsn=bsn))

    def post_pip_by_bsn(self, bsn: str, pip: t.Pip, *, bericht_id: str | None = None) -> None:
        self.roep_aan("postPipByBsn", bsn=bsn, body=pip, bericht_id=bericht_id)

    def delete_pip_by_bsn(self, bsn: str, *, bericht_id: str | None = None) -> None:
        self.roep_aan("deletePipByBsn", bsn=bsn, bericht_id=bericht_id)

    # --- Contactpersoon (SDI014) ----------------------------------------------------------
    def create_contactpersoon(
        self, gegevens: t.Contactpersoongegevens, *, bericht_id: str | None = None
    ) -> t.Contactpersoon:
        return cast(
            t.Contactpersoon,
            self._data("createContactpersoon", body=gegevens, bericht_id=bericht_id),
        )

    def update_contactpersoon_by_id(
        self, id: int, gegevens: t.Contactpersoongegevens, *, bericht_id: str | None = None
    ) -> None:
        self.roep_aan(
            "updateContactpersoonById", pad={"id": id}, body=gegevens, bericht_id=bericht_id
        )

    def delete_contactpersoon_by_id(self, id: int, *, bericht_id: str | None = None) -> None:
        self.roep_aan("deleteContactpersoonById", pad={"id": id}, bericht_id=bericht_id)

    def post_contactpersoon_by_bsn(
        self, id: int, bsn: str, *, bericht_id: str | None = None
    ) -> None:
        self.roep_aan("postContactpersoonByBsn", bsn=bsn, pad={"id": id}, bericht_id=bericht_id)

    def delete_contactpersoon_by_bsn(
        self, id: int, bsn: str, *, bericht_id: str | None = None
    ) -> None:
        self.roep_aan("deleteContactpersoonByBsn", bsn=bsn, pad={"id": id}, bericht_id=bericht_id)

    # --- Inburgeringsaanbod (SDI014) ------------------------------------------------------
    def get_instellingen(self) -> list[t.Instelling]:
        return cast(list[t.Instelling], self._data("getInstellingen"))

    def post_inburgeringsaanbod_by_bsn_and_instellingsnummer(
        self,
        bsn: str,
        instellingsnummer: str,
        aanbod: t.Inburgeringsaanbod,
        *,
        bericht_id: str | None = None,
    ) -> None:
        self.roep_aan(
            "postInburgeringsaanbodByBsnAndInstellingsnummer",
            bsn=bsn,
            pad={"instellingsnummer": instellingsnummer},
            body=aanbod,
            bericht_id=bericht_id,
        )

    def delete_inburgeringsaanbod_by_bsn_and_instellingsnummer(
        self, bsn: str, instellingsnummer: str, *, bericht_id: str | None = None
    ) -> None:
        self.roep_aan(
            "deleteInburgeringsaanbodByBsnAndInstellingsnumer",
            bsn=bsn,
            pad={"instellingsnummer": instellingsnummer},
            bericht_id=bericht_id,
        )

    # --- MAP, PVT, Z-route (SDI016) -------------------------------------------------------
    def get_map_by_bsn(self, bsn: str) -> t.DatumMap:
        return cast(t.DatumMap, self._data("getMapByBsn", bsn=bsn))

    def update_map_by_bsn(
        self, bsn: str, resultaat: t.ResultaatMap, *, bericht_id: str | None = None
    ) -> None:
        self.roep_aan("updateMapByBsn", bsn=bsn, body=resultaat, bericht_id=bericht_id)

    def get_pvt_by_bsn(self, bsn: str) -> t.DatumPvt:
        return cast(t.DatumPvt, self._data("getPvtByBsn", bsn=bsn))

    def update_pvt_by_bsn(
        self, bsn: str, resultaat: t.ResultaatPvt, *, bericht_id: str | None = None
    ) -> None:
        self.roep_aan("updatePvtByBsn", bsn=bsn, body=resultaat, bericht_id=bericht_id)

    def update_zroute_by_bsn(
        self, bsn: str, resultaat: t.ResultaatZroute, *, bericht_id: str | None = None
    ) -> None:
        self.roep_aan("updateZrouteByBsn", bsn=bsn, body=resultaat, bericht_id=bericht_id)

    # --- Gevolgde uren (SDI016) -----------------------------------------------------------
    def get_gevolgde_uren_by_bsn(self, bsn: str) -> list[t.GevolgdeUren]:
        return cast(list[t.GevolgdeUren], self._data("getGevolgdeUrenByBsn", bsn=bsn))

    def update_uren_taalles_en_knm_by_bsn(
        self, bsn: str, uren: int, *, bericht_id: str | None = None
    ) -> None:
        self.roep_aan(
            "updateUrenTaallesEnKnmByBSN", bsn=bsn, body={"uren": uren}, bericht_id=bericht_id
        )

    def update_uren_participatieactiviteiten(
        self, bsn: str, uren: int, *, bericht_id: str | None = None
    ) -> None:
        self.roep_aan(
            "updateUrenParticipatieactiviteiten",
            bsn=bsn,
            body={"uren": uren},
            bericht_id=bericht_id,
        )

    def update_uren_participatie_als_taalles_by_bsn(
        self, bsn: str, uren: int, *, bericht_id: str | None = None
    ) -> None:
        self.roep_aan(
            "updateUrenParticipatieAlsTaallesByBsn",
            bsn=bsn,
            body={"uren": uren},
            bericht_id=bericht_id,
        )

    # --- Examen (SDI017) ------------------------------------------------------------------
    def get_gratis_pogingen_tegoed_by_bsn(self, bsn: str) -> list[t.GratisPogingTegoed]:
        return cast(list[t.GratisPogingTegoed], self._data("getGratisPogingenTegoedByBsn", bsn=bsn))

    def get_examenresultaten_by_bsn(self, bsn: str) -> list[t.Examenresultaat]:
        return cast(list[t.Examenresultaat], self._data("getExamenresultatenByBsn", bsn=bsn))


# Which method implements which operation (the contract test checks it covers every one).
METHODE_PER_OPERATIE: dict[str, str] = {
    "getDoelgroepByBsn": "get_doelgroep_by_bsn",
    "getDoelgroephistorieByBsn": "get_doelgroephistorie_by_bsn",
    "getInburgeringsplichtByBsn": "get_inburgeringsplicht_by_bsn",
    "getInburgeringsplichthistorieByBsn": "get_inburgeringsplichthistorie_by_bsn",
    "getExamennummerByBsn": "get_examennummer_by_bsn",
    "deleteExamennummerByBsn": "delete_examennummer_by_bsn",
    "getLbtResultatenByBsn": "get_lbt_resultaten_by_bsn",
    "getInburgeringstermijnByBsn": "get_inburgeringstermijn_by_bsn",
    "getInburgeringstermijnhistorieByBsn": "get_inburgeringstermijnhistorie_by_bsn",
    "getVerlengingsgronden": "get_verlengingsgronden",
    "getVrijstellingenByBsn": "get_vrijstellingen_by_bsn",
    "getOntheffingenByBsn": "get_ontheffingen_by_bsn",
    "getPipByBsn": "get_pip_by_bsn",
    "postPipByBsn": "post_pip_by_bsn",
    "deletePipByBsn": "delete_pip_by_bsn",
    "createContactpersoon": "create_contactpersoon",
    "updateContactpersoonById": "update_contactpersoon_by_id",
    "deleteContactpersoonById": "delete_contactpersoon_by_id",
    "postContactpersoonByBsn": "post_contactpersoon_by_bsn",
    "deleteContactpersoonByBsn": "delete_contactpersoon_by_bsn",
    "getInstellingen": "get_instellingen",
    "postInburgeringsaanbodByBsnAndInstellingsnummer": (
        "post_inburgeringsaanbod_by_bsn_and_instellingsnummer"
    ),
    "deleteInburgeringsaanbodByBsnAndInstellingsnumer": (
        "delete_inburgeringsaanbod_by_bsn_and_instellingsnummer"
    ),
    "getMapByBsn": "get_map_by_bsn",
    "updateMapByBsn": "update_map_by_bsn",
    "getPvtByBsn": "get_pvt_by_bsn",
    "updatePvtByBsn": "update_pvt_by_bsn",
    "updateZrouteByBsn": "update_zroute_by_bsn",
    "getGevolgdeUrenByBsn": "get_gevolgde_uren_by_bsn",
    "updateUrenTaallesEnKnmByBSN": "update_uren_taalles_en_knm_by_bsn",
    "updateUrenParticipatieactiviteiten": "update_uren_participatieactiviteiten",
    "updateUrenParticipatieAlsTaallesByBsn": "update_uren_participatie_als_taalles_by_bsn",
    "getGratisPogingenTegoedByBsn": "get_gratis_pogingen_tegoed_by_bsn",
    "getExamenresultatenByBsn": "get_examenresultaten_by_bsn",
}

__all__ = ["Antwoord", "DuoClient", "DuoTechnischeFout", "DuoWeigering"]
