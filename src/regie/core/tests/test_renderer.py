"""Every form widget carries its NL Design System class, whatever form renders it."""

from __future__ import annotations

from django import forms

from regie.core.renderers import RegieFormRenderer


class Voorbeeld(forms.Form):
    naam = forms.CharField()
    datum = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    gemeente = forms.ChoiceField(choices=[("1", "Weert"), ("2", "Nederweert")])
    toelichting = forms.CharField(widget=forms.Textarea)
    akkoord = forms.BooleanField()
    route = forms.ChoiceField(choices=[("z", "Z-route"), ("b1", "B1")], widget=forms.RadioSelect)
    geheim = forms.CharField(widget=forms.HiddenInput)
    eigen = forms.CharField(widget=forms.TextInput(attrs={"class": "utrecht-textbox regie-x"}))


def test_elk_veld_krijgt_zijn_utrecht_klasse():
    form = Voorbeeld()
    assert isinstance(form.renderer, RegieFormRenderer)
    html = {naam: str(form[naam]) for naam in form.fields}
    assert 'class="utrecht-textbox utrecht-textbox--html-input"' in html["naam"]
    assert 'class="utrecht-textbox utrecht-textbox--html-input"' in html["datum"]
    assert 'class="utrecht-select utrecht-select--html-select"' in html["gemeente"]
    assert 'class="utrecht-textarea utrecht-textarea--html-textarea"' in html["toelichting"]
    assert 'class="utrecht-checkbox utrecht-checkbox--html-input"' in html["akkoord"]
    assert html["route"].count("utrecht-radio-button--html-input") == 2
    assert "class=" not in html["geheim"]
    # A class set by the form itself is kept, not doubled.
    assert html["eigen"].count("class=") == 1 and "regie-x" in html["eigen"]
