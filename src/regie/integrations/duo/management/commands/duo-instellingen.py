"""``regie duo-instellingen``: fetch DUO's list of recognised institutions now (the worker
does it every DUO_INSTITUTIONS_REFRESH_HOURS)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from regie.core.models import Gemeente
from regie.integrations.duo import instellingen
from regie.integrations.duo.client import DuoClient
from regie.integrations.duo.client.fouten import DuoFout


class Command(BaseCommand):
    help = "Fetch DUO's list of recognised institutions (BoW/TST keurmerk) into Regie."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        gemeente = Gemeente.objects.exclude(oin="").order_by("pk").first()
        if gemeente is None:
            raise CommandError("No municipality has an OIN: DUO cannot be asked on its behalf.")
        try:
            telling = instellingen.verversen(DuoClient.voor_gemeente(gemeente))
        except DuoFout as exc:
            raise CommandError(f"DUO: {exc.melding}") from exc
        self.stdout.write(
            f"{telling['totaal']} erkende instellingen: {telling['nieuw']} nieuw, "
            f"{telling['gewijzigd']} gewijzigd, {telling['vervallen']} niet meer in de lijst."
        )
