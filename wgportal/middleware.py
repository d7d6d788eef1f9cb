"""Staff pass a second factor before anything else when STAFF_TWO_FACTOR is on."""

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode


class StaffVerificationMiddleware:
    """A staff account signed in with its password alone is sent to the admin's sign-in page,
    which asks for the code of its TOTP device as well, before any page: the secretariat's
    powers on the portal's pages (review, selection) wait for the second factor too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.STAFF_TWO_FACTOR
            and user.is_authenticated
            and user.is_staff
            and not user.is_verified()
        ):
            allowed = (reverse("admin:login"), reverse("admin:logout"), reverse("logout"))
            if request.path not in allowed and not request.path.startswith(settings.STATIC_URL):
                query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
                return redirect(f"{reverse('admin:login')}?{query}")
        return self.get_response(request)
