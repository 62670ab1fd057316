"""One form renderer for all of Regie: every widget gets the NL Design System (Utrecht) class
for its kind, so no form has to remember it and a form rendered anywhere looks the same."""

from __future__ import annotations

from typing import Any

from django.forms.renderers import DjangoTemplates

TEKSTVAK = "utrecht-textbox utrecht-textbox--html-input"
KLASSE_PER_TYPE = {
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radio": "utrecht-radio-button utrecht-radio-button--html-input",
    "file": "utrecht-textbox utrecht-textbox--html-input regie-bestand",
    "hidden": "",
}
KLASSE_PER_SJABLOON = {
    "select.html": "utrecht-select utrecht-select--html-select",
    "textarea.html": "utrecht-textarea utrecht-textarea--html-textarea",
}


def _voeg_klasse_toe(attrs: dict[str, Any], klasse: str) -> None:
    huidig = attrs.get("class", "")
    if klasse and "utrecht-" not in huidig:
        attrs["class"] = f"{klasse} {huidig}".strip()


def _klasse(widget: dict[str, Any]) -> str:
    sjabloon = str(widget.get("template_name", "")).rsplit("/", 1)[-1]
    if sjabloon in KLASSE_PER_SJABLOON:
        return KLASSE_PER_SJABLOON[sjabloon]
    return KLASSE_PER_TYPE.get(str(widget.get("type", "")), TEKSTVAK)


class RegieFormRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        widget = context.get("widget")
        if isinstance(widget, dict):
            self._opmaak(widget)
        return super().render(template_name, context, request=request)

    def _opmaak(self, widget: dict[str, Any]) -> None:
        if widget.get("is_hidden"):
            return
        sjabloon = str(widget.get("template_name", "")).rsplit("/", 1)[-1]
        if sjabloon in ("radio.html", "checkbox_select.html"):
            # RadioSelect / CheckboxSelectMultiple: the class goes on every option's input.
            for _groep, opties, _index in widget["optgroups"]:
                for optie in opties:
                    _voeg_klasse_toe(optie.setdefault("attrs", {}), _klasse(optie))
            return
        if "subwidgets" in widget:  # MultiWidget: each part is rendered with its own context
            for deel in widget["subwidgets"]:
                _voeg_klasse_toe(deel.setdefault("attrs", {}), _klasse(deel))
            return
        _voeg_klasse_toe(widget.setdefault("attrs", {}), _klasse(widget))
