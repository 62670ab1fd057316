from django.db import migrations

from regie.accounts.rollen import rechten_bijwerken


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_standaardrollen"), ("core", "0002_regelparameter")]
    operations = [migrations.RunPython(rechten_bijwerken, migrations.RunPython.noop)]
