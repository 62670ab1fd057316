from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from regie.demo import bench, generator
from regie.dossiers import signalen
from regie.dossiers.models import Dossier
from regie.forecasting.bench import meet_prognose
from regie.integrations.duo.bench import meet_inbox
from regie.monitoring.bench import meet_dashboard
from regie.rules.bench import meet_evaluaties_per_seconde


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
        resultaten.append(meet_dashboard(herhalingen=min(herhalingen, 20)))
        if spec.extra_gemeenten:
            # One policy officer over every municipality: the national scale of P5.
            resultaten.append(meet_dashboard(herhalingen=min(herhalingen, 20), alle_gemeenten=True))
        # Two worker processes on PostgreSQL, as production runs them (SKIP LOCKED).
        # One INFO line per DUO call is right in production, noise in a benchmark's output.
        duo_log = logging.getLogger("regie.integrations.duo")
        vorig_niveau = duo_log.level
        duo_log.setLevel(logging.WARNING)
        try:
            inbox = meet_inbox(10_000, workers=2 if connection.vendor == "postgresql" else None)
        finally:
            duo_log.setLevel(vorig_niveau)
        inbox_regel = (
            f"DUO-inbox: {inbox['verwerkt']} van {inbox['aantal']} notificaties verwerkt in "
            f"{inbox['seconden']:.1f} s = {inbox['per_seconde']:.0f}/s met {inbox['workers']} "
            f"worker(s), {inbox['per_cpu_seconde']:.0f} per CPU-seconde "
            f"(doel ≥ {inbox['doel_per_seconde']}/s op PostgreSQL)"
        )
        prognose_s = meet_prognose()
        prognose_regel = (
            f"P10 prognose: 10.000 Monte Carlo-runs, 3 gemeenten, 3 jaar in {prognose_s:.2f} s "
            f"(doel ≤ 1 s)"
        )
        regels = meet_evaluaties_per_seconde(2.0)
        start = time.perf_counter()
        sweep = signalen.sweep()
        duur = time.perf_counter() - start
        sweep_regel = (
            f"P4 signalensweep: {sweep['beoordeeld']} open dossiers in {duur:.1f} s = "
            f"{sweep['beoordeeld'] / duur:.0f} dossiers/s (doel ≥ 2.500/s, national ≤ 60 s)"
        )
        self.stdout.write(f"\nDatabase: {connection.vendor}, dataset: {dataset}\n")
        header = (
            f"{'meting':44} {'pagina p50':>10} {'p95':>7} {'ORM p50':>8} {'SQL p50':>8} "
            f"{'ORM×SQL':>8} {'queries':>7}  doel"
        )
        self.stdout.write(header)
        for r in resultaten:
            self.stdout.write(
                f"{r['naam']:44} {r['pagina_p50_ms']:10.1f} {r['pagina_p95_ms']:7.1f} "
                f"{r['orm_p50_ms']:8.2f} {r['sql_p50_ms']:8.2f} {r['orm_x_sql']:8.1f} "
                f"{r['queries']:7d}  {r['doel']}"
            )
        self.stdout.write(sweep_regel)
        self.stdout.write(prognose_regel)
        self.stdout.write(inbox_regel)
        self.stdout.write(
            f"P4 regelengine: {regels['evaluaties_per_seconde']} evaluaties/s per core "
            f"(doel ≥ {regels['doel_evaluaties_per_seconde']}/s)"
        )
        uit = Path(settings.BASE_DIR) / "var" / f"bench-{dataset}-{connection.vendor}.json"
        uit.write_text(
            json.dumps(
                {
                    "metingen": resultaten,
                    "regels": regels,
                    "sweep": sweep_regel,
                    "prognose": prognose_regel,
                    "inbox": inbox,
                },
                indent=2,
                default=str,
            )
        )
        self.stdout.write(f"\nResultaten: {uit}")
