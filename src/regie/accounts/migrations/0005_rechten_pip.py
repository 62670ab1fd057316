from django.db import migrations

from regie.accounts.rollen import rechten_bijwerken


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_rechten_intake"), ("plans", "0001_initial")]
    operations = [migrations.RunPython(rechten_bijwerken, migrations.RunPython.noop)]
