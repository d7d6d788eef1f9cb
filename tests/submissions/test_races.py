"""Use cases racing each other: one lock order (submissions/locks.py) so that none deadlocks,
and a candidate topic removed under a reviewer's feet is a message, never an error page. The
threaded tests run on PostgreSQL; the stale-page cases run everywhere."""

import threading

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection
from django.urls import reverse

from submissions import review, selection, services
from submissions.models import Assessment, CallForTopics, TopicProposal
from tests.conftest import need
from tests.submissions.test_services import data, make_call

pytestmark = pytest.mark.django_db
SUBMITTED = TopicProposal.Status.SUBMITTED
MERGED_INTO = "This topic was merged into “"


@pytest.fixture(autouse=True)
def forget_merges():
    """Where merged topics went is kept in the cache: each test starts knowing none."""
    cache.clear()


def race(*actions):
    """Run the actions at once, each in a thread with its own connection; what each gave:
    "done", a refusal's message, or the unexpected exception itself."""
    barrier, outcomes = threading.Barrier(len(actions)), {}

    def run(index, action):
        try:
            barrier.wait()
            action()
            outcomes[index] = "done"
        except ValidationError as error:
            outcomes[index] = " ".join(error.messages)
        except Exception as error:  # noqa: BLE001 (the test reports any other failure)
            outcomes[index] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return [outcomes.get(index, "hung") for index in range(len(actions))]


def on_postgresql():
    need("PostgreSQL", None if connection.vendor == "postgresql" else "SQLite has one writer")


@pytest.mark.django_db(transaction=True)
def test_edit_and_submit_in_one_tab_and_submit_in_another_never_deadlock(
    committed_demo, django_user_model
):
    on_postgresql()
    france = django_user_model.objects.get(username="delegate-fr")
    call = make_call()
    CallForTopics.objects.filter(pk=call.pk).update(max_proposals_per_state=20)
    for round_ in range(12):
        draft = services.save_draft(user=france, call=call, data=data(call))
        edited = data(call, title=f"Corrected in round {round_}")
        outcomes = race(
            lambda d=draft, e=edited: services.save_proposal(
                user=france, call=call, data=e, submit=True, proposal=d, version=1
            ),
            lambda d=draft: services.submit_proposal(user=france, proposal=d, version=1),
        )
        assert "done" in outcomes and all(isinstance(o, str) for o in outcomes), outcomes
        draft.refresh_from_db()
        assert draft.status == SUBMITTED


@pytest.fixture
def merge_pair(django_user_model):
    """Two area candidates of the closed demo call, each with several proposals, and the
    users who act on them."""
    call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    first, second = call.candidates.exclude(area=None).order_by("position")[:2]
    users = {
        name: django_user_model.objects.get(username=name)
        for name in ("president", "bureau-ng", "secretariat")
    }
    return call, first, second, users


def actions_on(candidate, users):
    """What another member does to the candidate the merge removes."""
    proposals = list(candidate.proposals.filter(status=SUBMITTED)[:1])
    president = users["president"]
    return {
        "move": lambda: review.move_candidate(user=president, candidate=candidate, offset=-1),
        "rename": lambda: review.rename_candidate(
            user=president, candidate=candidate, titles={"en": "Renamed meanwhile"}
        ),
        "split": lambda: review.split_candidate(
            user=president, candidate=candidate, proposals=proposals
        ),
        "select": lambda: selection.select_candidate(user=president, candidate=candidate),
        "assess": lambda: review.assess(user=users["bureau-ng"], candidate=candidate, support=3),
    }


ACTIONS = ["move", "rename", "split", "select", "assess"]


@pytest.mark.parametrize("action", ACTIONS)
def test_a_page_shown_before_a_merge_gets_a_message_where_the_topic_went(
    action, merge_pair, django_capture_on_commit_callbacks
):
    call, first, second, users = merge_pair
    with django_capture_on_commit_callbacks(execute=True):
        review.merge_candidates(user=users["secretariat"], candidates=[first, second])
    with pytest.raises(ValidationError) as refusal:
        actions_on(second, users)[action]()
    assert MERGED_INTO + first.title in refusal.value.messages[0]


def test_a_removed_topic_not_known_as_merged_is_said_to_be_gone(merge_pair):
    call, first, second, users = merge_pair
    pk = second.pk
    second.delete()
    second.pk = pk
    with pytest.raises(ValidationError, match="This topic no longer exists"):
        review.rename_candidate(user=users["president"], candidate=second, titles={"en": "X"})


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.django_db(transaction=True)
def test_merge_racing_another_members_change_never_fails(action, committed_demo, django_user_model):
    on_postgresql()
    call = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    users = {
        name: django_user_model.objects.get(username=name)
        for name in ("president", "bureau-ng", "secretariat")
    }
    for _round in range(3):
        first, second = call.candidates.exclude(area=None).order_by("position")[:2]
        merging, acting = race(
            lambda a=first, b=second: review.merge_candidates(
                user=users["secretariat"], candidates=[a, b]
            ),
            actions_on(second, users)[action],
        )
        assert isinstance(merging, str) and isinstance(acting, str), (merging, acting)
        if acting != "done":
            assert acting.startswith(MERGED_INTO), acting
        if merging != "done":  # the other member selected it first
            assert "is selected" in merging, merging
            selection.unselect_candidate(user=users["president"], candidate=second)
            review.merge_candidates(user=users["secretariat"], candidates=[first, second])
        assert not Assessment.objects.filter(candidate_id=second.pk).exists()


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("submissions:review_rename", {"title_en": "New"}),
        ("submissions:review_move", {"direction": "down"}),
        ("submissions:review_select", {}),
        ("submissions:review_assess", {"support": "3"}),
        ("submissions:review_split", {"proposals": ["1"]}),
    ],
)
def test_the_pages_of_a_merged_topic_answer_with_a_message(
    client, merge_pair, name, kwargs, django_capture_on_commit_callbacks
):
    call, first, second, users = merge_pair
    with django_capture_on_commit_callbacks(execute=True):
        review.merge_candidates(user=users["secretariat"], candidates=[first, second])
    client.force_login(users["president"])
    response = client.post(reverse(name, args=[call.pk, second.pk]), kwargs, follow=True)
    assert response.status_code == 200
    assert MERGED_INTO + first.title in response.content.decode()
    page = client.get(reverse("submissions:review_candidate", args=[call.pk, second.pk]))
    assert page.status_code == 302 and page.url == reverse("submissions:review", args=[call.pk])


@pytest.mark.parametrize("value", ["²", "-1", "1.0", "٣", "99999999999999999999", "\x00"])
def test_hostile_ids_in_merge_and_split_are_refused_with_a_message(client, merge_pair, value):
    call, first, second, users = merge_pair
    client.force_login(users["president"])
    merged = client.post(
        reverse("submissions:review_merge", args=[call.pk]),
        {"candidates": [str(first.pk), value]},
        follow=True,
    )
    assert merged.status_code == 200
    assert "Choose at least two candidate topics to merge." in merged.content.decode()
    split = client.post(
        reverse("submissions:review_split", args=[call.pk, first.pk]),
        {"proposals": [value]},
        follow=True,
    )
    assert split.status_code == 200
    assert "Choose the proposals of this topic" in split.content.decode()
    assert call.candidates.filter(pk=second.pk).exists()
