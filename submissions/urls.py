from django.urls import path

from . import views

app_name = "submissions"
urlpatterns = [
    path("", views.home, name="home"),
    path("calls/<int:call_pk>/new/", views.proposal_new, name="new"),
    path("calls/<int:call_pk>/overview/", views.overview, name="overview"),
    path("calls/<int:call_pk>/all/", views.call_proposals, name="call_proposals"),
    path("<int:pk>/", views.proposal_detail, name="detail"),
    path("<int:pk>/edit/", views.proposal_edit, name="edit"),
    path("<int:pk>/submit/", views.proposal_submit, name="submit"),
    path("<int:pk>/withdraw/", views.proposal_withdraw, name="withdraw"),
    path("<int:pk>/receipt/", views.receipt, name="receipt"),
    path("<int:pk>/receipt.pdf", views.receipt_pdf, name="receipt_pdf"),
]
