"""The outbox: deliveries to DUO placed in the caller's transaction, sent by the worker."""

from regie.integrations.duo.outbox.controles import Weigering
from regie.integrations.duo.outbox.plaatsen import VoorafGeweigerd, controleer, plaats
from regie.integrations.duo.outbox.soorten import SOORTEN, OngeldigeGegevens

__all__ = ["SOORTEN", "OngeldigeGegevens", "VoorafGeweigerd", "Weigering", "controleer", "plaats"]
