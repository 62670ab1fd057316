"""Dutch by default, English via i18n (the committed catalogue)."""

from django.urls import reverse


def test_standaard_nederlands(client):
    response = client.get(reverse("accounts:login"))
    assert 'lang="nl"' in response.content.decode()
    assert "Inloggen bij Regie" in response.content.decode()


def test_engels_via_taalkeuze(client, kr_weert):
    client.force_login(kr_weert)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("dossiers:caseload")).content.decode()
    assert 'lang="en"' in html
    assert "My cases" in html
    assert "Mijn dossiers" not in html
