from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "regie.dossiers"
    label = "dossiers"
    verbose_name = "Dossiers"
