from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from .forms import SignInForm

admin.site.site_header = _("Working Group portal: secretariat")
admin.site.site_title = _("Working Group portal")
admin.site.index_title = _("What the secretariat records")

# Language switching is under the page's own prefix, so that Django resolves the page in the
# language it is shown in before translating its address into the chosen one.
urlpatterns = [
    # The API answers in the language a request asks for, at one address for all.
    path("", include("api.urls")),
    *i18n_patterns(
        path("i18n/", include("django.conf.urls.i18n")),
        path(
            "accounts/login/",
            auth_views.LoginView.as_view(authentication_form=SignInForm),
            name="login",
        ),
        path("accounts/", include("submissions.account_urls")),
        path("accounts/", include("django.contrib.auth.urls")),
        path("proposals/", include("submissions.urls")),
        path("decisions/", include("decisions.urls")),
        path("", include("recommendations.urls")),
        path("", include("meetings.urls")),
        path("admin/", admin.site.urls),
    ),
]
