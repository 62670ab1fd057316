"""Two-factor authentication for all staff before any personal data (targets R-12): password,
then a code of an authenticator app (TOTP) or a one-time recovery code. Set up at the first
login; nothing but the login pages is reachable before the second step."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.audit.models import AuditGebeurtenis
from regie.demo.generator import DEMO_TOTP_SLEUTEL
from regie.tests.factories import TEST_WACHTWOORD, DossierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _verplicht(settings):
    settings.TWEE_FACTOR_VERPLICHT = True


def _wachtwoord(client, next_url: str = ""):
    data = {"username": "kr.weert", "password": TEST_WACHTWOORD}
    url = reverse("accounts:login") + (f"?next={next_url}" if next_url else "")
    if next_url:
        data["next"] = next_url
    return client.post(url, data)


def _code(device: TOTPDevice, verschuiving: int = 0) -> str:
    totp = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    totp.time = totp.time + verschuiving * device.step
    return f"{totp.token():06d}"


def _instellen(client) -> list[str]:
    pagina = client.get(reverse("accounts:tweede_stap_instellen"))
    assert "<svg" in pagina.content.decode()
    device = TOTPDevice.objects.get(confirmed=False)
    antwoord = client.post(reverse("accounts:tweede_stap_instellen"), {"code": _code(device)})
    assert antwoord.status_code == 200
    return re.findall(r"<li><code>(\d{8})</code></li>", antwoord.content.decode())


def test_zonder_tweede_stap_geen_persoonsgegevens(client, kr_weert, weert):
    dossier = DossierFactory(regie_gemeente=weert)
    caseload = reverse("dossiers:caseload")
    antwoord = _wachtwoord(client, caseload)
    assert antwoord.status_code == 302
    # The first login: set up the app, with the page asked for kept.
    volgende = client.get(antwoord["Location"])
    assert volgende.status_code == 302
    assert volgende["Location"].startswith(reverse("accounts:tweede_stap_instellen"))
    for url in (caseload, reverse("dossiers:detail", kwargs={"dossier_id": dossier.pk})):
        assert client.get(url)["Location"].startswith(reverse("accounts:tweede_stap_instellen"))
    # Nor does the menu offer them before the second step.
    stap = client.get(reverse("accounts:tweede_stap_instellen")).content.decode()
    assert f'href="{caseload}"' not in stap
    api = client.get(reverse("api:dossier-lijst"))
    assert (api.status_code, api["Content-Type"]) == (403, "application/problem+json")
    assert client.get(reverse("health")).status_code == 200
    assert client.post(reverse("accounts:logout")).status_code == 302


def test_instellen_met_qr_code_en_herstelcodes(client, kr_weert):
    _wachtwoord(client)
    pagina = client.get(reverse("accounts:tweede_stap_instellen")).content.decode()
    assert "<svg" in pagina and 'id="tweede-stap-sleutel"' in pagina
    fout = client.post(reverse("accounts:tweede_stap_instellen"), {"code": "000000"})
    assert fout.status_code == 400
    assert "Deze code klopt niet" in fout.content.decode()
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=5)):  # throttled
        codes = _instellen(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert TOTPDevice.objects.get(user=kr_weert).confirmed
    assert client.get(reverse("dossiers:caseload")).status_code == 200
    acties = list(
        AuditGebeurtenis.objects.filter(object_type="gebruiker", gegevens__stap=2)
        .order_by("volgnummer")
        .values_list("actie", flat=True)
    )
    assert acties == ["inloggen_mislukt", "inloggen"]


def test_volgende_keer_code_of_herstelcode(client, kr_weert):
    _wachtwoord(client)
    codes = _instellen(client)
    client.post(reverse("accounts:logout"))
    device = TOTPDevice.objects.get(user=kr_weert)

    antwoord = _wachtwoord(client, reverse("dossiers:caseload"))
    stap = client.get(antwoord["Location"])
    assert stap["Location"].startswith(reverse("accounts:tweede_stap"))
    fout = client.post(reverse("accounts:tweede_stap"), {"code": "123456"})
    assert fout.status_code == 400
    # django-otp throttles after a wrong code (1 s, then 2, 4, ...); the app's next code (the
    # one just used to set it up cannot be used twice) is accepted after that.
    later = timezone.now() + timezone.timedelta(seconds=5)
    with time_machine.travel(later):
        goed = client.post(
            reverse("accounts:tweede_stap"),
            {"code": _code(device, 1), "next": reverse("dossiers:caseload")},
        )
        assert (goed.status_code, goed["Location"]) == (302, reverse("dossiers:caseload"))
        client.post(reverse("accounts:logout"))

        _wachtwoord(client)
        assert client.post(reverse("accounts:tweede_stap"), {"code": codes[0]}).status_code == 302
        client.post(reverse("accounts:logout"))
        _wachtwoord(client)
        nogmaals = client.post(reverse("accounts:tweede_stap"), {"code": codes[0]})
        assert nogmaals.status_code == 400  # each recovery code works once
    assert StaticToken.objects.filter(device__user=kr_weert).count() == 9


def test_geen_open_redirect_na_de_tweede_stap(client, kr_weert):
    _wachtwoord(client)
    _instellen(client)
    client.post(reverse("accounts:logout"))
    _wachtwoord(client)
    device = TOTPDevice.objects.get(user=kr_weert)
    antwoord = client.post(
        reverse("accounts:tweede_stap"),
        {"code": _code(device, 1), "next": "https://kwaadaardig.example/"},
    )
    assert antwoord["Location"] == reverse("home")


def test_herstellen_door_de_beheerder(client, kr_weert):
    _wachtwoord(client)
    _instellen(client)
    assert client.get(reverse("dossiers:caseload")).status_code == 200
    call_command("tweede-stap-herstellen", "kr.weert")
    # The confirmed second step lived in the session: that session has ended too.
    assert client.get(reverse("dossiers:caseload"))["Location"].startswith(
        reverse("accounts:login")
    )
    assert not TOTPDevice.objects.filter(user=kr_weert).exists()
    assert not StaticToken.objects.filter(device__user=kr_weert).exists()
    client.post(reverse("accounts:logout"))
    antwoord = _wachtwoord(client)
    assert client.get(antwoord["Location"])["Location"].startswith(
        reverse("accounts:tweede_stap_instellen")
    )


def test_demo_code_past_op_de_demo_sleutel(kr_weert, capsys):
    device = TOTPDevice.objects.create(
        user=kr_weert, name="demo", key=DEMO_TOTP_SLEUTEL.hex(), confirmed=True
    )
    call_command("demo-code")
    code = capsys.readouterr().out.split()[0]
    assert device.verify_token(code)
