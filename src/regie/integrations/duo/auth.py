"""Who may post notifications: DUO, authenticated by mutual TLS in production.

- **Mutual TLS** (``DUO_NOTIFICATION_CERT_HEADER`` set): TLS ends at a proxy that verifies
  DUO's PKIoverheid client certificate and passes its subject DN in that header. Regie trusts
  the header only from the proxy's addresses (``DUO_NOTIFICATION_PROXY_IPS``) and requires the
  certificate's OIN (subject serialNumber) to be DUO's (``DUO_OIN``).
- **Shared secret** (development, tests): the client address must be in
  ``DUO_NOTIFICATION_ALLOWED_IPS`` and the ``X-Duo-Notificatie-Geheim`` header must equal
  ``DUO_NOTIFICATION_SECRET``.

Without either configured every notification is refused.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass

from django.http import HttpRequest

from regie.integrations.duo import conf

_OIN_IN_DN = re.compile(r"(?:serialNumber|SERIALNUMBER|2\.5\.4\.5)\s*=\s*(\d{20})")


@dataclass(frozen=True)
class Afzender:
    geauthenticeerd: bool
    oin: str = ""  # from the certificate, when mutual TLS is used
    reden: str = ""


def _header(request: HttpRequest, naam: str) -> str:
    return request.META.get("HTTP_" + naam.upper().replace("-", "_"), "")


def oin_uit_certificaat(waarde: str) -> str:
    waarde = waarde.strip()
    if re.fullmatch(r"\d{20}", waarde):
        return waarde
    gevonden = _OIN_IN_DN.search(waarde)
    return gevonden.group(1) if gevonden else ""


def afzender(request: HttpRequest) -> Afzender:
    adres = request.META.get("REMOTE_ADDR", "")
    if conf.NOTIFICATIE_CERT_HEADER:
        if adres not in conf.NOTIFICATIE_PROXY_IPS:
            return Afzender(False, reden="niet via de TLS-proxy")
        oin = oin_uit_certificaat(_header(request, conf.NOTIFICATIE_CERT_HEADER))
        if not oin:
            return Afzender(False, reden="geen clientcertificaat")
        if oin != conf.DUO_OIN:
            return Afzender(False, reden="certificaat is niet van DUO")
        return Afzender(True, oin=oin)
    if not conf.NOTIFICATIE_GEHEIM:
        return Afzender(False, reden="geen authenticatie ingesteld")
    if adres not in conf.NOTIFICATIE_IPS:
        return Afzender(False, reden="adres niet toegestaan")
    geheim = _header(request, conf.GEHEIM_HEADER)
    if not hmac.compare_digest(geheim.encode(), conf.NOTIFICATIE_GEHEIM.encode()):
        return Afzender(False, reden="onjuist geheim")
    return Afzender(True)
