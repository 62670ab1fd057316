"""Creating a dossier: valid input opens it with its first facts; bad input saves nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import Dossier, Fase, Inburgeraar, TijdlijnFeit


def _post(client, gemeente, **overrides):
    data = {
        "dossier-regie_gemeente": gemeente.pk,
        "dossier-verblijf": "asiel_bepaalde_tijd",
        "dossier-verblijfsrecht_datum": "2025-02-05",
        "dossier-koppeling_datum": "2025-03-01",
        "dossier-coa_locatie": "AZC Weert",
        "persoon-bsn": "999990019",
        "persoon-voornamen": "Rama",
        "persoon-achternaam": "Haddad",
        "persoon-geboortedatum": "1994-03-02",
        "persoon-nationaliteit": "syr",
        "persoon-talen": "Arabisch, Engels",
        "persoon-geletterdheid": "gealfabetiseerd",
    }
    data.update(overrides)
    return client.post(reverse("dossiers:aanmaken"), data)


def test_aanmaken_opent_dossier_met_koppeling_op_tijdlijn(client, kr_weert, weert):
    client.force_login(kr_weert)
    response = _post(client, weert)
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("dossiers:detail", kwargs={"dossier_id": dossier.pk})
    assert dossier.fase == Fase.GEKOPPELD
    assert dossier.doelgroep == "asielstatushouder"
    assert dossier.regime == "wi2021"
    assert dossier.inburgeraar.nationaliteit == "SYR"
    assert dossier.inburgeraar.talen == ["Arabisch", "Engels"]
    soorten = set(dossier.tijdlijn.values_list("soort", flat=True))
    assert {"dossier_aangemaakt", "verblijfsrecht_bekendgemaakt", "koppeling"} <= soorten
    koppeling = dossier.tijdlijn.get(soort="koppeling")
    assert koppeling.gegevens == {"gemeente": "0988"}
    assert AuditGebeurtenis.objects.filter(actie="aanmaken", dossier_id=dossier.pk).count() == 1


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("persoon-bsn", "123456789", "elfproef"),
        ("persoon-bsn", "12345", "precies 9 cijfers"),
        ("persoon-geboortedatum", "2024-02-30", "geldige datum"),
        ("persoon-geboortedatum", "2999-01-01", "toekomst"),
        ("dossier-verblijfsrecht_datum", "31-31-2024", "geldige datum"),
        ("dossier-koppeling_datum", "2025-01-01", "niet vóór de bekendmaking"),
        ("persoon-nationaliteit", "Syrië", "drie letters"),
        ("persoon-v_nummer", "12ab", "10 cijfers"),
    ],
)
def test_foute_invoer_geeft_nederlandse_melding_en_bewaart_niets(
    client, kr_weert, weert, veld, waarde, melding
):
    client.force_login(kr_weert)
    response = _post(client, weert, **{veld: waarde})
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert not Dossier.objects.exists()
    assert not Inburgeraar.objects.exists()
    assert not TijdlijnFeit.objects.exists()


def test_onbekende_gemeente_wordt_geweigerd(client, kr_weert, weert, nederweert):
    client.force_login(kr_weert)
    response = _post(client, weert, **{"dossier-regie_gemeente": nederweert.pk})
    assert "Kies een gemeente waarvoor u dossiers mag aanmaken" in response.content.decode()
    assert not Dossier.objects.exists()


def test_dubbel_bsn_geeft_melding_zonder_half_opgeslagen_dossier(client, kr_weert, weert):
    client.force_login(kr_weert)
    _post(client, weert)
    response = _post(client, weert)
    assert response.status_code == 200
    assert "BSN" in response.content.decode()
    assert Dossier.objects.count() == 1
    assert Inburgeraar.objects.count() == 1


def test_gezinsmigrant_zonder_koppeling_is_aangemeld(client, kr_weert, weert):
    client.force_login(kr_weert)
    _post(
        client,
        weert,
        **{"dossier-verblijf": "regulier_gezin", "dossier-koppeling_datum": ""},
    )
    dossier = Dossier.objects.get()
    assert dossier.fase == Fase.AANGEMELD
    assert dossier.doelgroep == "gezinsmigrant_overig"
    assert dossier.koppeling_datum is None


def test_wi2013_voor_2022(client, kr_weert, weert):
    client.force_login(kr_weert)
    _post(
        client,
        weert,
        **{"dossier-verblijfsrecht_datum": "2021-12-31", "dossier-koppeling_datum": "2022-01-10"},
    )
    assert Dossier.objects.get().regime == "wi2013"
    assert Dossier.objects.get().plicht_vanaf == date(2021, 12, 31)
