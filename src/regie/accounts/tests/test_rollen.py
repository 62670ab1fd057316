"""After all migrations every standard role holds exactly the rights of rollen.py."""

from regie.accounts.models import Rol
from regie.accounts.rollen import STANDAARDROLLEN


def test_standaardrollen_hebben_hun_rechten(db):
    for code, spec in STANDAARDROLLEN.items():
        rol = Rol.objects.get(code=code)
        rechten = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in rol.rechten.select_related("content_type")
        }
        assert rechten == set(spec["rechten"]), code
