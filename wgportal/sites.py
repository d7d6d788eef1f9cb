"""The secretariat's admin site: with STAFF_TWO_FACTOR on, only staff verified by a TOTP
device enter, and its sign-in form asks for the device's code (django-otp)."""

from django.conf import settings
from django.contrib import admin
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite


class PortalAdminSite(admin.AdminSite):
    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.STAFF_TWO_FACTOR else None

    @property
    def login_template(self):
        return OTPAdminSite.login_template if settings.STAFF_TWO_FACTOR else None

    def has_permission(self, request):
        verified = not settings.STAFF_TWO_FACTOR or request.user.is_verified()
        return super().has_permission(request) and verified
