"""The proposal services: deadlines, States, limits, concurrency, who may act."""

import datetime
import threading
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import close_old_connections, connection
from django.utils import timezone

from meetings.models import Meeting, MemberState
from submissions import services
from submissions.models import CallForTopics, Delegate, SuggestedArea, TopicProposal
from tests.conftest import need, whole_minute

pytestmark = pytest.mark.django_db
NOW = whole_minute(timezone.now())  # deadlines are whole minutes


def make_call(
    reference="CU TEST/1 (A)", deadline=None, status=CallForTopics.Status.OPEN, meeting="wg-2011"
):
    call = CallForTopics.objects.create(
        meeting=Meeting.objects.get(slug=meeting),
        reference=reference,
        issue_date=datetime.date.today(),
        deadline=deadline or NOW + datetime.timedelta(days=10),
        note_text_en="The Government is invited to propose topics.",
        max_proposals_per_state=2,
    )
    for letter in "ab":
        SuggestedArea.objects.create(call=call, letter=letter, title_en=f"Area {letter}")
    CallForTopics.objects.filter(pk=call.pk).update(status=status)
    call.refresh_from_db()
    return call


@pytest.fixture
def call():
    return make_call()


@pytest.fixture
def france(django_user_model):
    return django_user_model.objects.get(username="delegate-fr")


@pytest.fixture
def egypt(django_user_model):
    return django_user_model.objects.get(username="delegate-eg")


def data(call, **changes):
    return {
        "title": "Non-punishment of victims",
        "description": "How States apply the non-punishment principle.",
        "rationale": "",
        "area": call.areas.get(letter="a"),
        "language": "fr",
        **changes,
    }


def test_delegate_drafts_and_submits_with_a_reference(call, france):
    proposal = services.save_draft(user=france, call=call, data=data(call))
    assert proposal.status == "draft" and proposal.number == 1
    assert proposal.reference == "CU TEST/1 (A)/FRA/1"
    proposal = services.submit_proposal(user=france, proposal=proposal, version=proposal.version)
    assert proposal.status == "submitted" and proposal.submitted_at
    assert proposal.history.count() == 2


def test_same_form_posted_twice_makes_one_proposal(call, france):
    token = uuid.uuid4()
    first = services.save_draft(user=france, call=call, data=data(call), form_token=token)
    second = services.save_draft(user=france, call=call, data=data(call), form_token=token)
    assert first.pk == second.pk
    assert TopicProposal.objects.filter(call=call).count() == 1


def test_a_form_saved_as_draft_then_submitted_from_the_back_button_submits_it(call, france):
    """Save draft, Back, Submit: the same form comes again, asking to submit."""
    token = uuid.uuid4()
    draft = services.save_proposal(user=france, call=call, data=data(call), form_token=token)
    again = services.save_proposal(
        user=france, call=call, data=data(call), form_token=token, submit=True
    )
    assert again.pk == draft.pk and again.status == "submitted"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"description": ""}, "description"),
        ({"description": "x" * 4001}, "description"),
        ({"rationale": "x" * 4001}, "rationale"),
        ({"language": "de"}, "language"),
        ({"language": ""}, "language"),
    ],
)
def test_bad_content_is_refused_field_by_field(call, france, changes, field):
    with pytest.raises(ValidationError) as error:
        services.save_draft(user=france, call=call, data=data(call, **changes))
    assert field in error.value.message_dict
    assert not TopicProposal.objects.filter(call=call).exists()


def test_an_area_of_another_call_is_refused(call, france):
    other = make_call(reference="CU TEST/2 (A)", meeting="wg-2010-10")
    with pytest.raises(ValidationError) as error:
        services.save_draft(
            user=france, call=call, data=data(call, area=other.areas.get(letter="a"))
        )
    assert "Choose one of the areas this call suggests" in str(error.value)


def test_other_topic_has_no_area(call, france):
    proposal = services.save_draft(user=france, call=call, data=data(call, area=None))
    assert proposal.area is None


def test_after_the_deadline_nothing_is_made_or_changed(call, france):
    proposal = services.save_draft(user=france, call=call, data=data(call))
    CallForTopics.objects.filter(pk=call.pk).update(deadline=NOW - datetime.timedelta(minutes=1))
    call.refresh_from_db()
    for attempt in (
        lambda: services.save_draft(user=france, call=call, data=data(call)),
        lambda: services.update_proposal(
            user=france, proposal=proposal, version=1, data=data(call, title="Late")
        ),
        lambda: services.submit_proposal(user=france, proposal=proposal, version=1),
        lambda: services.withdraw_proposal(user=france, proposal=proposal, version=1),
    ):
        with pytest.raises(ValidationError, match="The deadline passed on") as error:
            attempt()
        assert "ask the secretariat" in str(error.value)
    proposal.refresh_from_db()
    assert (proposal.title, proposal.status) == ("Non-punishment of victims", "draft")


def test_an_extension_lets_that_state_and_no_other_go_on(call, france, egypt, secretariat):
    CallForTopics.objects.filter(pk=call.pk).update(deadline=NOW - datetime.timedelta(hours=1))
    call.refresh_from_db()
    services.grant_extension(
        call=call,
        state=MemberState.objects.get(iso3="FRA"),
        until=NOW + datetime.timedelta(days=2),
        reason="Note verbale of the mission",
        by=secretariat,
    )
    assert services.save_draft(user=france, call=call, data=data(call))
    with pytest.raises(ValidationError, match="The deadline passed"):
        services.save_draft(user=egypt, call=call, data=data(call))
    # Read in SQL, the extension is the same aware time on every database.
    france_state = MemberState.objects.get(iso3="FRA")
    assert services.deadline_for(call, france_state) == NOW + datetime.timedelta(days=2)
    assert services.deadline_for(call, france_state).utcoffset() == datetime.timedelta(0)
    assert services.deadline_for(call, MemberState.objects.get(iso3="EGY")) == call.deadline


def test_an_extension_must_end_after_the_deadline_and_only_staff_grant_it(
    call, france, secretariat
):
    state = MemberState.objects.get(iso3="FRA")
    with pytest.raises(ValidationError, match="must end after the deadline"):
        services.grant_extension(
            call=call, state=state, until=call.deadline, reason="", by=secretariat
        )
    with pytest.raises(PermissionDenied):
        services.grant_extension(
            call=call,
            state=state,
            until=call.deadline + datetime.timedelta(days=1),
            reason="",
            by=france,
        )


def test_a_call_that_is_not_open_takes_nothing(france):
    call = make_call(status=CallForTopics.Status.DRAFT, meeting="wg-2010-10")
    with pytest.raises(ValidationError, match="is not open for proposals"):
        services.save_draft(user=france, call=call, data=data(call))


def test_a_call_closed_or_cut_short_since_it_was_read_takes_nothing(call, france):
    """The service reads the call as it stands when it takes the State's lock, not as the
    caller read it."""
    read_earlier = CallForTopics.objects.get(pk=call.pk)
    CallForTopics.objects.filter(pk=call.pk).update(status=CallForTopics.Status.CLOSED)
    with pytest.raises(ValidationError, match="is not open for proposals"):
        services.save_draft(user=france, call=read_earlier, data=data(call))
    read_earlier = CallForTopics.objects.get(pk=call.pk)
    CallForTopics.objects.filter(pk=call.pk).update(
        status=CallForTopics.Status.OPEN, deadline=NOW - datetime.timedelta(minutes=1)
    )
    with pytest.raises(ValidationError, match="The deadline passed"):
        services.save_draft(user=france, call=read_earlier, data=data(call), submit=True)
    assert not call.proposals.exists()


def test_the_limit_of_proposals_per_state(call, france):
    proposals = [services.save_draft(user=france, call=call, data=data(call)) for _ in range(3)]
    for proposal in proposals[:2]:
        services.submit_proposal(user=france, proposal=proposal, version=proposal.version)
    with pytest.raises(ValidationError, match="submitted 2 of 2 proposals"):
        services.submit_proposal(user=france, proposal=proposals[2], version=1)
    # Withdrawing one makes room.
    withdrawn = TopicProposal.objects.get(pk=proposals[0].pk)
    services.withdraw_proposal(user=france, proposal=withdrawn, version=withdrawn.version)
    assert (
        services.submit_proposal(user=france, proposal=proposals[2], version=1).status
        == "submitted"
    )


def test_two_delegates_editing_one_draft_the_second_is_told(call, france, django_user_model):
    colleague = django_user_model.objects.create(username="delegate-fr-2")
    Delegate.objects.create(user=colleague, state=MemberState.objects.get(iso3="FRA"))
    draft = services.save_draft(user=france, call=call, data=data(call))
    services.update_proposal(
        user=colleague, proposal=draft, version=1, data=data(call, title="Theirs")
    )
    with pytest.raises(ValidationError, match="Someone else of your delegation changed"):
        services.update_proposal(
            user=france, proposal=draft, version=1, data=data(call, title="Mine")
        )
    draft.refresh_from_db()
    assert draft.title == "Theirs" and draft.version == 2


def test_another_state_cannot_touch_a_proposal(call, france, egypt):
    proposal = services.save_draft(user=france, call=call, data=data(call))
    for attempt in (
        lambda: services.update_proposal(user=egypt, proposal=proposal, version=1, data=data(call)),
        lambda: services.submit_proposal(user=egypt, proposal=proposal, version=1),
        lambda: services.withdraw_proposal(user=egypt, proposal=proposal, version=1),
    ):
        with pytest.raises(PermissionDenied):
            attempt()


def test_inactive_delegates_bureau_and_secretariat_do_not_propose(
    call, france, secretariat, django_user_model
):
    Delegate.objects.filter(user=france).update(is_active=False)
    france.refresh_from_db()
    for user in (france, secretariat, django_user_model.objects.get(username="president")):
        with pytest.raises(PermissionDenied):
            services.save_draft(user=user, call=call, data=data(call))


def test_open_and_close_follow_the_life_cycle(secretariat):
    call = make_call(status=CallForTopics.Status.DRAFT)
    with pytest.raises(ValidationError, match="Only an open call can be closed"):
        services.close_call(call, by=secretariat)
    assert services.open_call(call, by=secretariat).status == "open"
    with pytest.raises(ValidationError, match="Only a draft call can be opened"):
        services.open_call(call, by=secretariat)
    assert services.close_call(call, by=secretariat).status == "closed"


def test_a_call_past_its_deadline_or_without_areas_does_not_open(secretariat):
    late = make_call(status=CallForTopics.Status.DRAFT, deadline=NOW - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="set a later deadline"):
        services.open_call(late, by=secretariat)
    bare = make_call(
        reference="CU TEST/3 (A)", status=CallForTopics.Status.DRAFT, meeting="wg-2009"
    )
    bare.areas.all().delete()
    with pytest.raises(ValidationError, match="Add the suggested areas"):
        services.open_call(bare, by=secretariat)


@pytest.mark.django_db(transaction=True)
def test_the_limit_holds_when_two_submissions_race(committed_demo, django_user_model):
    need("PostgreSQL", None if connection.vendor == "postgresql" else "SQLite has one writer")
    france = django_user_model.objects.get(username="delegate-fr")
    call = make_call()
    first, second, third = (
        services.save_draft(user=france, call=call, data=data(call)) for _ in range(3)
    )
    services.submit_proposal(user=france, proposal=first, version=1)
    barrier, outcomes = threading.Barrier(2), []

    def submit(proposal):
        try:
            barrier.wait()
            services.submit_proposal(user=france, proposal=proposal, version=1)
            outcomes.append("submitted")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=submit, args=(p,)) for p in (second, third)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes)[1] == "submitted"
    assert "submitted 2 of 2 proposals" in sorted(outcomes)[0]
    assert call.proposals.filter(status="submitted").count() == 2


@pytest.mark.parametrize("value", [[0], [400], ["14"], 14, [3.5]])
def test_reminder_offsets_must_be_whole_days_in_a_list(value):
    from submissions.validators import validate_reminder_days

    with pytest.raises(ValidationError, match=r"as a list: \[14, 3\]"):
        validate_reminder_days(value)
    validate_reminder_days([14, 3])


def test_only_the_secretariat_creates_or_deactivates_delegates(france):
    with pytest.raises(PermissionDenied):
        services.create_delegate(
            email="new@example.org",
            first_name="N",
            last_name="D",
            state=MemberState.objects.get(iso3="FRA"),
            by=france,
        )
    with pytest.raises(PermissionDenied):
        services.set_delegate_active(france.delegate, active=False, by=france)
    assert Delegate.objects.get(user=france).is_active


def test_an_extension_that_has_run_out_on_a_closed_call_says_so(call, france, secretariat):
    state = MemberState.objects.get(iso3="FRA")
    services.grant_extension(
        call=call,
        state=state,
        until=call.deadline + datetime.timedelta(days=1),
        reason="",
        by=secretariat,
    )
    CallForTopics.objects.filter(pk=call.pk).update(
        status=CallForTopics.Status.CLOSED, deadline=NOW - datetime.timedelta(days=3)
    )
    call.extensions.update(until=NOW - datetime.timedelta(days=1))
    call.refresh_from_db()
    with pytest.raises(ValidationError, match="The deadline passed on"):
        services.save_draft(user=france, call=call, data=data(call))


def test_the_same_text_saved_again_is_no_new_submission(
    call, france, django_capture_on_commit_callbacks
):
    proposal = services.save_draft(user=france, call=call, data=data(call), submit=True)
    submitted_at = proposal.submitted_at
    with django_capture_on_commit_callbacks() as receipts:
        same = services.update_proposal(
            user=france, proposal=proposal, version=proposal.version, data=data(call)
        )
    assert (same.version, same.submitted_at) == (1, submitted_at) and not receipts
    with django_capture_on_commit_callbacks() as receipts:
        changed = services.update_proposal(
            user=france, proposal=proposal, version=1, data=data(call, area=None)
        )
    assert changed.version == 2 and changed.submitted_at > submitted_at and len(receipts) == 1


def test_why_a_state_may_not_submit_another(call, france):
    state = france.delegate.state_id
    assert services.submission_refusal(call, state, deadline=call.deadline, submitted=1) is None
    assert "submitted 2 of 2 proposals" in services.submission_refusal(
        call, state, deadline=call.deadline, submitted=2
    )
    passed = NOW - datetime.timedelta(minutes=1)
    assert "The deadline passed on" in services.submission_refusal(
        call, state, deadline=passed, submitted=0
    )
    assert services.new_proposal_refusal(call, state) is None
    for _ in range(2):
        services.save_draft(user=france, call=call, data=data(call), submit=True)
    assert "submitted 2 of 2 proposals" in services.new_proposal_refusal(call, state)


def test_drafts_per_state_are_capped_by_the_call(open_call):
    open_call.max_drafts_per_state = 2
    open_call.save(update_fields=["max_drafts_per_state"])
    user = Delegate.objects.get(state__iso3="FRA").user
    data = {"title": "A topic", "description": "Why", "rationale": "", "language": "en"}
    for _ in range(2):
        services.save_draft(user=user, call=open_call, data=data)
    with pytest.raises(ValidationError, match="keeps 2 drafts in this call, the most it allows"):
        services.save_draft(user=user, call=open_call, data=data)
    # Submitting at once still works, and another State has its own count.
    services.save_draft(user=user, call=open_call, data=data, submit=True)
    egypt = Delegate.objects.get(state__iso3="EGY").user
    services.save_draft(user=egypt, call=open_call, data=data)
    assert open_call.proposals.filter(state__iso3="FRA", status="draft").count() == 2
