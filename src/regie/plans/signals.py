"""What the PIP announces to the apps above it (``docs/architecture.md``: nothing below
``integrations`` imports it, so the PIP cannot call the DUO outbox itself).

``pip_vastgesteld`` is sent by ``services.pip_vaststellen`` as the last step of its
transaction, after the version, the timeline fact, the phase and the documents are written.
Receivers run inside that transaction and are called with ``send`` (not ``send_robust``): an
error in a receiver rolls the adoption back, so the adoption and what it causes elsewhere (the
DUO delivery placed in the outbox) commit together or not at all. A receiver that cannot do its
part for a reason the user must act on records that itself (a work item) and returns normally:
the adoption is the municipality's decision and stands.

This and ``regie.intake.signals`` are the places Regie uses a Django signal. The house style
avoids signals as glue between apps that may import each other; here the dependency direction
forbids the direct call, and a signal is Django's purpose-made hook for it. Receivers are
connected in their app's ``ready()`` (``regie.integrations.duo.apps``), so who listens is
visible in one place.

Keyword arguments: ``pip_versie`` (the adopted ``PipVersie``), ``dossier``, ``door`` (the
teamleider), ``request`` (or None).
"""

from django.dispatch import Signal

pip_vastgesteld = Signal()
