from django.urls import path

from .views import proposals as views
from .views import review

app_name = "submissions"
urlpatterns = [
    path("", views.home, name="home"),
    path("calls/<int:call_pk>/new/", views.proposal_new, name="new"),
    path("calls/<int:call_pk>/overview/", views.overview, name="overview"),
    path("calls/<int:call_pk>/all/", views.call_proposals, name="call_proposals"),
    path("calls/<int:call_pk>/review/", review.dashboard, name="review"),
    path("calls/<int:call_pk>/review/merge/", review.merge, name="review_merge"),
    path("calls/<int:call_pk>/review/file.pdf", review.bureau_file, name="bureau_file"),
    path("calls/<int:call_pk>/review/<int:pk>/", review.candidate_detail, name="review_candidate"),
    path("calls/<int:call_pk>/review/<int:pk>/assess/", review.assess, name="review_assess"),
    path("calls/<int:call_pk>/review/<int:pk>/rename/", review.rename, name="review_rename"),
    path("calls/<int:call_pk>/review/<int:pk>/split/", review.split, name="review_split"),
    path("calls/<int:call_pk>/review/<int:pk>/move/", review.move, name="review_move"),
    path("calls/<int:call_pk>/review/<int:pk>/select/", review.select, name="review_select"),
    path("calls/<int:call_pk>/selection/", review.selection_page, name="selection"),
    path("calls/<int:call_pk>/selection/finalise/", review.finalise, name="finalise"),
    path("calls/<int:call_pk>/selection/reopen/", review.reopen, name="reopen"),
    path("<int:pk>/", views.proposal_detail, name="detail"),
    path("<int:pk>/edit/", views.proposal_edit, name="edit"),
    path("<int:pk>/submit/", views.proposal_submit, name="submit"),
    path("<int:pk>/withdraw/", views.proposal_withdraw, name="withdraw"),
    path("<int:pk>/receipt/", views.receipt, name="receipt"),
    path("<int:pk>/receipt.pdf", views.receipt_pdf, name="receipt_pdf"),
]
