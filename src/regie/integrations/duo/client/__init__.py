"""The DUO adapter (Regie -> DUO): ``DuoClient`` and its exceptions."""

from regie.integrations.duo.client.client import METHODE_PER_OPERATIE, Antwoord, DuoClient
from regie.integrations.duo.client.fouten import (
    DuoAuthenticatieFout,
    DuoConfiguratieFout,
    DuoFout,
    DuoNietBereikbaar,
    DuoNietBeschikbaar,
    DuoNietGeautoriseerd,
    DuoNietGevonden,
    DuoOngeldigVerzoek,
    DuoServerFout,
    DuoTechnischeFout,
    DuoTimeout,
    DuoWeigering,
)
from regie.integrations.duo.client.operaties import OPERATIES, Operatie

__all__ = [
    "METHODE_PER_OPERATIE",
    "OPERATIES",
    "Antwoord",
    "DuoAuthenticatieFout",
    "DuoClient",
    "DuoConfiguratieFout",
    "DuoFout",
    "DuoNietBereikbaar",
    "DuoNietBeschikbaar",
    "DuoNietGeautoriseerd",
    "DuoNietGevonden",
    "DuoOngeldigVerzoek",
    "DuoServerFout",
    "DuoTechnischeFout",
    "DuoTimeout",
    "DuoWeigering",
    "Operatie",
]
