from django.urls import path

from . import views

app_name = "recommendations"
urlpatterns = [
    path("bodies/<slug:slug>/recommendations/", views.follow_up, name="follow_up"),
    # Symbols hold slashes: CTOC/COP/WG.4/2011/8.
    path("reports/<symbol:symbol>/report.pdf", views.report_pdf, name="report_pdf"),
    path("notes/<symbol:symbol>/note.pdf", views.note_pdf, name="note_pdf"),
]
