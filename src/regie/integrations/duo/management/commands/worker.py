"""``regie worker``: process DUO notifications and send deliveries to DUO."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from regie.integrations.duo.worker import Worker


class Command(BaseCommand):
    help = (
        "Verwerk DUO-notificaties (inbox) en verstuur leveringen aan DUO (outbox). "
        "--once: verwerk wat klaarstaat en stop."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--once", action="store_true", help="drain the queues and exit")
        parser.add_argument("--batch", type=int, default=50, help="rows claimed per round")

    def handle(self, *args, once: bool, batch: int, **options):  # type: ignore[no-untyped-def]
        worker = Worker(batch=batch, instellingen_verversen=True)
        worker.stop_bij_signaal()
        self.stdout.write(f"DUO-worker {worker.naam} gestart.")
        totaal = worker.draai(eenmalig=once)
        self.stdout.write(
            "DUO-worker gestopt: "
            + (", ".join(f"{k} {v}" for k, v in sorted(totaal.items())) or "niets te doen")
        )
