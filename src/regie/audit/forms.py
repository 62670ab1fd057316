from django import forms
from django.utils.translation import gettext_lazy as _

from regie.audit.models import AuditGebeurtenis


class AuditZoekForm(forms.Form):
    dossiernummer = forms.CharField(label=_("Dossiernummer"), required=False, max_length=20)
    gebruiker = forms.CharField(label=_("Gebruikersnaam"), required=False, max_length=150)
    actie = forms.ChoiceField(
        label=_("Actie"),
        required=False,
        choices=[("", _("Alle acties")), *AuditGebeurtenis.Actie.choices],
    )
