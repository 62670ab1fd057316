"""A local stand-in for DUO's M2M interface (development and tests; never production)."""

from regie.integrations.duo.simulator.app import Simulator
from regie.integrations.duo.simulator.staat import ASIEL, GEZIN_OVERIG

__all__ = ["ASIEL", "GEZIN_OVERIG", "Simulator"]
