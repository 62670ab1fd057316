"""The ``regie`` command: ``regie rules …`` runs the rules engine without Django; everything
else is a Django management command (``regie demo``, ``regie bench``, ``regie runserver``, …)."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["rules"]:
        from regie.rules.cli import main as rules_main

        return rules_main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regie.conf.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["regie", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
