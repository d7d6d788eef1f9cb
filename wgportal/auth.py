"""Django's model backend, loading with the user what nearly every page asks next: whether they
are an active delegate, and of which State (by its pk: the State itself loads where a page shows
it, since joining it cost the busiest pages more than its pk is worth)."""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

# The delegation's columns, named apart from the user's.
PREFIX = "delegation__"


class PortalBackend(ModelBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager
        user = next(iter(users.raw(_user_with_delegation(), [user_id])), None)
        if user is None:
            return None
        _attach_delegation(user)
        return user if self.user_can_authenticate(user) else None


@cache
def _user_with_delegation():
    """Every page's first query, in SQL through the ORM's raw(): the same join through the
    ORM cost each request four times the CPU, most of it to compile."""
    user_model = get_user_model()
    delegation = user_model._meta.get_field("delegate")
    return (
        "SELECT {user_columns}, {delegation_columns} FROM {users} u "
        "LEFT JOIN {delegations} d ON d.{user_column} = u.{pk} WHERE u.{pk} = %s"
    ).format(
        user_columns=", ".join(f"u.{field.column}" for field in user_model._meta.concrete_fields),
        delegation_columns=", ".join(
            f"d.{field.column} AS {PREFIX}{field.attname}"
            for field in delegation.related_model._meta.concrete_fields
        ),
        users=user_model._meta.db_table,
        delegations=delegation.related_model._meta.db_table,
        user_column=delegation.field.column,
        pk=user_model._meta.pk.column,
    )


def _attach_delegation(user):
    """The delegation's columns, which raw() set on the user, become the user's delegation, as
    select_related() would have made it: none is cached as none, and costs no query either."""
    delegation = user._meta.get_field("delegate")
    fields = delegation.related_model._meta.concrete_fields
    values = [user.__dict__.pop(PREFIX + field.attname) for field in fields]
    if values[0] is None:
        delegation.set_cached_value(user, None)
    else:
        delegate = delegation.related_model.from_db(
            user._state.db,
            [field.attname for field in fields],
            [field.to_python(value) for field, value in zip(fields, values, strict=True)],
        )
        delegation.set_cached_value(user, delegate)
        delegation.field.set_cached_value(delegate, user)
