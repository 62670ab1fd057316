"""The second login step (targets R-12), on django-otp: an authenticator app (TOTP, RFC 6238)
and ten one-time recovery codes for when the phone is gone.

- ``heeft_middel``: whether the user has set up an authenticator app (a confirmed device).
- ``instellen_starten``: an unconfirmed TOTP device with a fresh secret, shown as a QR code and
  as text; reused while the user has not confirmed it (reloading shows the same secret).
- ``instellen_bevestigen``: the first correct code confirms it and makes the recovery codes.
- ``bevestigen``: a code of the app or a recovery code (used once) for this session.
- ``bevestigd``: whether this session passed the second step. The session (server-side) holds
  the device that was used, as django-otp's ``login`` puts it there; it is not looked up again
  on every request (django-otp's middleware would, one query per page). Removing a user's
  devices therefore also ends that user's sessions (``herstellen``).
- ``herstellen``: the functioneel beheerder's way back for a user who lost both (deletes the
  devices and the user's sessions; the next login sets up a new app).

django-otp throttles wrong codes per device (1, 2, 4 … seconds). Every outcome is audited.
"""

from __future__ import annotations

import base64
import secrets
from typing import Any

import segno
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from regie.audit import services as audit
from regie.audit.models import AuditGebeurtenis

APP = "authenticator-app"
HERSTEL = "herstelcodes"
AANTAL_HERSTELCODES = 10


def bevestigd(request: HttpRequest) -> bool:
    return bool(request.session.get(DEVICE_ID_SESSION_KEY))


def heeft_middel(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def instellen_starten(user: Any) -> TOTPDevice:
    """The unconfirmed device of this set-up (made now if there is none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=APP).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP, confirmed=False)
    return device


def geheim(device: TOTPDevice) -> str:
    """The secret as the authenticator app takes it typed in: base32, in groups of four."""
    tekst = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// URI as an inline SVG QR code (no script, no outside request)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")


def _log(request: HttpRequest, user: Any, actie: str, **gegevens: Any) -> None:
    audit.log(
        actor=user,
        request=request,
        actie=actie,
        object_type="gebruiker",
        object_id=user.pk,
        resultaat=(
            AuditGebeurtenis.Resultaat.GESLAAGD
            if actie != AuditGebeurtenis.Actie.INLOGGEN_MISLUKT
            else AuditGebeurtenis.Resultaat.GEWEIGERD
        ),
        gegevens={"stap": 2, **gegevens},
    )


@transaction.atomic
def instellen_bevestigen(request: HttpRequest, code: str) -> list[str] | None:
    """Confirm the user's new app with its first code. Returns the recovery codes (shown once)
    or None when the code is wrong."""
    user = request.user
    device = (
        TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False, name=APP).first()
    )
    if device is None or not device.verify_token(_schoon(code)):
        _log(request, user, AuditGebeurtenis.Actie.INLOGGEN_MISLUKT, middel=APP, instellen=True)
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()  # a new app replaces the old
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _herstelcodes_maken(user)
    otp_login(request, device)
    _log(request, user, AuditGebeurtenis.Actie.INLOGGEN, middel=APP, ingesteld=True)
    return codes


def _herstelcodes_maken(user: Any) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=HERSTEL, confirmed=True)
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def _schoon(code: str) -> str:
    return "".join(code.split())


def bevestigen(request: HttpRequest, code: str) -> bool:
    """The second step for this session: a code of the app, or a recovery code (used once)."""
    user = request.user
    device = match_token(user, _schoon(code))
    if device is None:
        _log(request, user, AuditGebeurtenis.Actie.INLOGGEN_MISLUKT)
        return False
    otp_login(request, device)
    middel = HERSTEL if isinstance(device, StaticDevice) else APP
    over = StaticToken.objects.filter(device__user=user).count()
    _log(request, user, AuditGebeurtenis.Actie.INLOGGEN, middel=middel, herstelcodes_over=over)
    return True


def _sessies_beeindigen(user: Any) -> None:
    """End every session of the user (a confirmed second step lives in the session)."""
    eigen = str(user.pk)
    weg = [
        s.session_key
        for s in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if s.get_decoded().get(SESSION_KEY) == eigen
    ]
    Session.objects.filter(session_key__in=weg).delete()


@transaction.atomic
def herstellen(user: Any, *, door: Any) -> int:
    """Remove the user's second factor (lost phone and codes); returns the rows removed."""
    weg = TOTPDevice.objects.filter(user=user).delete()[0]
    weg += StaticDevice.objects.filter(user=user).delete()[0]
    _sessies_beeindigen(user)
    audit.log(
        actor=door,
        actie=AuditGebeurtenis.Actie.WIJZIGEN,
        object_type="gebruiker",
        object_id=user.pk,
        gegevens={"tweede_stap": "hersteld"},
    )
    return weg
