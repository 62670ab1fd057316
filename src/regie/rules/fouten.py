"""The one error the engine raises on input that does not fit the contract."""

from __future__ import annotations


class InvoerFout(ValueError):
    """Input that does not fit rules-contract.md.

    ``veld`` is the path of the offending field in the JSON input, e.g.
    ``gebeurtenissen[2].datum`` or ``persoon.verblijf``; ``melding`` says what is wrong.
    ``str(fout)`` is a single line suitable for a CLI or an API problem response.
    """

    def __init__(self, veld: str, melding: str) -> None:
        # Keep the message on one line whatever the input contained.
        self.veld = veld
        self.melding = " ".join(melding.split())
        super().__init__(f"{self.veld}: {self.melding}")
