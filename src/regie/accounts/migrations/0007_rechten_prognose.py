from django.contrib.auth.management import create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    from regie.accounts.rollen import installeer_standaardrollen

    installeer_standaardrollen(apps, alleen_bestaande=True)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_rechten_duo"), ("forecasting", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
