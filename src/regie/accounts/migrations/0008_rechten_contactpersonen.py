from django.db import migrations

from regie.accounts.rollen import rechten_bijwerken


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_rechten_prognose"), ("duo", "0002_contactpersoon")]
    operations = [migrations.RunPython(rechten_bijwerken, migrations.RunPython.noop)]
