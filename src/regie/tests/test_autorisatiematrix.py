"""The authorisation matrix (targets R-01): every URL pattern × anonymous, another
municipality, a wrong role and the right role. A URL pattern without an entry fails the suite.

Expectations: anonymous users are sent to the login page (401 on the API); a user who may not
see an object gets 404 (its existence is not revealed); a user whose role forbids the action
gets 403.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from regie.forecasting.services import vul_demo_taakstelling
from regie.integrations.duo.models import Contactpersoon
from regie.tests.factories import DossierFactory, GebruikerFactory


def _alle_namen(patterns=None, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            names |= _alle_namen(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            names.add(f"{prefix}{p.name}")
    return names


@dataclass(frozen=True)
class Regel:
    methode: str = "GET"
    object: bool = False  # URL takes the dossier id
    publiek: bool = False  # reachable without login
    anoniem: int = 302  # 302 = to the login page; the API answers 401
    verkeerde_rol: int | None = 403  # beleidsmedewerker
    andere_gemeente: int | None = None  # case manager of Nederweert on a Weert dossier
    eigen: int = 200  # the right role in the right municipality
    wie: str = "kr_weert"  # which user holds the right
    contactpersoon: bool = False  # URL takes the id of Weert's DUO contact person


MATRIX: dict[str, Regel] = {
    "home": Regel(anoniem=302, verkeerde_rol=302, eigen=302),
    "health": Regel(publiek=True, anoniem=200, verkeerde_rol=None, eigen=200),
    "set_language": Regel(methode="POST", publiek=True, anoniem=302, verkeerde_rol=None, eigen=302),
    "accounts:login": Regel(publiek=True, anoniem=200, verkeerde_rol=None, eigen=302),
    "accounts:logout": Regel(
        methode="POST", publiek=True, anoniem=302, verkeerde_rol=None, eigen=302
    ),
    # The second login step: any logged-in user (the test settings do not require it, so the
    # pages are there to set it up or to confirm it).
    # Without an app set up, the second step sends one to setting it up.
    "accounts:tweede_stap": Regel(verkeerde_rol=302, andere_gemeente=302, eigen=302),
    "accounts:tweede_stap_instellen": Regel(verkeerde_rol=200, andere_gemeente=200),
    "dossiers:caseload": Regel(andere_gemeente=200),
    "dossiers:zoeken": Regel(methode="POST", eigen=302, andere_gemeente=302),
    "dossiers:aanmaken": Regel(andere_gemeente=200),
    "dossiers:detail": Regel(object=True, andere_gemeente=404),
    "dossiers:bewerken": Regel(object=True, andere_gemeente=404),
    "dossiers:fase": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    "audit:log": Regel(wie="fb_weert", andere_gemeente=403),
    "beheer:regelparameters": Regel(wie="fb_weert", andere_gemeente=403),
    "intake:overzicht": Regel(object=True, andere_gemeente=404),
    "intake:sectie": Regel(object=True, andere_gemeente=404),
    "intake:lbt": Regel(object=True, andere_gemeente=404),
    "intake:meting": Regel(object=True, andere_gemeente=404),
    "intake:gezondheid": Regel(object=True, andere_gemeente=404),
    "intake:besluit": Regel(object=True, andere_gemeente=404, eigen=302),
    "intake:afronden": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    "plans:pip": Regel(object=True, andere_gemeente=404),
    "plans:starten": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    "plans:concept": Regel(object=True, andere_gemeente=404, eigen=302),
    "plans:indienen": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    "plans:wijzigen": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    # The teamleider's four-eyes screen: without plans.pip_vaststellen anywhere, 403.
    "plans:beoordelen": Regel(object=True, andere_gemeente=403, eigen=302, wie="tl_weert"),
    "plans:ontwikkelplan": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    "letters:documenten": Regel(object=True, andere_gemeente=404),
    # Refuses everyone without DUO's certificate or the shared secret, logged in or not.
    "duo:notificaties": Regel(
        methode="POST", publiek=True, anoniem=401, verkeerde_rol=None, eigen=401
    ),
    "duo:werkitems": Regel(andere_gemeente=200),
    "duo:monitor": Regel(wie="fb_weert", andere_gemeente=403),
    "duo:dossier": Regel(object=True, andere_gemeente=404),
    "duo:vastleggen": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    "duo:portaal": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    "duo:werkitem_afhandelen": Regel(methode="POST", object=True, andere_gemeente=404, eigen=302),
    # The municipality's contact persons at DUO: the functioneel beheerder's register. (The
    # world's contact person is already deleted at DUO, so POSTing here calls nobody.)
    "duo:contactpersonen": Regel(wie="fb_weert", andere_gemeente=403),
    "duo:contactpersoon": Regel(wie="fb_weert", contactpersoon=True, andere_gemeente=403),
    "duo:contactpersoon_verwijderen": Regel(
        methode="POST", wie="fb_weert", contactpersoon=True, andere_gemeente=403, eigen=302
    ),
    # Policy pages: aggregates only. The policy officer (bm) is the right role here; a case
    # manager gets 403, whatever municipality.
    "monitoring:dashboard": Regel(wie="bm", verkeerde_rol=200, andere_gemeente=403),
    "monitoring:export": Regel(wie="bm", verkeerde_rol=200, andere_gemeente=403),
    "forecasting:prognose": Regel(wie="bm", verkeerde_rol=200, andere_gemeente=403),
    "forecasting:scenarios": Regel(wie="bm", verkeerde_rol=200, andere_gemeente=403),
    "forecasting:export": Regel(wie="bm", verkeerde_rol=200, andere_gemeente=403),
    "forecasting:raadsrapport": Regel(wie="bm", verkeerde_rol=200, andere_gemeente=403),
    "forecasting:taakstelling": Regel(wie="fb_weert", verkeerde_rol=200, andere_gemeente=403),
    "forecasting:parameters": Regel(wie="fb_weert", verkeerde_rol=200, andere_gemeente=403),
    "forecasting:taakstelling_import": Regel(wie="fb_weert", andere_gemeente=403),
    "api:dossier-lijst": Regel(anoniem=401, andere_gemeente=200),
    "api:dossier-zoeken": Regel(methode="POST", anoniem=401, andere_gemeente=400, eigen=400),
    "api:dossier-detail": Regel(object=True, anoniem=401, andere_gemeente=404),
    "api:dossier-conclusies": Regel(object=True, anoniem=401, andere_gemeente=404),
    # Pure computation on the caller's own input: any logged-in user; no personal data read.
    "api:regels-evaluatie": Regel(
        methode="POST", anoniem=401, verkeerde_rol=400, andere_gemeente=400, eigen=400
    ),
    "api:schema": Regel(publiek=True, anoniem=200, verkeerde_rol=None, eigen=200),
    "api:docs": Regel(publiek=True, anoniem=200, verkeerde_rol=None, eigen=200),
}


def test_elke_url_staat_in_de_matrix():
    ontbrekend = _alle_namen() - set(MATRIX)
    assert not ontbrekend, f"URL patterns without an authorisation-matrix entry: {ontbrekend}"
    assert not set(MATRIX) - _alle_namen(), "matrix entries for URLs that no longer exist"


@pytest.fixture
def wereld(weert, nederweert, kr_weert, kr_nederweert):
    vul_demo_taakstelling()  # the policy pages need a register and parameters
    Contactpersoon.objects.create(
        gemeente=weert,
        duo_id=7,
        naam="K. Contact",
        email="k@weert.nl",
        telefoonnummer="0495 575000",
        actief=False,
    )
    return {
        "dossier": DossierFactory(regie_gemeente=weert),
        "kr_weert": kr_weert,
        "kr_nederweert": kr_nederweert,
        "fb_weert": GebruikerFactory(rollen=[("functioneel_beheerder", weert)]),
        "bm": GebruikerFactory(rollen=[("beleidsmedewerker", weert)]),
        "tl_weert": GebruikerFactory(rollen=[("teamleider", weert)]),
    }


def _vraag(client, naam: str, regel: Regel, dossier):
    kwargs = {"dossier_id": dossier.pk} if regel.object else None
    if regel.contactpersoon:
        kwargs = {"pk": Contactpersoon.objects.get(gemeente=dossier.regie_gemeente).pk}
    url = reverse(naam, kwargs=kwargs)
    if regel.methode == "POST":
        data = {"versie": dossier.versie, "naar": "intake", "zoekterm": "Haddad"}
        if naam.startswith("api:"):
            return client.post(url, data={}, content_type="application/json")
        return client.post(url, data=data)
    return client.get(url)


@pytest.mark.parametrize("naam", sorted(MATRIX))
def test_anoniem(client, wereld, naam):
    regel = MATRIX[naam]
    response = _vraag(client, naam, regel, wereld["dossier"])
    assert response.status_code == regel.anoniem
    if regel.anoniem == 302 and not regel.publiek:
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("naam", sorted(n for n, r in MATRIX.items() if r.verkeerde_rol))
def test_verkeerde_rol(client, wereld, naam):
    regel = MATRIX[naam]
    client.force_login(wereld["bm"])
    assert _vraag(client, naam, regel, wereld["dossier"]).status_code == regel.verkeerde_rol


@pytest.mark.parametrize("naam", sorted(n for n, r in MATRIX.items() if r.andere_gemeente))
def test_andere_gemeente(client, wereld, naam):
    regel = MATRIX[naam]
    client.force_login(wereld["kr_nederweert"])
    assert _vraag(client, naam, regel, wereld["dossier"]).status_code == regel.andere_gemeente


@pytest.mark.parametrize("naam", sorted(MATRIX))
def test_juiste_rol_eigen_gemeente(client, wereld, naam):
    regel = MATRIX[naam]
    client.force_login(wereld[regel.wie])
    assert _vraag(client, naam, regel, wereld["dossier"]).status_code == regel.eigen
