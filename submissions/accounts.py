"""Password resets through the outbox: recorded like every message, sent by a worker (and
retried when the mail server is down), the link made only when it is sent; at most one per
account in PASSWORD_RESET_INTERVAL seconds."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.utils import timezone
from django.utils.translation import get_language

from wgportal.forms import StyledLabels

from . import outbox
from .models import OutboundMessage


def request_password_reset(user, language):
    """A message with a link to set the user's password, unless one was asked for within the
    interval (None then): a person pressing the button again, or someone flooding an inbox."""
    interval = settings.PASSWORD_RESET_INTERVAL
    now = timezone.now()
    recent = OutboundMessage.objects.filter(
        key__startswith=f"password-reset:{user.pk}:",
        created_at__gte=now - datetime.timedelta(seconds=interval),
    )
    if recent.exists():
        return None
    subject, body = outbox.compose(
        "password_reset", {"user": user, "link": outbox.PASSWORD_LINK}, language
    )
    return outbox.record(
        kind=OutboundMessage.Kind.ACCOUNT,
        # One per interval even for two requests at once: the second finds the key taken.
        key=f"password-reset:{user.pk}:{int(now.timestamp()) // interval}",
        recipient=user.email,
        language=language,
        subject=subject,
        body=body,
        password_link_for=user,
    )


class SetOrResetPasswordForm(StyledLabels, PasswordResetForm):
    """The sign-in page's "forgotten your password" form: also for accounts that have no
    password yet (a delegate whose invitation expired or was lost asks for a link like anyone
    else; Django's form leaves such accounts out), and through the outbox."""

    def get_users(self, email):
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return (user for user in users if user.email.lower() == email.lower())

    def save(self, *args, **kwargs):
        """Whatever the address, the page says the same: it tells nobody which accounts
        exist."""
        for user in self.get_users(self.cleaned_data["email"]):
            request_password_reset(user, get_language())
