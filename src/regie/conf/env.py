"""Environment-variable reading that documents itself.

Every setting Regie reads from the environment goes through :func:`config`, which records the
name, default and help text. ``regie env-docs`` (``manage.py env_docs``) renders that registry
into ``docs/env.md``, so the reference can never drift from the code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

_UNSET = object()


@dataclass(frozen=True)
class EnvVar:
    name: str
    default: Any
    help_text: str
    group: str


REGISTRY: dict[str, EnvVar] = {}


def _cast_bool(value: str) -> bool:
    normalised = value.strip().lower()
    if normalised in {"1", "true", "yes", "on", "ja"}:
        return True
    if normalised in {"0", "false", "no", "off", "nee", ""}:
        return False
    raise ValueError(f"not a boolean: {value!r}")


def config(name: str, default: Any = _UNSET, *, help_text: str, group: str = "Algemeen") -> Any:
    """Read ``name`` from the environment, cast to the type of ``default``.

    A variable without default is required: a missing value stops start-up with a clear message
    instead of running with a silent guess.
    """
    REGISTRY[name] = EnvVar(name, None if default is _UNSET else default, help_text, group)
    raw = os.environ.get(name)
    if raw is None:
        if default is _UNSET:
            raise RuntimeError(f"Environment variable {name} is required: {help_text}")
        return default
    if isinstance(default, bool):
        return _cast_bool(raw)
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    if isinstance(default, list):
        return [item.strip() for item in raw.split(",") if item.strip()]
    return raw
