"""What the brede intake announces to the apps above it (``docs/architecture.md``: nothing
below ``integrations`` imports it, so the intake cannot call the DUO outbox itself).

``lbt_overslaan_gewijzigd`` is sent by ``services.lbt_opslaan`` as the last step of its
transaction when the case manager marks the leerbaarheidstoets as skipped, or takes that back.
DUO must be told that the test was skipped (its exam number is then withdrawn: Leerbaarheids-
toets API, ``deleteExamennummerByBsn``). Receivers run inside the transaction and are called
with ``send``: an error in a receiver rolls the save back, so the recording and the delivery
commit together. The pattern and its reasons are those of ``regie.plans.signals``.

Keyword arguments: ``dossier``, ``overgeslagen`` (the new value), ``reden`` (the reason's
code, or ""), ``door``, ``request`` (or None).
"""

from django.dispatch import Signal

lbt_overslaan_gewijzigd = Signal()
