"""The inbox: notifications from DUO, stored first, processed by the worker."""

from regie.integrations.duo.inbox.ontvangen import Ontvangst, ontvang

__all__ = ["Ontvangst", "ontvang"]
