import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import (
    AgendaItem,
    Body,
    BureauMember,
    Document,
    Meeting,
    MemberState,
    ProvisionalAgenda,
    WorkSlot,
)

pytestmark = pytest.mark.django_db


def refused(model, **kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(**kwargs)


@pytest.fixture
def agenda():
    return ProvisionalAgenda.objects.get(document__symbol="CTOC/COP/WG.4/2009/1")


def test_meeting_cannot_end_before_it_starts():
    refused(
        Meeting,
        body=Body.objects.get(slug="working-group-trafficking"),
        slug="backwards",
        title="Backwards",
        venue="Vienna",
        start_date=datetime.date(2012, 5, 2),
        end_date=datetime.date(2012, 5, 1),
    )


def test_agenda_items_are_unique_and_well_formed(agenda):
    refused(AgendaItem, agenda=agenda, number=1, sub_letter="a", title="again")
    refused(AgendaItem, agenda=agenda, number=0, title="zero")
    refused(AgendaItem, agenda=agenda, number=5, sub_letter="B", title="capital")


def test_work_slot_must_end_after_it_starts(agenda):
    refused(
        WorkSlot,
        agenda=agenda,
        item=agenda.items.first(),
        date=datetime.date(2009, 4, 14),
        start_time=datetime.time(13),
        end_time=datetime.time(10),
    )


def test_document_symbol_is_unique_and_validated():
    refused(Document, symbol="CTOC/COP/2008/8", title="again")
    document = Document(symbol="CTOC/COP/2008/8 Rev.1", title="x", languages=["en"])
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "symbol" in error.value.message_dict


def test_document_languages_are_validated():
    document = Document(symbol="CTOC/COP/2020/1", title="x", languages=["en", "de"])
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "languages" in error.value.message_dict


def test_bureau_has_one_president_and_one_seat_per_state():
    bureau = Body.objects.get(kind=Body.Kind.BUREAU)
    user = get_user_model().objects.create(username="second-president")
    refused(
        BureauMember,
        body=bureau,
        user=user,
        state=MemberState.objects.get(iso3="AUT"),
        role=BureauMember.Role.PRESIDENT,
    )
    refused(
        BureauMember,
        body=bureau,
        user=user,
        state=MemberState.objects.get(iso3="MEX"),
        role=BureauMember.Role.RAPPORTEUR,
    )


def test_state_codes_are_unique_and_upper_case():
    refused(MemberState, iso3="FRA", m49=999, short_name="again", region="europe")
    refused(MemberState, iso3="fra", m49=998, short_name="lower", region="europe")


def test_meeting_time_zone_and_past():
    meeting = Meeting.objects.get(slug="wg-2009")
    assert str(meeting.zone) == "Europe/Vienna"
    assert meeting.is_past
