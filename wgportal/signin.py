"""Sign-in throttling (django-axes): whom failures count against, the client's address, and
the page a locked-out sign-in gets."""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from .i18n import date_time_long


class ThrottlingBackend(AxesStandaloneBackend):
    """django-axes' refusal of a locked-out account or address, before any password is
    checked. Sign-ins through the portal's pages carry their request; code that authenticates
    without one (a script, a management command) has no address to count and is let through
    to the other backends rather than stopped with an error."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def account_name(request, credentials):
    """The account's username whatever form of its name was typed (a user name or an e-mail
    address, in any case), so that failures count against the account; else the typed name
    lower-cased."""
    typed = (credentials or {}).get("username") or request.POST.get("username") or ""
    typed = typed.strip()
    if not typed:
        return ""
    users = get_user_model()._default_manager.filter(
        Q(username__iexact=typed) | Q(email__iexact=typed)
    )
    usernames = list(users.values_list("username", flat=True)[:2])
    # An e-mail address shared by two accounts names neither: it counts as typed.
    return usernames[0] if len(usernames) == 1 else typed.lower()


def client_address(request):
    """The address failures count against: behind the TLS proxy, the last address it added to
    X-Forwarded-For (the ones before it are the client's to forge)."""
    if settings.TRUST_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR")


def locked_out(request, original_response=None, credentials=None):
    """The sign-in page says why it refuses and when to try again (429)."""
    cool_off = get_cool_off(request)
    until = timezone.now() + cool_off if cool_off else None
    context = {
        "minutes": round(cool_off.total_seconds() / 60) if cool_off else None,
        "until": date_time_long(until, timezone.get_default_timezone()) if until else None,
    }
    return render(request, "registration/locked_out.html", context, status=429)
