"""Production: no development defaults at all. SECRET_KEY and DATABASE_URL must be set."""

from regie.conf.base import *  # noqa: F403
from regie.conf.base import STORAGES

STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
