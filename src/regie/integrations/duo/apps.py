from django.apps import AppConfig


class DuoConfig(AppConfig):
    name = "regie.integrations.duo"
    label = "duo"
    verbose_name = "DUO-koppeling"

    def ready(self) -> None:
        # Registers the DUO_* environment variables, so `regie env_docs` documents them.
        from regie.integrations.duo import conf  # noqa: F401
