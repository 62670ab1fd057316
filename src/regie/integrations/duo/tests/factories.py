"""Factories for the DUO chain's rows."""

from __future__ import annotations

import uuid

import factory
from django.utils import timezone

from regie.integrations.duo import conf
from regie.integrations.duo.models import InboxNotificatie


class InboxFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InboxNotificatie

    bericht_id = factory.LazyFunction(uuid.uuid4)
    bron_oin = factory.LazyFunction(lambda: conf.DUO_OIN)
    doel_oin = factory.LazyAttribute(lambda o: o.gemeente.oin if o.gemeente else "0" * 20)
    gebeurtenis = "SS139"
    bsn = "999000011"
    registratie_op = factory.LazyFunction(timezone.now)
