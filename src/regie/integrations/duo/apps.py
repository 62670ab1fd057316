from django.apps import AppConfig


class DuoConfig(AppConfig):
    name = "regie.integrations.duo"
    label = "duo"
    verbose_name = "DUO-koppeling"

    def ready(self) -> None:
        # Registers the DUO_* environment variables, so `regie env_docs` documents them.
        from regie.integrations.duo import conf  # noqa: F401
        from regie.integrations.duo.leveringen import pip_aan_duo
        from regie.plans.signals import pip_vastgesteld

        # An adopted PIP is delivered to DUO in the adoption's transaction (plans.signals).
        pip_vastgesteld.connect(pip_aan_duo, dispatch_uid="duo.pip_aan_duo")
