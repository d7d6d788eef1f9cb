"""The Bureau's selection: exactly N topics, held by the service and by the database, written
onto the provisional agenda, told to the States, reopened until the agenda is issued."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.utils import translation

from meetings import services as agenda_services
from meetings.models import AgendaItem, Meeting
from recommendations.models import Recommendation
from submissions import selection
from submissions.models import CallForTopics, CandidateTopic, OutboundMessage, TopicProposal
from tests.conftest import LANGUAGES, need

pytestmark = pytest.mark.django_db
Status = CallForTopics.Status


@pytest.fixture
def call():
    return CallForTopics.objects.get(reference="CU 2009/92 (A)")


@pytest.fixture
def users(django_user_model):
    names = ["secretariat", "president", "bureau-ng", "delegate-fr"]
    return {name: django_user_model.objects.get(username=name) for name in names}


@pytest.fixture
def president(users):
    return users["president"]


def area_candidates(call):
    return list(call.candidates.exclude(area=None).order_by("position"))


def select_three(call, user):
    chosen = area_candidates(call)[:3]
    for candidate in chosen:
        selection.select_candidate(user=user, candidate=candidate)
    return chosen


def agenda_rows(call):
    return [
        (item.pk, item.number, item.sub_letter, item.title_fr)
        for item in AgendaItem.objects.filter(agenda__meeting=call.meeting)
    ]


def finalise(call, user, placement="subitems", anchor=2):
    return selection.finalise_selection(
        user=user,
        call=call,
        bureau_meeting=Meeting.objects.get(slug="bureau-2009-09"),
        placement=placement,
        anchor=anchor,
    )


def test_select_ranks_in_order_and_refuses_a_fourth(call, president):
    chosen = select_three(call, president)
    assert [c.selection_rank for c in selection.selected_candidates(call)] == [1, 2, 3]
    fourth = area_candidates(call)[3]
    with pytest.raises(ValidationError, match="3 topics are selected already"):
        selection.select_candidate(user=president, candidate=fourth)
    assert selection.select_candidate(user=president, candidate=chosen[0]).selection_rank == 1


def test_the_database_holds_at_most_n_with_unique_ranks(call):
    first, second = area_candidates(call)[:2]
    with pytest.raises(IntegrityError), transaction.atomic():
        CandidateTopic.objects.filter(pk=first.pk).update(selection_rank=4)
    with pytest.raises(IntegrityError), transaction.atomic():
        CandidateTopic.objects.filter(pk__in=[first.pk, second.pk]).update(selection_rank=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        CandidateTopic.objects.filter(pk=first.pk).update(selection_rank=0)


def test_unselect_closes_the_ranks_and_moving_swaps_them(call, president):
    first, second, third = select_three(call, president)
    selection.move_in_selection(user=president, candidate=third, offset=-1)
    assert selection.selected_candidates(call) == [first, third, second]
    selection.unselect_candidate(user=president, candidate=first)
    assert [(c, c.selection_rank) for c in selection.selected_candidates(call)] == [
        (third, 1),
        (second, 2),
    ]


@pytest.mark.parametrize("username", ["bureau-ng", "delegate-fr"])
def test_only_the_president_or_the_secretariat_selects(call, users, username):
    candidate = area_candidates(call)[0]
    with pytest.raises(PermissionDenied):
        selection.select_candidate(user=users[username], candidate=candidate)
    selection.select_candidate(user=users["secretariat"], candidate=candidate)
    with pytest.raises(PermissionDenied):
        finalise(call, users[username])


def test_finalise_refuses_fewer_than_n(call, president):
    selection.select_candidate(user=president, candidate=area_candidates(call)[0])
    with pytest.raises(ValidationError, match="Select 3 topics before finalizing; 1 are"):
        finalise(call, president)
    assert call.candidates.filter(agenda_item__isnull=False).count() == 0


def test_finalise_wants_a_title_in_every_language(call, president):
    other = call.candidates.filter(area=None).first()
    for candidate in [*area_candidates(call)[:2], other]:
        selection.select_candidate(user=president, candidate=candidate)
    with pytest.raises(ValidationError, match="has no title yet in"):
        finalise(call, president)


def test_finalise_wants_the_bureau_meeting_after_the_deadline(call, president):
    select_three(call, president)
    for slug, message in (("bureau-2009", "before the deadline"), ("wg-2009", "meeting of the")):
        with pytest.raises(ValidationError, match=message):
            selection.finalise_selection(
                user=president,
                call=call,
                bureau_meeting=Meeting.objects.get(slug=slug),
                placement="items",
                anchor=3,
            )


def test_finalise_writes_sub_items_with_annotations_in_six_languages(call, president):
    before = agenda_rows(call)
    chosen = select_three(call, president)
    finalise(call, president)
    call.refresh_from_db()
    assert call.status == Status.DECIDED and call.decided_by == president
    items = [c.agenda_item for c in selection.selected_candidates(call)]
    assert [item.label for item in items] == ["2 a)", "2 b)", "2 c)"]
    assert [row for row in agenda_rows(call) if row[0] not in {i.pk for i in items}] == before
    states = sorted(
        {p.state for p in chosen[0].proposals.filter(status="submitted")},
        key=lambda s: s.short_name,
    )
    for code in LANGUAGES:
        with translation.override(code):
            item = AgendaItem.objects.get(pk=items[0].pk)
            assert item.title == chosen[0].title
            assert all(state.short_name in item.annotation for state in states)
            assert "4/4" in item.annotation and "2009" in item.annotation
    assert "15 septembre 2009" in items[0].annotation_fr
    assert "décision 4/4" in items[0].annotation_fr


def test_finalise_as_items_moves_the_later_items_down_and_reopen_moves_them_back(call, president):
    before = agenda_rows(call)
    select_three(call, president)
    finalise(call, president, placement="items", anchor=3)
    numbers = [(n, letter) for _pk, n, letter, _t in agenda_rows(call)]
    assert numbers[-4:] == [(3, ""), (4, ""), (5, ""), (6, "")]
    selection.reopen_selection(user=president, call=call, reason="A State asked for a change.")
    assert agenda_rows(call) == before
    call.refresh_from_db()
    assert call.status == Status.CLOSED
    assert call.reopenings.get().by == president


def test_each_proposing_state_is_told_once_in_its_language(call, president):
    chosen = select_three(call, president)
    finalise(call, president)
    states = call.proposals.filter(status="submitted").values("state").distinct().count()
    outcomes = OutboundMessage.objects.filter(call=call, kind="outcome")
    assert outcomes.count() == states
    france = outcomes.get(state__iso3="FRA")
    assert france.language == "fr" and "CU 2009/92 (A)/FRA/1" in france.body
    french = TopicProposal.objects.filter(call=call, state__iso3="FRA", status="submitted")
    with translation.override("fr"):
        not_selected = translation.gettext("Not selected.")
    assert france.body.count(not_selected) == french.exclude(candidate__in=chosen).count()
    # Finalizing twice is refused; no second message goes.
    with pytest.raises(ValidationError, match="final"):
        finalise(call, president)
    assert outcomes.count() == states


def test_reopen_cancels_the_messages_not_sent_and_needs_a_reason(call, president):
    select_three(call, president)
    finalise(call, president)
    sent = OutboundMessage.objects.filter(call=call, kind="outcome").first()
    OutboundMessage.objects.filter(pk=sent.pk).update(status="sent")
    with pytest.raises(ValidationError, match="Say why"):
        selection.reopen_selection(user=president, call=call, reason="  ")
    selection.reopen_selection(user=president, call=call, reason="Mistake in topic 2.")
    statuses = set(
        OutboundMessage.objects.filter(call=call, kind="outcome")
        .exclude(pk=sent.pk)
        .values_list("status", flat=True)
    )
    assert statuses == {"cancelled"}
    # A second decision tells the States again, under new keys.
    finalise(call, president)
    assert OutboundMessage.objects.filter(call=call, kind="outcome", status="queued").exists()


def test_once_the_agenda_is_issued_the_selection_stays(call, president, users):
    select_three(call, president)
    finalise(call, president)
    agenda = call.meeting.agenda
    with pytest.raises(PermissionDenied):
        agenda_services.issue_agenda(agenda, by=president)
    agenda_services.issue_agenda(agenda, by=users["secretariat"])
    with pytest.raises(ValidationError, match="can no longer be reopened"):
        selection.reopen_selection(user=president, call=call, reason="Too late")
    with pytest.raises(ValidationError, match="has been issued"):
        agenda_services.issue_agenda(agenda, by=users["secretariat"])
    agenda.document.refresh_from_db()
    assert agenda.document.issue_date is not None


@pytest.mark.django_db(transaction=True)
def test_two_selections_at_once_never_make_four(committed_demo, django_user_model):
    need("PostgreSQL", None if connection.vendor == "postgresql" else "SQLite has one writer")
    president = django_user_model.objects.get(username="president")
    secretariat = django_user_model.objects.get(username="secretariat")
    call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    candidates = area_candidates(call)
    for candidate in candidates[:2]:
        selection.select_candidate(user=president, candidate=candidate)
    barrier, outcomes = threading.Barrier(2), []

    def select(user, candidate):
        try:
            barrier.wait()
            selection.select_candidate(user=user, candidate=candidate)
            outcomes.append("selected")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=select, args=(user, candidate))
        for user, candidate in ((president, candidates[2]), (secretariat, candidates[3]))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes)[0].startswith("3 topics are selected already")
    assert sorted(outcomes)[1] == "selected"
    assert call.candidates.exclude(selection_rank=None).count() == 3


def test_finalise_waits_for_a_running_extension(call, president, users):
    import datetime

    from django.utils import timezone

    from meetings.models import MemberState
    from submissions.models import DeadlineExtension

    select_three(call, president)
    DeadlineExtension.objects.create(
        call=call,
        state=MemberState.objects.get(iso3="PER"),
        until=timezone.now() + datetime.timedelta(days=2),
        granted_by=users["secretariat"],
    )
    with pytest.raises(ValidationError, match="Peru has an extension until"):
        finalise(call, president)


def test_finalise_refuses_a_topic_left_without_proposals(call, president):
    chosen = select_three(call, president)
    chosen[1].proposals.update(status="withdrawn")
    with pytest.raises(ValidationError, match="Topic 2, .* has no submitted proposal left"):
        finalise(call, president)


def test_the_missing_title_languages_are_named_in_the_readers_language(call, president):
    other = call.candidates.filter(area=None).first()
    for candidate in [*area_candidates(call)[:2], other]:
        selection.select_candidate(user=president, candidate=candidate)
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        finalise(call, president)
    message = refused.value.messages[0]
    assert "espagnol" in message and ", es." not in message


def test_finalise_and_reopen_refusals(call, president):
    select_three(call, president)
    with pytest.raises(ValidationError, match="Only a final selection can be reopened"):
        selection.reopen_selection(user=president, call=call, reason="Why not")
    with pytest.raises(ValidationError, match="Choose where the topics go"):
        finalise(call, president, placement="margin")
    with pytest.raises(ValidationError, match="The agenda has no item 9"):
        finalise(call, president, placement="subitems", anchor=9)
    with pytest.raises(ValidationError, match="The agenda has no item 0"):
        finalise(call, president, placement="items", anchor=0)
    # The demo's recommendations of that meeting answer items of its agenda, which they
    # protect from deletion: unlinked first.
    Recommendation.objects.filter(meeting=call.meeting).update(agenda_item=None)
    call.meeting.agenda.delete()
    call.meeting.refresh_from_db()
    with pytest.raises(ValidationError, match="no provisional agenda yet"):
        finalise(call, president)
    assert CallForTopics.objects.get(pk=call.pk).status == Status.CLOSED


def test_an_item_with_no_letters_left_is_refused(call):
    agenda = call.meeting.agenda
    AgendaItem.objects.create(agenda=agenda, number=2, sub_letter="y", title="Y")
    with pytest.raises(ValidationError, match="Item 2 has no letters left"):
        agenda_services.insert_agenda_items(
            agenda, [{"title": "A"}, {"title": "B"}], placement="subitems", anchor=2
        )


def test_a_topic_without_proposals_cannot_be_selected(call, president):
    empty = area_candidates(call)[0]
    empty.proposals.update(status="withdrawn")
    with pytest.raises(ValidationError, match="no proposals left to select"):
        selection.select_candidate(user=president, candidate=empty)


def test_closing_groups_in_a_query_per_candidate_not_per_proposal(call, django_assert_num_queries):
    from submissions import review

    call.candidates.all().delete()
    candidates_made = 8 + call.proposals.filter(status="submitted", area=None).count()
    # A savepoint, the lock, the proposals, the candidates, the last position; then per
    # candidate made: its insert, its history, and the update of its proposals.
    with django_assert_num_queries(6 + 3 * candidates_made):
        placed = review.prepare_candidates(call)
    assert placed == call.proposals.filter(status="submitted").count()
