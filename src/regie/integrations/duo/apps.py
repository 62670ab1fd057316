from django.apps import AppConfig


class DuoConfig(AppConfig):
    name = "regie.integrations.duo"
    label = "duo"
    verbose_name = "DUO-koppeling"

    def ready(self) -> None:
        # Registers the DUO_* environment variables, so `regie env_docs` documents them.
        from regie.intake.signals import lbt_overslaan_gewijzigd
        from regie.integrations.duo import conf  # noqa: F401
        from regie.integrations.duo.leveringen import lbt_overslaan_aan_duo, pip_aan_duo
        from regie.plans.signals import pip_vastgesteld

        # An adopted PIP is delivered to DUO in the adoption's transaction (plans.signals).
        pip_vastgesteld.connect(pip_aan_duo, dispatch_uid="duo.pip_aan_duo")
        # A leerbaarheidstoets skipped in the intake is reported to DUO (intake.signals).
        lbt_overslaan_gewijzigd.connect(lbt_overslaan_aan_duo, dispatch_uid="duo.lbt_overslaan")
