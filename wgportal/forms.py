from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from wgportal import style


class StyledLabels:
    """A form whose labels end with the colon of the reader's language ("中文：", where
    Django's own catalogue gives "中文:"). Put it first among the form's bases."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", style.colon("", "").rstrip())
        super().__init__(*args, **kwargs)


class SignInForm(StyledLabels, AuthenticationForm):
    """Django's sign-in form, asking for what the portal's backend takes (wgportal.auth): an
    e-mail address or a user name, in any case."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The e-mail address or user name and the password do not match an active account. "
            "Capital letters matter in the password only."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.label = _("E-mail address or user name")
        # An e-mail address may be longer than a user name.
        field.max_length = get_user_model()._meta.get_field("email").max_length
        field.widget.attrs.update(maxlength=field.max_length, autocomplete="username")
