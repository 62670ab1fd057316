"""Log filter that masks anything shaped like a BSN, as a last line of defence.

Regie never logs personal data on purpose; this filter catches accidents (a BSN in an exception
message, a query string) before a line leaves the process.
"""

from __future__ import annotations

import logging
import re

_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def mask_bsn(text: str) -> str:
    return _NINE_DIGITS.sub("*********", text)


class BsnFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_bsn(message)
        if masked != message:
            record.msg = masked
            record.args = None
        return True
