"""CSV import of the taakstelling: every wrong row is reported in Dutch by row and column, and
nothing is saved when any row is wrong."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from regie.audit.models import AuditGebeurtenis
from regie.forecasting.models import Taakstelling
from regie.forecasting.services import ImportFout, taakstelling_importeren

pytestmark = pytest.mark.django_db
KOP = "gemeente;jaar;halfjaar;aantal;verwachte_gezinsmigranten\n"


def _importeer(gebruiker, tekst: str, toegestaan):
    return taakstelling_importeren(
        door=gebruiker, inhoud=tekst.encode(), toegestaan=frozenset(g.pk for g in toegestaan)
    )


def test_goed_bestand_wordt_helemaal_opgeslagen(fb_weert, weert, nederweert):
    uitkomst = _importeer(
        fb_weert, KOP + "0988;2023;1;39;7\n0988;2023;2;41;\n946;2023;1;14;3\n", [weert, nederweert]
    )
    assert (uitkomst.nieuw, uitkomst.bijgewerkt) == (3, 0)
    rij = Taakstelling.objects.get(gemeente=nederweert, jaar=2023, halfjaar=1)
    assert (rij.aantal_statushouders, rij.verwachte_gezinsmigranten) == (14, 3)  # "946" → 0946
    assert Taakstelling.objects.get(gemeente=weert, halfjaar=2).verwachte_gezinsmigranten == 0
    audit = AuditGebeurtenis.objects.get(object_type="taakstelling_import")
    assert audit.gegevens["nieuw"] == 3


def test_bestaand_halfjaar_wordt_bijgewerkt(fb_weert, weert):
    _importeer(fb_weert, KOP + "0988;2023;1;39;7\n", [weert])
    uitkomst = _importeer(
        fb_weert,
        "gemeente,jaar,halfjaar,aantal,verwachte_gezinsmigranten\n0988,2023,1,40,7\n",
        [weert],
    )
    assert (uitkomst.nieuw, uitkomst.bijgewerkt) == (0, 1)
    assert Taakstelling.objects.get().aantal_statushouders == 40


def test_fouten_per_rij_en_kolom_en_niets_opgeslagen(fb_weert, weert, nederweert):
    _importeer(fb_weert, KOP + "0988;2022;1;39;7\n", [weert])
    voor = list(
        Taakstelling.objects.values_list("gemeente_id", "jaar", "halfjaar", "aantal_statushouders")
    )
    bestand = KOP + (
        "0988;2023;1;39;7\n"  # rij 2: good, but must not be saved either
        "0988;2023;2;17,5;7\n"  # rij 3
        "1234;2023;1;10;0\n"  # rij 4
        "0988;2023;1;40;7\n"  # rij 5: duplicate of rij 2
        "0988;1999;3;-1;x\n"  # rij 6
        "0946;2023;1;14;3\n"  # rij 7: Nederweert, not managed by this user
    )
    with pytest.raises(ImportFout) as fout:
        _importeer(fb_weert, bestand, [weert])
    assert fout.value.fouten == [
        "rij 3, kolom aantal: moet een geheel getal ≥ 0 zijn",
        "rij 4, kolom gemeente: onbekende CBS-gemeentecode '1234'",
        "rij 5: dubbel — Weert 2023 halfjaar 1 staat ook in rij 2",
        "rij 6, kolom jaar: moet een jaartal van 2000 tot 2100 zijn",
        "rij 6, kolom halfjaar: moet 1 of 2 zijn",
        "rij 6, kolom aantal: moet een geheel getal ≥ 0 zijn",
        "rij 6, kolom verwachte_gezinsmigranten: moet een geheel getal ≥ 0 zijn (of leeg voor 0)",
        "rij 7, kolom gemeente: u beheert de taakstelling van Nederweert (0946) niet",
    ]
    na = list(
        Taakstelling.objects.values_list("gemeente_id", "jaar", "halfjaar", "aantal_statushouders")
    )
    assert na == voor
    assert (
        not AuditGebeurtenis.objects.filter(object_type="taakstelling_import", gegevens__bestand="")
        .exclude(gegevens__nieuw=1)
        .exists()
    )


def test_kopregel_mist_een_kolom(fb_weert, weert):
    with pytest.raises(ImportFout) as fout:
        _importeer(fb_weert, "gemeente;jaar;aantal\n0988;2023;39\n", [weert])
    assert fout.value.fouten[0].startswith("De kopregel mist de kolom(men) halfjaar")


def test_geen_utf8(fb_weert, weert):
    with pytest.raises(ImportFout) as fout:
        taakstelling_importeren(
            door=fb_weert, inhoud=b"\xff\xfe\x00g", toegestaan=frozenset({weert.pk})
        )
    assert "UTF-8" in fout.value.fouten[0]


def test_scherm_toont_fouten_en_slaat_niets_op(client, fb_weert, weert):
    client.force_login(fb_weert)
    bestand = SimpleUploadedFile(
        "taakstelling.csv", (KOP + "0988;2023;1;39;7\n0988;2023;2;veel;7\n").encode(), "text/csv"
    )
    response = client.post(reverse("forecasting:taakstelling_import"), {"bestand": bestand})
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "er is niets opgeslagen" in tekst
    assert "rij 3, kolom aantal: moet een geheel getal ≥ 0 zijn" in tekst
    assert not Taakstelling.objects.exists()


def test_scherm_import_geslaagd(client, fb_weert, weert):
    client.force_login(fb_weert)
    bestand = SimpleUploadedFile("t.csv", (KOP + "0988;2023;1;39;7\n").encode(), "text/csv")
    response = client.post(reverse("forecasting:taakstelling_import"), {"bestand": bestand})
    assert response.status_code == 302
    assert Taakstelling.objects.get().aantal_statushouders == 39


def test_beleidsmedewerker_mag_niet_importeren_wel_inzien(client, bm_weert, weert):
    client.force_login(bm_weert)
    bestand = SimpleUploadedFile("t.csv", (KOP + "0988;2023;1;39;7\n").encode(), "text/csv")
    assert (
        client.post(reverse("forecasting:taakstelling_import"), {"bestand": bestand}).status_code
        == 403
    )
    assert client.get(reverse("forecasting:taakstelling")).status_code == 200
    assert client.post(reverse("forecasting:taakstelling"), {"jaar": 2023}).status_code == 403
    assert not Taakstelling.objects.exists()


def test_handmatig_vastleggen(client, fb_weert, weert):
    client.force_login(fb_weert)
    gegevens = {
        "gemeente": weert.pk,
        "jaar": 2024,
        "halfjaar": 2,
        "aantal_statushouders": 41,
        "verwachte_gezinsmigranten": 8,
    }
    assert client.post(reverse("forecasting:taakstelling"), gegevens).status_code == 302
    gegevens["aantal_statushouders"] = 43  # a correction updates the half year
    assert client.post(reverse("forecasting:taakstelling"), gegevens).status_code == 302
    assert Taakstelling.objects.get().aantal_statushouders == 43
    acties = list(
        AuditGebeurtenis.objects.filter(object_type="taakstelling")
        .order_by("volgnummer")
        .values_list("actie", flat=True)
    )
    assert acties == ["aanmaken", "wijzigen"]
