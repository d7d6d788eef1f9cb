"""One time model: a deadline is entered, stored, shown and enforced in its call's own zone, as
a whole minute, and every surface tells the same day and minute in every language."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from meetings.models import MemberState
from submissions import note_verbale, outbox, receipts, scheduling, services
from submissions.models import CallForTopics, DeadlineExtension, OutboundMessage
from tests.conftest import LANGUAGES
from wgportal.i18n import date_time_long, zone_name

pytestmark = pytest.mark.django_db

VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
UTC = datetime.UTC
# The summer-time changes of 2024 in Vienna: clocks went forward on 31 March, back on 27 October.
SPRING = datetime.date(2024, 3, 31)
AUTUMN = datetime.date(2024, 10, 27)
# "23:59 Vienna time" on each day, as UTC stores it.
STORED = {
    SPRING: datetime.datetime(2024, 3, 31, 21, 59, tzinfo=UTC),  # CEST, UTC+2
    AUTUMN: datetime.datetime(2024, 10, 27, 22, 59, tzinfo=UTC),  # CET, UTC+1
}
# The deadline of 31 July 2009, 23:59 in Vienna, as each language writes it.
SEED_DEADLINE = {
    "ar": "31 تموز/يوليه 2009، الساعة \u206623:59\u2069 بتوقيت فيينا",
    "zh-hans": "维也纳时间2009年7月31日下午11时59分",
    "en": "31 July 2009, 11.59 p.m. (Vienna time)",
    "fr": "31 juillet 2009 à 23 h 59 (heure de Vienne)",
    "ru": "по венскому времени",
    "es": "31 de julio de 2009, a las 23.59 horas (hora de Viena)",
}


def admin_form_data(response):
    """What the admin's change form would post back as it stands: the form and its inlines."""
    context = response.context
    form = context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, datetime.datetime):
            local = timezone.localtime(value)
            data[f"{name}_0"], data[f"{name}_1"] = f"{local:%Y-%m-%d}", f"{local:%H:%M:%S}"
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif value is not None:
            data[name] = value
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for index, inline_form in enumerate(formset.forms):
            for name in inline_form.fields:
                value = inline_form[name].value()
                if value is not None:
                    data[f"{formset.prefix}-{index}-{name}"] = value
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def call(db):
    return CallForTopics.objects.get(reference="CU 2009/92 (A)")


@pytest.mark.parametrize("day", [SPRING, AUTUMN], ids=["31 March", "27 October"])
def test_the_admin_reads_the_deadline_in_the_calls_zone(secretariat_client, call, day):
    url = reverse("admin:submissions_callfortopics_change", args=[call.pk])
    page = secretariat_client.get(url)
    assert "deadline (Vienna time)" in page.content.decode()
    data = admin_form_data(page)
    data["deadline_0"], data["deadline_1"] = f"{day:%Y-%m-%d}", "23:59"
    response = secretariat_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    call.refresh_from_db()
    assert call.deadline == STORED[day]
    # Shown back in the same zone, as typed.
    again = secretariat_client.get(url).content.decode()
    assert f'value="{day:%Y-%m-%d}"' in again and 'value="23:59:00"' in again


def test_the_admin_reads_the_deadline_in_the_zone_the_form_names(secretariat_client, call):
    url = reverse("admin:submissions_callfortopics_change", args=[call.pk])
    data = admin_form_data(secretariat_client.get(url))
    data.update(time_zone="Asia/Tokyo", deadline_0="2024-03-31", deadline_1="23:59")
    assert secretariat_client.post(url, data).status_code == 302
    call.refresh_from_db()
    assert call.deadline == datetime.datetime(2024, 3, 31, 14, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "message"),
    [("23:59:30", "whole minute"), ("00:00", "reads as the next day")],
)
def test_the_admin_refuses_a_deadline_that_is_not_a_whole_minute_before_midnight(
    secretariat_client, call, typed, message
):
    url = reverse("admin:submissions_callfortopics_change", args=[call.pk])
    before = call.deadline
    data = admin_form_data(secretariat_client.get(url))
    data["deadline_0"], data["deadline_1"] = "2024-03-31", typed
    response = secretariat_client.post(url, data)
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors["deadline"])
    call.refresh_from_db()
    assert call.deadline == before


def test_an_extension_is_entered_in_its_calls_zone(secretariat_client, call):
    france = MemberState.objects.get(iso3="FRA")
    response = secretariat_client.post(
        reverse("admin:submissions_deadlineextension_add"),
        {
            "call": call.pk,
            "state": france.pk,
            "until_0": "2009-08-07",
            "until_1": "23:59",
            "reason": "Elections",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    extension = DeadlineExtension.objects.get(call=call, state=france)
    assert extension.until == datetime.datetime(2009, 8, 7, 21, 59, tzinfo=UTC)


def test_the_admins_lists_and_outbox_name_their_zone(secretariat_client, call):
    calls = secretariat_client.get(reverse("admin:submissions_callfortopics_changelist"))
    assert "31 July 2009, 11.59 p.m. (Vienna time)" in calls.content.decode()
    outbox.record(
        kind=OutboundMessage.Kind.DIGEST,
        key="zone-test",
        recipient="a@example.org",
        language="en",
        subject="S",
        body="B",
    )
    messages = secretariat_client.get(reverse("admin:submissions_outboundmessage_changelist"))
    assert "(Vienna time)" in messages.content.decode()
    history = secretariat_client.get(
        reverse("admin:submissions_callfortopics_history", args=[call.pk])
    )
    assert "Times are given in Vienna time." in history.content.decode()


@pytest.mark.parametrize("day", [SPRING, AUTUMN], ids=["31 March", "27 October"])
def test_a_proposal_is_refused_at_23_59_30_and_accepted_at_23_58(open_call, day):
    deadline = STORED[day]
    CallForTopics.objects.filter(pk=open_call.pk).update(deadline=deadline)
    open_call.refresh_from_db()
    france = MemberState.objects.get(iso3="FRA")
    at_23_58 = datetime.datetime.combine(day, datetime.time(23, 58), tzinfo=VIENNA)
    at_23_59_30 = datetime.datetime.combine(day, datetime.time(23, 59, 30), tzinfo=VIENNA)
    services._ensure_accepting(open_call, france, now=at_23_58)
    with pytest.raises(ValidationError) as refused:
        services._ensure_accepting(open_call, france, now=at_23_59_30)
    with translation.override("en"):
        assert f"{day.day} " in refused.value.messages[0]
        assert "11.59 p.m. (Vienna time)" in refused.value.messages[0]
    # The scan closes the call at that minute, not before.
    assert scheduling.run_due(now=at_23_58)["closed"] == 0
    assert scheduling.run_due(now=deadline)["closed"] == 1


def test_a_service_refuses_a_deadline_that_is_not_a_whole_minute(open_call, secretariat):
    france = MemberState.objects.get(iso3="FRA")
    with pytest.raises(ValidationError, match="whole minute"):
        services.grant_extension(
            call=open_call,
            state=france,
            until=open_call.deadline.replace(second=0) + datetime.timedelta(seconds=90),
            reason="",
            by=secretariat,
        )
    midnight = datetime.datetime.combine(
        open_call.deadline.astimezone(VIENNA).date() + datetime.timedelta(days=2),
        datetime.time(0),
        tzinfo=VIENNA,
    )
    with pytest.raises(ValidationError, match="reads as the next day"):
        services.grant_extension(
            call=open_call, state=france, until=midnight, reason="", by=secretariat
        )
    assert not DeadlineExtension.objects.filter(call=open_call, state=france).exists()
    CallForTopics.objects.filter(pk=open_call.pk).update(
        status=CallForTopics.Status.DRAFT,
        deadline=datetime.datetime(2030, 3, 31, 23, 59, 59, 450000, tzinfo=VIENNA),
    )
    open_call.refresh_from_db()
    with pytest.raises(ValidationError, match="whole minute"):
        services.open_call(open_call, by=secretariat)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_surface_tells_the_same_day_and_minute(call, language):
    """The State's page, the note verbale, the reminder, the receipt: one deadline."""
    told = date_time_long(call.deadline, call.zone, language)
    assert SEED_DEADLINE[language] in told
    with translation.override(language):
        from django.template.loader import render_to_string

        page = render_to_string(
            "submissions/_deadline.html",
            {"call": call, "deadline": call.deadline, "now": timezone.now()},
        )
        reminder = render_to_string("submissions/email/reminder.txt", {"call": call, "days": 3})
        email = render_to_string(
            "submissions/email/note_verbale.txt", {"call": call, "state": None, "mission": None}
        )
    for surface in (page, reminder, email):
        assert told in surface.replace("&#x27;", "'"), surface
    day = note_verbale.placeholder_values(call, None, language)["Deadline"]
    assert day in told  # "by 31 July 2009": the same day


def test_the_local_time_line_carries_the_instant_in_whole_seconds(call):
    from django.template.loader import render_to_string

    page = render_to_string(
        "submissions/_deadline.html",
        {"call": call, "deadline": call.deadline, "now": timezone.now()},
    )
    assert 'datetime="2009-07-31T21:59:00+00:00"' in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_zones_are_named_never_offsets(language):
    for zone in (VIENNA, TOKYO, zoneinfo.ZoneInfo("America/New_York")):
        name = zone_name(zone, language)
        assert "+" not in name and not any(char.isdigit() for char in name)
    assert zone_name(VIENNA, "ru") == "по венскому времени"
    assert zone_name(VIENNA, "fr") == "heure de Vienne"


def test_a_receipt_tells_its_time_in_the_calls_zone(open_call):
    from submissions.models import Delegate

    delegate = Delegate.objects.select_related("user").filter(state__iso3="FRA").first()
    with translation.override("fr"):
        proposal = services.save_draft(
            user=delegate.user,
            call=open_call,
            data={
                "title": "T",
                "description": "D",
                "rationale": "",
                "area": None,
                "language": "fr",
            },
            submit=True,
        )
    message = receipts.write_receipt(proposal)
    told = date_time_long(proposal.submitted_at, open_call.zone, "fr")
    assert "(heure de Vienne)" in told
    assert told in message.body
