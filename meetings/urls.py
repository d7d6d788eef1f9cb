from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/", views.meeting_list, name="list"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="detail"),
    path("meetings/<slug:slug>/agenda.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("meetings/<slug:slug>/documents/", views.meeting_documents, name="documents"),
    path("meetings/<slug:slug>/calendar.ics", views.meeting_ics, name="ics"),
    path("bodies/<slug:slug>/", views.body_detail, name="body"),
    path("bodies/<slug:slug>/calendar.ics", views.body_ics, name="body_ics"),
    path("states/", views.state_list, name="states"),
]
