from hypothesis import given, settings
from hypothesis import strategies as st

from regie.core.logging import mask_bsn
from regie.core.validators import is_geldig_bsn
from regie.demo.generator import bsn_reeks


def test_bekende_geldige_en_ongeldige_bsns():
    assert is_geldig_bsn("111222333")
    assert is_geldig_bsn("123456782")
    assert not is_geldig_bsn("123456789")
    assert not is_geldig_bsn("000000000")
    assert not is_geldig_bsn("12345678")
    assert not is_geldig_bsn("12345678a")


@settings(max_examples=1000)
@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.integers(0, 8), st.integers(1, 9))
def test_een_cijfer_wijzigen_breekt_de_elfproef(bsn, positie, delta):
    """The 11-proef detects every single-digit error: that is why it is used."""
    if not is_geldig_bsn(bsn):
        return
    cijfer = (int(bsn[positie]) + delta) % 10
    gewijzigd = bsn[:positie] + str(cijfer) + bsn[positie + 1 :]
    assert not is_geldig_bsn(gewijzigd)


def test_gegenereerde_bsns_zijn_geldig_uniek_en_herkenbaar_nep():
    reeks = bsn_reeks()
    bsns = [next(reeks) for _ in range(5_000)]
    assert len(set(bsns)) == len(bsns)
    assert all(is_geldig_bsn(b) and b.startswith("99") for b in bsns)


def test_logfilter_maskeert_bsn():
    assert mask_bsn("dossier van 123456782 geopend") == "dossier van ********* geopend"
    assert mask_bsn("V-nummer 1234567890 blijft") == "V-nummer 1234567890 blijft"
