"""Fetching what a notification points to, outside any database transaction.

GET requests to DUO change nothing, so repeating them after a crash is harmless. A functional
refusal of one fetch (DUO no longer shares this person with the municipality, or does not know
them) is kept as a remark; a technical failure aborts the whole fetch so the notification is
retried later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from regie.integrations.duo.client import DuoClient, DuoWeigering
from regie.integrations.duo.inbox.gebeurtenissen import OPHAAL_METHODE, Gebeurtenis


@dataclass
class Opgehaald:
    gegevens: dict[str, Any] = field(default_factory=dict)
    fouten: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, sleutel: str) -> Any:
        return self.gegevens.get(sleutel)


def ophalen(gebeurtenis: Gebeurtenis, bsn: str, client: DuoClient) -> Opgehaald:
    """Everything the event's handler needs. Raises ``DuoTechnischeFout`` to retry later."""
    uit = Opgehaald()
    for sleutel in gebeurtenis.ophalen:
        methode = getattr(client, OPHAAL_METHODE[sleutel])
        try:
            uit.gegevens[sleutel] = methode(bsn)
        except DuoWeigering as exc:
            uit.fouten[sleutel] = exc.fouttekst
    return uit
