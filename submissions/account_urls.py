"""The password pages: a reset asked for goes through the outbox (submissions.accounts), and
a link works for a week, or an hour for a staff account (wgportal.tokens). Included by the
portal's URLs ahead of Django's own account pages, under the same names."""

from django.contrib.auth import views as auth_views
from django.urls import path

from wgportal.tokens import password_tokens

from .accounts import SetOrResetPasswordForm

urlpatterns = [
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(form_class=SetOrResetPasswordForm),
        name="password_reset",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(token_generator=password_tokens),
        name="password_reset_confirm",
    ),
]
