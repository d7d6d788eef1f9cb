"""The portal's backend loads a signed-in user with their delegation in one query, as
select_related() would: typed values, both sides cached, no delegation cached as none."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from meetings.models import MemberState
from submissions.models import Delegate
from wgportal.auth import PortalBackend

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegate():
    user = get_user_model().objects.create_user(
        "delegate-fra", last_login=timezone.now() - datetime.timedelta(days=1)
    )
    return Delegate.objects.create(user=user, state=MemberState.objects.get(iso3="FRA"))


def test_a_delegate_loads_with_their_delegation_in_one_query(delegate, django_assert_num_queries):
    with django_assert_num_queries(1):
        user = PortalBackend().get_user(delegate.user_id)
        loaded = user.delegate
        assert loaded.user is user
    assert (loaded.pk, loaded.user_id, loaded.state_id) == (
        delegate.pk,
        delegate.user_id,
        delegate.state_id,
    )
    assert loaded.is_active is True
    assert user.last_login == delegate.user.last_login  # aware, on SQLite as well
    assert not [name for name in vars(user) if name.startswith("delegation__")]
    assert loaded._state.db == user._state.db and not loaded._state.adding


def test_an_inactive_delegation_loads_as_inactive(delegate):
    Delegate.objects.filter(pk=delegate.pk).update(is_active=False)
    assert PortalBackend().get_user(delegate.user_id).delegate.is_active is False


def test_a_user_without_a_delegation_has_none_and_asking_costs_no_query(
    secretariat, django_assert_num_queries
):
    with django_assert_num_queries(1):
        user = PortalBackend().get_user(secretariat.pk)
        assert not hasattr(user, "delegate")
    assert user == secretariat and user.is_staff


def test_an_inactive_or_unknown_user_is_not_loaded(delegate):
    get_user_model().objects.filter(pk=delegate.user_id).update(is_active=False)
    assert PortalBackend().get_user(delegate.user_id) is None
    assert PortalBackend().get_user(0) is None
