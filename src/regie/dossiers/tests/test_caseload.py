"""The caseload: scoped to the user's municipalities, filterable, searchable without a BSN in
any URL, paged by keyset with a constant number of queries."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regie.audit.models import AuditGebeurtenis
from regie.dossiers.models import Fase
from regie.tests.factories import DossierFactory, InburgeraarFactory


def _ids(response) -> list[str]:
    return re.findall(r'href="/dossiers/([0-9a-f-]{36})/"', response.content.decode())


def test_weert_medewerker_ziet_geen_nederweert_dossiers(client, kr_weert, weert, nederweert):
    eigen = DossierFactory(regie_gemeente=weert)
    ander = DossierFactory(regie_gemeente=nederweert)
    client.force_login(kr_weert)
    ids = _ids(client.get(reverse("dossiers:caseload")))
    assert str(eigen.pk) in ids
    assert str(ander.pk) not in ids
    # Not by filtering on the other municipality either: the filter rejects it.
    ids = _ids(client.get(reverse("dossiers:caseload"), {"gemeente": "0946"}))
    assert str(ander.pk) not in ids


def test_werkkom_ziet_alle_drie_de_gemeenten(client, kr_werkkom, weert, nederweert, cranendonck):
    dossiers = [DossierFactory(regie_gemeente=g) for g in (weert, nederweert, cranendonck)]
    client.force_login(kr_werkkom)
    assert set(_ids(client.get(reverse("dossiers:caseload")))) == {str(d.pk) for d in dossiers}


def test_mijn_dossiers_en_filters(client, kr_werkkom, weert, nederweert):
    mijn = DossierFactory(regie_gemeente=weert, klantregisseur=kr_werkkom, fase=Fase.INTAKE)
    DossierFactory(regie_gemeente=weert, fase=Fase.INTAKE)
    gezin = DossierFactory(regie_gemeente=nederweert, gezinsmigrant=True)
    client.force_login(kr_werkkom)
    url = reverse("dossiers:caseload")
    assert _ids(client.get(url, {"weergave": "mijn"})) == [str(mijn.pk)]
    assert _ids(client.get(url, {"doelgroep": "gezinsmigrant_overig"})) == [str(gezin.pk)]
    assert _ids(client.get(url, {"gemeente": "0946"})) == [str(gezin.pk)]
    assert len(_ids(client.get(url, {"fase": "intake"}))) == 2
    assert _ids(client.get(url, {"klantregisseur": kr_werkkom.pk})) == [str(mijn.pk)]


def test_zoeken_op_bsn_zet_het_bsn_nooit_in_een_url(client, kr_weert, weert, nederweert):
    gezocht = DossierFactory(regie_gemeente=weert)
    DossierFactory(regie_gemeente=weert)
    verborgen = DossierFactory(regie_gemeente=nederweert)
    client.force_login(kr_weert)
    bsn = gezocht.inburgeraar.bsn
    response = client.post(reverse("dossiers:zoeken"), {"zoekterm": bsn})
    assert response.status_code == 302
    assert bsn not in response["Location"]
    resultaat = client.get(response["Location"])
    assert _ids(resultaat) == [str(gezocht.pk)]
    assert bsn not in "".join(re.findall(r'href="([^"]*)"', resultaat.content.decode()))
    # A BSN of another municipality finds nothing.
    response = client.post(reverse("dossiers:zoeken"), {"zoekterm": verborgen.inburgeraar.bsn})
    assert _ids(client.get(response["Location"])) == []
    zoek = AuditGebeurtenis.objects.filter(actie="zoeken")
    assert [e.gegevens for e in zoek] == [{"zoeksoort": "bsn"}, {"zoeksoort": "bsn"}]


@pytest.mark.parametrize(
    ("term", "verwacht"),
    [("haddad", True), ("Haddad, Ra", True), ("HADDAD rama", True), ("Kidane", False)],
)
def test_zoeken_op_naam(client, kr_weert, weert, term, verwacht):
    d = DossierFactory(
        regie_gemeente=weert,
        inburgeraar=InburgeraarFactory(
            achternaam="Haddad", voornamen="Rama", zoeknaam="haddad rama"
        ),
    )
    client.force_login(kr_weert)
    response = client.post(reverse("dossiers:zoeken"), {"zoekterm": term})
    assert (str(d.pk) in _ids(client.get(response["Location"]))) is verwacht


def test_zoeken_op_v_nummer_en_dossiernummer(client, kr_weert, weert):
    d = DossierFactory(
        regie_gemeente=weert,
        nummer="2026-00042",
        inburgeraar=InburgeraarFactory(v_nummer="1234567890"),
    )
    DossierFactory(regie_gemeente=weert)
    client.force_login(kr_weert)
    for term in ("1234567890", "2026-42", "2026-00042"):
        response = client.post(reverse("dossiers:zoeken"), {"zoekterm": term})
        assert _ids(client.get(response["Location"])) == [str(d.pk)], term


@pytest.mark.parametrize("sortering", ["nieuwste", "oudste", "naam", "nummer", "fase"])
def test_keyset_paginering_toont_elk_dossier_precies_een_keer(
    client, kr_weert, weert, settings, sortering
):
    settings.REGIE_CASELOAD_PAGE_SIZE = 7
    alle = {
        str(DossierFactory(regie_gemeente=weert, fase=Fase.values[i % 5]).pk) for i in range(23)
    }
    client.force_login(kr_weert)
    gezien: list[str] = []
    params = {"sortering": sortering}
    paginas = []
    while True:
        response = client.get(reverse("dossiers:caseload"), params)
        pagina = response.context["pagina"]
        paginas.append(_ids(response))
        gezien += paginas[-1]
        if not pagina.volgende:
            break
        params = {"sortering": sortering, "na": pagina.volgende}
    assert len(gezien) == len(alle) and set(gezien) == alle
    assert [len(p) for p in paginas] == [7, 7, 7, 2]
    # And backwards from the last page returns the previous page exactly.
    vorige = client.get(
        reverse("dossiers:caseload"),
        {"sortering": sortering, "voor": response.context["pagina"].vorige},
    )
    assert _ids(vorige) == paginas[-2]


def test_telling_is_begrensd(client, kr_weert, weert, monkeypatch):
    from regie.dossiers import selectors

    monkeypatch.setattr(selectors, "TELLING_MAXIMUM", 5)
    for _ in range(8):
        DossierFactory(regie_gemeente=weert)
    client.force_login(kr_weert)
    response = client.get(reverse("dossiers:caseload"))
    assert "Meer dan 5 dossiers" in response.content.decode()


def _aantal_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_aantal_queries_onafhankelijk_van_paginagrootte(
    client, kr_werkkom, weert, nederweert, settings
):
    for i in range(30):
        DossierFactory(regie_gemeente=weert if i % 2 else nederweert, klantregisseur=kr_werkkom)
    client.force_login(kr_werkkom)
    url = reverse("dossiers:caseload")
    settings.REGIE_CASELOAD_PAGE_SIZE = 5
    klein = _aantal_queries(client, url)
    settings.REGIE_CASELOAD_PAGE_SIZE = 30
    groot = _aantal_queries(client, url)
    assert klein == groot
    # Session, user, rights, capped count, page, audit (with its chain lock), form choices.
    assert groot <= 16
