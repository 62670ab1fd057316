"""Validators for Dutch identifiers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def is_geldig_bsn(value: str) -> bool:
    """The 11-proef for a BSN: 9 digits, weights 9..2 and -1, sum divisible by 11."""
    if len(value) != 9 or not value.isdigit() or value == "000000000":
        return False
    digits = [int(c) for c in value]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0


def validate_bsn(value: str) -> None:
    if not value.isdigit() or len(value) != 9:
        raise ValidationError(_("Een BSN bestaat uit precies 9 cijfers."), code="bsn_formaat")
    if not is_geldig_bsn(value):
        raise ValidationError(
            _("Dit BSN is ongeldig: het voldoet niet aan de elfproef. Controleer de cijfers."),
            code="bsn_elfproef",
        )


def validate_v_nummer(value: str) -> None:
    if not value.isdigit() or len(value) != 10:
        raise ValidationError(
            _("Een V-nummer bestaat uit precies 10 cijfers."), code="v_nummer_formaat"
        )
