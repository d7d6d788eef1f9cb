from django.urls import path

from . import views

app_name = "recommendations"
urlpatterns = [
    path("bodies/<slug:slug>/recommendations/", views.follow_up, name="follow_up"),
]
