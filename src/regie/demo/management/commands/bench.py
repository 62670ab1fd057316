from __future__ import annotations

import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from regie.demo import bench, generator
from regie.dossiers.models import Dossier


class Command(BaseCommand):
    help = "Meet P1/P2 (en de regelengine) tegen een SQL-basislijn in dezelfde run."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--dataset", choices=sorted(generator.DATASETS), default="regional")
        parser.add_argument("--herhalingen", type=int, default=40)

    def handle(self, *args, dataset: str, herhalingen: int, **options):  # type: ignore[no-untyped-def]
        call_command("migrate", verbosity=0)
        spec = generator.DATASETS[dataset]
        if generator.database_is_leeg():
            start = time.perf_counter()
            generator.bouw(dataset)
            self.stdout.write(f"Dataset {dataset} gebouwd in {time.perf_counter() - start:.0f} s")
        elif Dossier.objects.count() != spec.dossiers:
            self.stderr.write(f"Deze database bevat geen {dataset}-dataset; gebruik een lege.")
            return
        else:
            self.stdout.write(f"Dataset {dataset} hergebruikt.")
        resultaten = bench.draai(herhalingen)
        try:
            from regie.rules.bench import meet_evaluaties_per_seconde

            regels = meet_evaluaties_per_seconde(2.0)
        except ImportError:
            regels = None
        self.stdout.write(f"\nDatabase: {connection.vendor}, dataset: {dataset}\n")
        header = (
            f"{'meting':45} {'p50 ms':>8} {'p95 ms':>8} {'SQL p50':>8} {'SQL p95':>8} "
            f"{'×SQL':>6} {'queries':>7}  doel"
        )
        self.stdout.write(header)
        for r in resultaten:
            self.stdout.write(
                f"{r['naam']:45} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['basis_p50_ms']:8.2f} "
                f"{r['basis_p95_ms']:8.2f} {r['verhouding_p50']:6.1f} {r['queries']:7d}  "
                f"{r['doel']}"
            )
        if regels:
            self.stdout.write(f"P4 regelengine: {regels}")
        uit = Path(settings.BASE_DIR) / "var" / f"bench-{dataset}-{connection.vendor}.json"
        uit.write_text(
            json.dumps({"metingen": resultaten, "regels": regels}, indent=2, default=str)
        )
        self.stdout.write(f"\nResultaten: {uit}")
