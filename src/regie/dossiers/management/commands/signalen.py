from __future__ import annotations

import time
from datetime import date

from django.core.management.base import BaseCommand

from regie.dossiers import signalen


class Command(BaseCommand):
    help = "Bereken de termijnen van alle open dossiers opnieuw met de regelengine (dagelijks)."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--peildatum", type=date.fromisoformat, default=None)

    def handle(self, *args, peildatum, **options):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        geteld = signalen.sweep(peildatum=peildatum)
        duur = time.perf_counter() - start
        per_seconde = geteld["beoordeeld"] / duur if duur else 0
        self.stdout.write(
            f"{geteld['beoordeeld']} dossiers beoordeeld, {geteld['gewijzigd']} gewijzigd "
            f"in {duur:.1f} s ({per_seconde:.0f} dossiers/s)."
        )
