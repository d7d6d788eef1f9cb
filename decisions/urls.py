from django.urls import path

from . import views

app_name = "decisions"
urlpatterns = [
    path("", views.decision_list, name="list"),
    path("<int:session>/<int:index>/", views.decision_detail, name="detail"),
    path("<int:session>/<int:index>/decision.pdf", views.decision_pdf, name="pdf"),
]
