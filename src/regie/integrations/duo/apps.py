from django.apps import AppConfig


class DuoConfig(AppConfig):
    name = "regie.integrations.duo"
    label = "duo"
    verbose_name = "DUO-koppeling"
