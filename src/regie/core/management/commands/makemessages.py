"""``makemessages`` that also extracts the texts Regie declares through its own helpers.

The route-advice rules (``intake.advies._regel``) hand their name to ``gettext_noop`` inside
the helper; xgettext only sees literals passed to a known keyword, so the helper's 2nd
argument is declared as one here (one argument per keyword: the descriptions are marked where
the rules are written). Everything else is Django's own command.
"""

from __future__ import annotations

from django.core.management.commands.makemessages import Command as MakeMessagesCommand


class Command(MakeMessagesCommand):
    xgettext_options = [
        *MakeMessagesCommand.xgettext_options,
        "--keyword=_regel:2",
        "--keyword=_regel:3",
    ]
