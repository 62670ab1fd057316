"""What can go wrong talking to DUO, as distinct exceptions.

Two families matter to callers:

- ``DuoWeigering``: DUO understood the request and said no (a functional refusal: 403 with
  ``fouttekst``, 404 unknown person, 400 a message DUO could not accept). Retrying the same
  message cannot help; a person has to act.
- ``DuoTechnischeFout``: DUO could not be reached or failed (5xx, timeout, connection, TLS).
  The same message may be sent again later; DUO recognises a resend by its ``berichtId``.
"""

from __future__ import annotations


class DuoFout(Exception):
    """Base class. ``status`` is the HTTP status when DUO answered, else None."""

    def __init__(self, melding: str, *, status: int | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.status = status


class DuoWeigering(DuoFout):
    """A functional refusal: ``foutteksten`` holds DUO's explanations (may be empty)."""

    def __init__(
        self, melding: str, *, status: int | None = None, foutteksten: tuple[str, ...] = ()
    ) -> None:
        super().__init__(melding, status=status)
        self.foutteksten = foutteksten

    @property
    def fouttekst(self) -> str:
        return "; ".join(self.foutteksten) or self.melding


class DuoNietGeautoriseerd(DuoWeigering):
    """403 without explanation: the person is not (or no longer) this municipality's."""


class DuoNietGevonden(DuoWeigering):
    """404: DUO does not know the person or resource."""


class DuoOngeldigVerzoek(DuoWeigering):
    """400: DUO could not accept the message as it was built; a fault on Regie's side."""


class DuoTechnischeFout(DuoFout):
    """Retryable: try again later with the same berichtId."""


class DuoTimeout(DuoTechnischeFout):
    pass


class DuoNietBereikbaar(DuoTechnischeFout):
    pass


class DuoServerFout(DuoTechnischeFout):
    """5xx from DUO."""


class DuoNietBeschikbaar(DuoServerFout):
    """503: planned maintenance."""


class DuoAuthenticatieFout(DuoTechnischeFout):
    """401: DUO did not accept the client certificate (expired, revoked, wrong root)."""


class DuoConfiguratieFout(DuoTechnischeFout):
    """Regie cannot build the call: no OIN for the municipality, a missing certificate file."""
