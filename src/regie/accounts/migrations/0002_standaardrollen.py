from django.db import migrations

# Permissions are normally created after all migrations; the roles need them now.
from regie.accounts.rollen import rechten_bijwerken


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("audit", "0001_initial"),
        ("core", "0001_initial"),
        ("dossiers", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(rechten_bijwerken, migrations.RunPython.noop)]
