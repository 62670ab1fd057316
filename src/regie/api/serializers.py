from __future__ import annotations

from rest_framework import serializers

from regie.core.validators import is_geldig_bsn
from regie.dossiers.models import Dossier, Inburgeraar, TijdlijnFeit


class InburgeraarSerializer(serializers.ModelSerializer):
    class Meta:
        model = Inburgeraar
        fields = [
            "id",
            "bsn",
            "v_nummer",
            "voornamen",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "nationaliteit",
            "talen",
            "geletterdheid",
        ]


class DossierLijstSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="inburgeraar.volledige_naam")
    inburgeraar_id = serializers.UUIDField(source="inburgeraar.id")
    regie_gemeente = serializers.CharField(source="regie_gemeente.cbs_code")
    klantregisseur = serializers.CharField(
        source="klantregisseur.username", allow_null=True, default=None
    )

    class Meta:
        model = Dossier
        fields = [
            "id",
            "nummer",
            "naam",
            "inburgeraar_id",
            "regie_gemeente",
            "klantregisseur",
            "fase",
            "doelgroep",
            "regime",
            "aangemaakt_op",
        ]


class TijdlijnFeitSerializer(serializers.ModelSerializer):
    class Meta:
        model = TijdlijnFeit
        fields = ["datum", "soort", "gegevens", "bron", "vastgelegd_op"]


class DossierDetailSerializer(serializers.ModelSerializer):
    inburgeraar = InburgeraarSerializer()
    regie_gemeente = serializers.CharField(source="regie_gemeente.cbs_code")
    koppeling_gemeente = serializers.CharField(
        source="koppeling_gemeente.cbs_code", allow_null=True, default=None
    )
    klantregisseur = serializers.CharField(
        source="klantregisseur.username", allow_null=True, default=None
    )
    tijdlijn = TijdlijnFeitSerializer(many=True, source="tijdlijn_feiten")

    class Meta:
        model = Dossier
        fields = [
            "id",
            "nummer",
            "inburgeraar",
            "regie_gemeente",
            "klantregisseur",
            "fase",
            "verblijf",
            "doelgroep",
            "regime",
            "plicht_vanaf",
            "koppeling_datum",
            "koppeling_gemeente",
            "coa_locatie",
            "vestiging_datum",
            "versie",
            "tijdlijn",
        ]


class Tekst(serializers.CharField):
    """A JSON string, nothing else: DRF's CharField would turn a number into text, accepting
    what the schema (type: string) forbids."""

    def to_internal_value(self, data: object) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class ZoekVraagSerializer(serializers.Serializer):
    bsn = Tekst(required=False, min_length=9, max_length=9)
    v_nummer = Tekst(required=False, min_length=10, max_length=10)
    achternaam = Tekst(required=False, min_length=2, max_length=200)

    def validate_bsn(self, value: str) -> str:
        if not is_geldig_bsn(value):
            raise serializers.ValidationError("Dit BSN voldoet niet aan de elfproef.")
        return value

    def validate(self, attrs: dict) -> dict:
        if len(attrs) != 1:
            raise serializers.ValidationError(
                "Geef precies één van de velden bsn, v_nummer of achternaam."
            )
        return attrs
