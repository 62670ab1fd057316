"""Languages are data: a language with every block is offered, one without is not."""

from __future__ import annotations

import pytest

from regie.letters import selectors
from regie.letters.models import Tekstblok
from regie.letters.teksten import SLEUTELS, vul_in


def test_nl_en_ar_zijn_meegeleverd(db):
    assert [(t.code, t.naam, t.richting) for t in selectors.volledige_talen()] == [
        ("nl", "Nederlands", "ltr"),
        ("ar", "العربية", "rtl"),
        ("en", "English", "ltr"),
    ]


def test_een_taal_toevoegen_is_rijen_toevoegen(db):
    Tekstblok.objects.bulk_create(
        Tekstblok(sleutel=s, taal="ti", tekst=f"ti {s}") for s in SLEUTELS if s != "voetnoot"
    )
    assert "ti" not in {t.code for t in selectors.volledige_talen()}
    with pytest.raises(selectors.OnvolledigeTaal, match="voetnoot"):
        selectors.teksten("ti")
    Tekstblok.objects.create(sleutel="voetnoot", taal="ti", tekst="ti voetnoot")
    assert "ti" in {t.code for t in selectors.volledige_talen()}
    assert selectors.teksten("ti")["taal.richting"] == "ltr"  # anything but "rtl" is ltr


def test_plaatshouders_alleen_bekende_namen():
    waarden = {"naam": "Rama", "gemeente": "Weert"}
    assert vul_in("Beste {naam} uit {gemeente}", waarden) == "Beste Rama uit Weert"
    assert vul_in("{naam.__class__} {onbekend} {}", waarden) == "{naam.__class__} {onbekend} {}"


def test_standaardbriefhoofd(weert):
    briefhoofd = selectors.briefhoofd_voor(weert)
    assert briefhoofd.pk is None
    assert (briefhoofd.naam, briefhoofd.adres) == ("Gemeente Weert", [])
