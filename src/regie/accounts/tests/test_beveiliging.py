"""Security basics: lockout, session, headers, CSP, no outside requests, check --deploy."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from django.conf import settings
from django.urls import reverse

from regie.tests.factories import TEST_WACHTWOORD, DossierFactory


def _login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_inloggen_en_sessie_wordt_vernieuwd(client, kr_weert):
    client.get(reverse("accounts:login"))
    voor = client.cookies.get("sessionid")
    response = _login(client, "kr.weert", TEST_WACHTWOORD)
    assert response.status_code == 302
    assert client.cookies["sessionid"].value != (voor.value if voor else None)


def test_blokkade_na_herhaalde_mislukte_pogingen(client, kr_weert):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _login(client, "kr.weert", "fout-wachtwoord")
        assert response.status_code == 200
    assert _login(client, "kr.weert", "fout-wachtwoord").status_code == 429
    # Even the right password is refused now.
    response = _login(client, "kr.weert", TEST_WACHTWOORD)
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()


def test_geen_gebruikersenumeratie(client, kr_weert):
    bestaand = _login(client, "kr.weert", "fout").content.decode()
    onbekend = _login(client, "bestaat.niet", "fout").content.decode()
    strip = lambda html: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"|value="[^"]*"', "", html)  # noqa: E731
    assert strip(bestaand) == strip(onbekend)


def test_uitloggen_maakt_sessie_ongeldig(client, kr_weert, weert):
    dossier = DossierFactory(regie_gemeente=weert)
    _login(client, "kr.weert", TEST_WACHTWOORD)
    sessie = client.cookies["sessionid"].value
    client.post(reverse("accounts:logout"))
    client.cookies["sessionid"] = sessie  # replaying the old cookie does not work
    response = client.get(reverse("dossiers:detail", kwargs={"dossier_id": dossier.pk}))
    assert response.status_code == 302


def test_sessie_verloopt_na_15_minuten_inactiviteit():
    assert settings.SESSION_COOKIE_AGE == 15 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_beveiligingsheaders_en_csp_zonder_inline_scripts(client, kr_weert, weert):
    dossier = DossierFactory(regie_gemeente=weert)
    client.force_login(kr_weert)
    for url in (
        reverse("dossiers:caseload"),
        reverse("dossiers:detail", kwargs={"dossier_id": dossier.pk}),
        reverse("accounts:login"),
        reverse("api:docs"),
    ):
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
        assert directives["script-src"] == "'self'"
        assert "unsafe-eval" not in csp
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        html = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), f"inline script on {url}"
        assert not re.search(r"\son[a-z]+=", html), f"inline handler on {url}"
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html), f"outside asset on {url}"


def test_check_deploy_is_schoon_met_productie_instellingen(tmp_path):
    # The test settings put development defaults into os.environ; production has none of them.
    schoon = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SECURE_") and k not in {"DEBUG", "SECRET_KEY"}
    }
    env = {
        **schoon,
        "DJANGO_SETTINGS_MODULE": "regie.conf.production",
        "SECRET_KEY": "x" * 64 + "productie-achtige-sleutel-voor-de-test-!@#$%^&*()",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ALLOWED_HOSTS": "regie.example.nl",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_productie_start_niet_zonder_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "regie.conf.production"
    result = subprocess.run(
        [sys.executable, "-m", "django", "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr
