from django.urls import path, re_path

from . import converters, views

app_name = "meetings"
urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/", views.meeting_list, name="list"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="detail"),
    path("meetings/<slug:slug>/agenda.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("meetings/<slug:slug>/documents/", views.meeting_documents, name="documents"),
    path("meetings/<slug:slug>/calendar.ics", views.meeting_ics, name="ics"),
    # The symbol as it is, slashes and all: /documents/CTOC/COP/WG.4/2009/1/.
    re_path(
        rf"^documents/(?P<symbol>{converters.Symbol.regex})/"
        r"(?P<filename>[A-Za-z0-9.-]+\.(?:pdf|docx))$",
        views.document_file,
        name="version",
    ),
    path("documents/<symbol:symbol>/", views.document_detail, name="document"),
    path("bodies/<slug:slug>/", views.body_detail, name="body"),
    path("bodies/<slug:slug>/calendar.ics", views.body_ics, name="body_ics"),
    path("states/", views.state_list, name="states"),
]
