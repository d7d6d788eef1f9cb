"""Django's model backend, with two changes for the portal's users: they sign in with their
e-mail address or their user name, in any case, and each page finds their delegation loaded
with them (nearly every page asks next whether they are an active delegate, and of which
State)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q


class PortalBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        users = get_user_model()._default_manager
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if not username or password is None:
            return None
        user = _one_user(users, username.strip())
        if user is None:
            # As Django's own backend does: hash the password anyway, so that the time taken
            # does not tell whether the account exists.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("delegate")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None


def _one_user(users, login):
    """The one user whose user name or e-mail address this is, whatever its case. Where it
    names several, a user name decides: as typed, else in any case if only one matches it;
    an address two accounts share signs nobody in."""
    matches = list(users.filter(Q(username__iexact=login) | Q(email__iexact=login))[:10])
    for same in (
        lambda user: user.username == login,
        lambda user: user.username.casefold() == login.casefold(),
        lambda user: True,
    ):
        found = [user for user in matches if same(user)]
        if found:
            return found[0] if len(found) == 1 else None
    return None
