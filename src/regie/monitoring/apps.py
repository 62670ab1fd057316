from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "regie.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring per subdoel"
