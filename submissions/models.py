from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.models import MemberState


class Delegate(models.Model):
    """A user who speaks for one State. Deactivating keeps the State's proposals."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="delegate", verbose_name=_("user")
    )
    state = models.ForeignKey(
        MemberState, models.PROTECT, related_name="delegates", verbose_name=_("State")
    )
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state__short_name", "user__last_name"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")

    def __str__(self):
        return f"{self.user.get_full_name() or self.user} ({self.state})"
