"""Render docs/env.md from the settings registry (regie.conf.env), or check it is current."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from regie.conf.env import REGISTRY


def render() -> str:
    lines = [
        "# Environment variables",
        "",
        "Generated from `src/regie/conf/base.py` by `make env-docs`; CI fails when it is stale.",
        "",
    ]
    groups: dict[str, list] = {}
    for var in REGISTRY.values():
        groups.setdefault(var.group, []).append(var)
    for group in sorted(groups):
        lines += [f"## {group}", "", "| variable | default | meaning |", "|---|---|---|"]
        for var in sorted(groups[group], key=lambda v: v.name):
            default = "*(required)*" if var.default is None else f"`{_fmt(var.default)}`"
            lines.append(f"| `{var.name}` | {default} | {var.help_text} |")
        lines.append("")
    return "\n".join(lines)


def _fmt(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(value)
    text = str(value)
    return text.replace(str(settings.BASE_DIR), "<repo>")


class Command(BaseCommand):
    help = "Write docs/env.md from the settings registry (--check: fail when it differs)."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--check", action="store_true")

    def handle(self, *args, check: bool, **options):  # type: ignore[no-untyped-def]
        path = Path(settings.BASE_DIR) / "docs" / "env.md"
        content = render()
        if check:
            if not path.exists() or path.read_text() != content:
                raise CommandError("docs/env.md is out of date: run 'make env-docs'.")
            return
        path.write_text(content)
        self.stdout.write(f"Wrote {path}")
