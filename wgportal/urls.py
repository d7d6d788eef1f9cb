from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
]
urlpatterns += i18n_patterns(
    path("decisions/", include("decisions.urls")),
    path("", include("meetings.urls")),
    path("admin/", admin.site.urls),
)
