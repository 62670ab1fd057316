from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from regie.demo import generator


class Command(BaseCommand):
    help = "Bouw de demoregio (of een benchmarkdataset) in een lege database."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--dataset", choices=sorted(generator.DATASETS), default="demo")
        parser.add_argument("--seed", type=int, default=2022)
        parser.add_argument("--peildatum", type=date.fromisoformat, default=None)
        parser.add_argument(
            "--als-leeg",
            action="store_true",
            help="Alleen bouwen als de database nog geen gemeenten heeft (voor make run).",
        )

    def handle(self, *args, dataset: str, seed: int, peildatum, als_leeg: bool, **options):  # type: ignore[no-untyped-def]
        if not generator.database_is_leeg():
            if als_leeg:
                self.stdout.write("De database bevat al gegevens; demo niet opnieuw gebouwd.")
                return
            raise CommandError("De database is niet leeg. Gebruik een lege database.")
        samenvatting = generator.bouw(dataset, seed=seed, peildatum=peildatum)
        self.stdout.write(
            f"Dataset {samenvatting.dataset}: {samenvatting.gemeenten} gemeenten, "
            f"{samenvatting.dossiers} dossiers, {samenvatting.tijdlijnfeiten} tijdlijnfeiten."
        )
