"""Links to set a password: a week for delegates (a mission may take days to pass an
invitation on), an hour for staff accounts."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.http import base36_to_int

# Django's tokens count seconds from this day (django.contrib.auth.tokens).
TOKEN_EPOCH = datetime(2001, 1, 1)


class PortalTokenGenerator(PasswordResetTokenGenerator):
    def check_token(self, user, token):
        if not super().check_token(user, token):
            return False
        if not user.is_staff:
            return True
        made = base36_to_int(token.split("-")[0])
        age = (datetime.now() - TOKEN_EPOCH).total_seconds() - made
        return age <= settings.STAFF_PASSWORD_RESET_TIMEOUT


password_tokens = PortalTokenGenerator()
