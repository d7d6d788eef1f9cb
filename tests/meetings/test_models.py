import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings import documents, selectors
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
from tests.test_pdf import pdftotext

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


def test_a_sub_item_without_its_main_item_still_shows(client, agenda):
    AgendaItem.objects.create(agenda=agenda, number=7, sub_letter="a", title_en="Orphan sub-item")
    html = client.get("/en/meetings/wg-2009/").content.decode()
    assert "Orphan sub-item" in html
    rendered = documents.agenda_pdf(selectors.meeting_with_agenda("wg-2009"), "en")
    assert "Orphan sub-item" in pdftotext(rendered.content)


@pytest.fixture
def draft_agenda():
    return ProvisionalAgenda.objects.get(document__symbol="CTOC/COP/WG.4/2010/1")


def test_an_issued_agendas_items_are_read_only_in_the_admin(secretariat_client, agenda):
    from django.urls import reverse

    item = agenda.items.first()
    url = reverse("admin:meetings_agendaitem_change", args=[item.pk])
    response = secretariat_client.post(url, {"title_en": "Changed", "number": 1})
    assert response.status_code == 403
    page = secretariat_client.get(
        reverse("admin:meetings_provisionalagenda_change", args=[agenda.pk])
    )
    assert all(
        not formset.has_add_permission and not formset.has_change_permission
        for formset in page.context["inline_admin_formsets"]
    )
    item.refresh_from_db()
    assert item.title_en != "Changed"


def test_admin_refuses_a_sub_item_without_its_main_item(secretariat_client, draft_agenda):
    from django.urls import reverse

    agenda = draft_agenda

    url = reverse("admin:meetings_provisionalagenda_change", args=[agenda.pk])
    form = secretariat_client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update({"meeting": agenda.meeting_id, "document": agenda.document_id})
    for formset in secretariat_client.get(url).context["inline_admin_formsets"]:
        management = formset.formset.management_form
        prefix = formset.formset.prefix
        data.update({f"{prefix}-{k}": v for k, v in management.initial.items()})
        for i, inline in enumerate(formset.formset.forms):
            for name, field in inline.fields.items():
                value = inline.initial.get(name, field.initial)
                if value is not None:
                    data[f"{prefix}-{i}-{name}"] = getattr(value, "pk", value)
    prefix = "items"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = total + 1
    data.update(
        {
            f"{prefix}-{total}-agenda": agenda.pk,
            f"{prefix}-{total}-number": 9,
            f"{prefix}-{total}-sub_letter": "a",
            f"{prefix}-{total}-title_en": "Orphan",
        }
    )
    response = secretariat_client.post(url, data)
    assert response.status_code == 200
    assert "Add item 9 itself before its lettered sub-items." in response.content.decode()
    assert not agenda.items.filter(number=9).exists()
