from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm


class SetOrResetPasswordForm(PasswordResetForm):
    """Also for accounts that have no password yet: a delegate whose invitation expired or
    was lost asks for a link like anyone else. (Django's form leaves such accounts out.)"""

    def get_users(self, email):
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return (user for user in users if user.email.lower() == email.lower())
