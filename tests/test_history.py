"""The history the key records keep (django-simple-history)."""

import pytest

from meetings.models import MemberState
from submissions.models import DeadlineExtension, TopicProposal


def test_each_model_keeps_a_history_of_its_own():
    assert TopicProposal.history.model is not DeadlineExtension.history.model


@pytest.mark.django_db
def test_each_record_reads_its_own_history(open_call, secretariat):
    france, egypt = MemberState.objects.get(iso3="FRA"), MemberState.objects.get(iso3="EGY")
    grant = {"call": open_call, "until": open_call.deadline, "granted_by": secretariat}
    first = DeadlineExtension.objects.create(state=france, **grant)
    first.reason = "Mission closed for a holiday."
    first.save()
    second = DeadlineExtension.objects.create(state=egypt, **grant)
    assert [h.history_type for h in first.history.all()] == ["~", "+"]
    assert [h.history_type for h in second.history.all()] == ["+"]
    assert DeadlineExtension.history.count() == 3
    assert first.history.model is second.history.model is DeadlineExtension.history.model
