"""The database itself refuses UPDATE and DELETE on the audit table (targets R-06)."""

from django.db import migrations

POSTGRES_SQL = """
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_auditgebeurtenis is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit_auditgebeurtenis
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_auditgebeurtenis
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
"""
POSTGRES_REVERSE = """
DROP TRIGGER IF EXISTS audit_no_update ON audit_auditgebeurtenis;
DROP TRIGGER IF EXISTS audit_no_truncate ON audit_auditgebeurtenis;
DROP FUNCTION IF EXISTS audit_append_only();
"""
SQLITE_SQL = [
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditgebeurtenis
       BEGIN SELECT RAISE(ABORT, 'audit_auditgebeurtenis is append-only'); END;""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditgebeurtenis
       BEGIN SELECT RAISE(ABORT, 'audit_auditgebeurtenis is append-only'); END;""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS audit_no_update;", "DROP TRIGGER IF EXISTS audit_no_delete;"]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_SQL)
    elif vendor == "sqlite":
        for statement in SQLITE_SQL:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_REVERSE)
    elif vendor == "sqlite":
        for statement in SQLITE_REVERSE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
