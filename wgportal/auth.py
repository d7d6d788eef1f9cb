"""Django's model backend, loading with the user what nearly every page asks next: whether they
are an active delegate, and of which State (by its pk: the State itself loads where a page shows
it, since joining it cost the busiest pages more than its pk is worth)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class PortalBackend(ModelBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("delegate")
        try:
            user = users.get(pk=user_id)
        except users.model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
