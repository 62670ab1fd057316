from __future__ import annotations

from django.core.management.base import BaseCommand

from regie.forecasting.services import vul_demo_taakstelling


class Command(BaseCommand):
    help = (
        "Vul het taakstellingsregister voor de demoregio (17/14/39 per halfjaar) en, als er nog "
        "geen zijn, prognoseparameters versie 1 volgens het beleidskader."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--jaren", type=int, nargs="+", default=[2021, 2022])

    def handle(self, *args, jaren: list[int], **options):  # type: ignore[no-untyped-def]
        rijen = vul_demo_taakstelling(jaren=tuple(jaren))
        self.stdout.write(f"Taakstelling: {rijen} halfjaren vastgelegd of bijgewerkt.")
