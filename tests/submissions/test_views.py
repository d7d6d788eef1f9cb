"""Delegates' pages: proposing, the rules each door keeps, and who may see what."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from meetings.models import Meeting, MemberState
from submissions import services
from submissions.models import CallForTopics, Delegate, SuggestedArea, TopicProposal

pytestmark = pytest.mark.django_db


def post_data(call, **changes):
    return {
        "title": "Non-punishment of victims",
        "description": "How States apply the non-punishment principle.",
        "rationale": "It is applied unevenly.",
        "area": call.areas.get(letter="a").pk,
        "language": "en",
        "form_token": "6f1c0a52-8f64-4b0e-9b3c-2f6f4c1e7a11",
        "version": "1",
        **changes,
    }


def test_delegate_submits_and_gets_a_receipt_on_screen_by_mail_and_as_pdf(
    as_user, open_call, django_capture_on_commit_callbacks, celery_eager
):
    client = as_user("delegate-fr")
    url = reverse("submissions:new", args=[open_call.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**post_data(open_call), "submit": ""})
    proposal = TopicProposal.objects.get(call=open_call)
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:receipt", args=[proposal.pk])
    page = client.get(response["Location"]).content.decode()
    assert "CU 2011/40 (A)/FRA/1" in page
    (message,) = mail.outbox
    assert "CU 2011/40 (A)/FRA/1" in message.subject
    assert message.to == ["delegate-fr@demo.invalid"]
    assert message.attachments[0][2] == "application/pdf"
    pdf = client.get(reverse("submissions:receipt_pdf", args=[proposal.pk]))
    assert pdf["Content-Type"] == "application/pdf"


def test_state_page_lists_proposals_with_status_deadline_and_time_left(as_user, open_call):
    france = as_user("delegate-fr")
    user = Delegate.objects.get(state__iso3="FRA").user
    services.save_draft(
        user=user,
        call=open_call,
        data={**post_data(open_call), "area": open_call.areas.first()},
    )
    page = france.get(reverse("submissions:home")).content.decode()
    assert "CU 2011/40 (A)/FRA/1" in page
    assert "Non-punishment of victims" in page
    assert "Deadline:" in page and "left" in page
    assert 'class="local-time"' in page


def test_same_form_posted_twice_gives_one_proposal(as_user, open_call):
    client = as_user("delegate-fr")
    url = reverse("submissions:new", args=[open_call.pk])
    client.post(url, post_data(open_call))
    client.post(url, post_data(open_call))
    assert TopicProposal.objects.filter(call=open_call).count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "This field is required."),
        ({"title": "x" * 201}, "at most 200 characters"),
        ({"description": "x" * 4001}, "at most 4000 characters"),
        ({"language": "de"}, "Select a valid choice"),
        ({"area": "999999"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    as_user, open_call, changes, message
):
    client = as_user("delegate-fr")
    response = client.post(
        reverse("submissions:new", args=[open_call.pk]), post_data(open_call, **changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TopicProposal.objects.filter(call=open_call).exists()


def test_form_shows_its_limits(as_user, open_call):
    page = as_user("delegate-fr").get(reverse("submissions:new", args=[open_call.pk]))
    html = page.content.decode()
    assert 'maxlength="200"' in html and 'maxlength="4000"' in html
    assert "At most 200 characters." in html


def test_an_area_of_another_call_is_refused(as_user, open_call):
    from submissions.models import CallForTopics

    demo = CallForTopics.objects.get(reference="CU 2009/92 (A)")
    response = as_user("delegate-fr").post(
        reverse("submissions:new", args=[open_call.pk]),
        post_data(open_call, area=demo.areas.first().pk),
    )
    assert response.status_code == 200
    assert not open_call.proposals.exists()


def test_markup_in_a_proposal_is_shown_as_text(as_user, open_call):
    client = as_user("delegate-fr")
    client.post(
        reverse("submissions:new", args=[open_call.pk]),
        post_data(open_call, title="<script>alert(1)</script>"),
    )
    proposal = TopicProposal.objects.get(call=open_call)
    html = client.get(reverse("submissions:detail", args=[proposal.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_after_the_deadline_the_message_gives_it(as_user, open_call):
    from django.utils import timezone

    client = as_user("delegate-fr")
    open_call.deadline = timezone.now() - timezone.timedelta(minutes=5)
    open_call.save()
    response = client.post(reverse("submissions:new", args=[open_call.pk]), post_data(open_call))
    html = response.content.decode()
    assert "The deadline passed on" in html and "(Vienna time)" in html
    assert not open_call.proposals.exists()


def test_second_editor_is_told_and_nothing_is_overwritten(as_user, open_call):
    client = as_user("delegate-fr")
    client.post(reverse("submissions:new", args=[open_call.pk]), post_data(open_call))
    proposal = TopicProposal.objects.get(call=open_call)
    edit = reverse("submissions:edit", args=[proposal.pk])
    first = client.post(edit, post_data(open_call, title="First editor", version="1"))
    assert first.status_code == 302
    second = client.post(edit, post_data(open_call, title="Second editor", version="1"))
    assert "Someone else of your delegation changed this proposal" in second.content.decode()
    proposal.refresh_from_db()
    assert proposal.title == "First editor"


def test_withdraw_and_limit_through_the_pages(as_user, open_call):
    client = as_user("delegate-fr")
    new = reverse("submissions:new", args=[open_call.pk])
    for n in range(4):
        data = post_data(open_call, form_token=f"6f1c0a52-8f64-4b0e-9b3c-2f6f4c1e7a1{n}")
        response = client.post(new, {**data, "submit": ""})
    # The fourth is refused whole: the limit's message, and no draft left behind.
    assert "submitted 3 of 3 proposals" in response.content.decode()
    assert open_call.proposals.count() == 3
    client.post(new, post_data(open_call, form_token="0b8e3c1d-2a4f-4c6e-8d0a-1f2e3d4c5b6a"))
    fourth = open_call.proposals.get(status="draft")
    response = client.post(
        reverse("submissions:submit", args=[fourth.pk]), {"version": fourth.version}, follow=True
    )
    assert "submitted 3 of 3 proposals" in response.content.decode()
    first = open_call.proposals.get(number=1)
    client.post(
        reverse("submissions:withdraw", args=[first.pk]),
        {"version": first.version, "confirm": "yes"},
    )
    first.refresh_from_db()
    assert first.status == "withdrawn"


# Who may see and change what.


@pytest.fixture
def french_proposal(open_call):
    user = Delegate.objects.get(state__iso3="FRA").user
    proposal = services.save_draft(
        user=user, call=open_call, data={**post_data(open_call), "area": open_call.areas.first()}
    )
    return services.submit_proposal(user=user, proposal=proposal, version=1)


def pages_of(proposal):
    return [
        reverse("submissions:detail", args=[proposal.pk]),
        reverse("submissions:edit", args=[proposal.pk]),
        reverse("submissions:receipt", args=[proposal.pk]),
        reverse("submissions:receipt_pdf", args=[proposal.pk]),
    ]


def test_another_state_gets_404_by_url_by_form_and_by_receipt(as_user, french_proposal):
    client = as_user("delegate-eg")
    for url in pages_of(french_proposal):
        assert client.get(url).status_code == 404, url
    for action in ("submit", "withdraw"):
        url = reverse(f"submissions:{action}", args=[french_proposal.pk])
        data = {"version": french_proposal.version, "confirm": "yes"}
        assert client.post(url, data).status_code == 404
    french_proposal.refresh_from_db()
    assert french_proposal.status == "submitted"
    assert "FRA" not in client.get(reverse("submissions:home")).content.decode()


def test_anonymous_users_are_sent_to_sign_in(client, french_proposal, open_call):
    for url in [
        reverse("submissions:home"),
        reverse("submissions:new", args=[open_call.pk]),
        *pages_of(french_proposal),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_a_draft_call_or_none_has_no_proposal_form(as_user, open_call):
    client = as_user("delegate-fr")
    CallForTopics.objects.filter(pk=open_call.pk).update(status=CallForTopics.Status.DRAFT)
    for pk in (open_call.pk, open_call.pk + 1000):
        url = reverse("submissions:new", args=[pk])
        assert client.get(url).status_code == 404
        assert client.post(url, post_data(open_call)).status_code == 404
    assert not TopicProposal.objects.filter(call=open_call).exists()


def test_inactive_delegates_get_nothing(as_user, french_proposal, open_call):
    Delegate.objects.filter(state__iso3="FRA").update(is_active=False)
    client = as_user("delegate-fr")
    assert client.get(reverse("submissions:home")).status_code == 403
    assert client.get(reverse("submissions:new", args=[open_call.pk])).status_code == 403
    for url in pages_of(french_proposal):
        assert client.get(url).status_code == 404
    # Their State's proposal is still there.
    assert TopicProposal.objects.filter(pk=french_proposal.pk, status="submitted").exists()


@pytest.mark.parametrize("username", ["president", "bureau-ng", "secretariat"])
def test_bureau_and_secretariat_read_all_and_change_nothing(as_user, french_proposal, username):
    CallForTopics.objects.filter(pk=french_proposal.call_id).update(status="closed")
    client = as_user(username)
    detail = client.get(reverse("submissions:detail", args=[french_proposal.pk]))
    assert detail.status_code == 200
    assert reverse("submissions:edit", args=[french_proposal.pk]) not in detail.content.decode()
    assert client.get(reverse("submissions:edit", args=[french_proposal.pk])).status_code == 403
    response = client.post(
        reverse("submissions:withdraw", args=[french_proposal.pk]),
        {"version": french_proposal.version, "confirm": "yes"},
    )
    assert response.status_code == 403
    assert client.get(reverse("submissions:withdraw", args=[french_proposal.pk])).status_code == 403
    french_proposal.refresh_from_db()
    assert french_proposal.status == "submitted"


def test_overview_is_for_the_secretariat(as_user, french_proposal, open_call):
    url = reverse("submissions:overview", args=[open_call.pk])
    assert as_user("president").get(url).status_code == 403
    assert as_user("delegate-fr").get(url).status_code == 403
    page = as_user("secretariat").get(url).content.decode()
    assert "1 State has submitted proposals." in page
    csv = as_user("secretariat").get(url, {"answered": "yes", "format": "csv"}).content.decode()
    assert csv.splitlines() == ["iso3,state,region,submitted,drafts", "FRA,France,europe,1,0"]
    not_answered = as_user("secretariat").get(url, {"answered": "no", "region": "europe"})
    assert "France" not in not_answered.content.decode()
    assert "Austria" in not_answered.content.decode()


# Accounts.


def test_secretariat_creates_a_delegate_who_is_invited_to_set_a_password(
    secretariat_client, client, django_capture_on_commit_callbacks, celery_eager
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            reverse("admin:submissions_delegate_add"),
            {
                "email": "New.Delegate@Example.org",
                "first_name": "Ana",
                "last_name": "Pereira",
                "state": MemberState.objects.get(iso3="PRT").pk,
            },
        )
    assert response.status_code == 302
    delegate = Delegate.objects.get(user__username="new.delegate@example.org")
    assert delegate.state.iso3 == "PRT" and not delegate.user.has_usable_password()
    (message,) = mail.outbox
    link = re.search(r"https?://\S+", message.body).group()
    page = client.get(link, follow=True)
    assert page.status_code == 200
    form_url = page.redirect_chain[-1][0]
    done = client.post(
        form_url, {"new_password1": "a-long-new-pass-2026", "new_password2": "a-long-new-pass-2026"}
    )
    assert done.status_code == 302
    signed_in = client.post(
        reverse("login"),
        {"username": "new.delegate@example.org", "password": "a-long-new-pass-2026"},
    )
    assert signed_in.status_code == 302


def test_a_delegate_email_cannot_be_used_twice(secretariat_client):
    response = secretariat_client.post(
        reverse("admin:submissions_delegate_add"),
        {
            "email": "Delegate-FR@demo.invalid",
            "first_name": "A",
            "last_name": "B",
            "state": MemberState.objects.get(iso3="FRA").pk,
        },
    )
    assert response.status_code == 200
    assert "exists already" in response.content.decode()
    assert Delegate.objects.filter(state__iso3="FRA").count() == 1


@pytest.mark.parametrize("language", ["ar", "zh-hans", "en", "fr", "ru", "es"])
def test_sign_in_and_reset_pages_answer_in_every_language(client, language):
    for name in ("login", "password_reset", "password_reset_done"):
        response = client.get(f"/{language}/accounts/" + reverse(name).split("/accounts/")[1])
        assert response.status_code == 200
        assert f'lang="{language}"' in response.content.decode()


# From a review: the doors around the main ones.


def test_a_delegate_without_a_password_can_ask_for_a_link(
    client, django_user_model, celery_eager, django_capture_on_commit_callbacks
):
    user = django_user_model.objects.get(username="delegate-fr")
    user.set_unusable_password()
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": "DELEGATE-FR@demo.invalid"})
    (message,) = mail.outbox
    assert "Your user name is delegate-fr." in message.body
    assert "/accounts/reset/" in message.body


def test_receipts_one_per_submitted_version(
    as_user, open_call, django_capture_on_commit_callbacks, celery_eager
):
    from submissions.models import OutboundMessage

    client = as_user("delegate-fr")
    new = reverse("submissions:new", args=[open_call.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(new, {**post_data(open_call), "submit": ""})
        client.post(new, {**post_data(open_call), "submit": ""})  # the same form again
    proposal = TopicProposal.objects.get(call=open_call)
    first_time = proposal.submitted_at
    assert OutboundMessage.objects.filter(kind="receipt").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("submissions:edit", args=[proposal.pk]),
            post_data(open_call, title="Changed after submitting", version=str(proposal.version)),
        )
    proposal.refresh_from_db()
    assert proposal.status == "submitted" and proposal.submitted_at > first_time
    assert OutboundMessage.objects.filter(kind="receipt").count() == 2
    assert len(mail.outbox) == 2


def test_another_states_form_token_makes_a_new_proposal_not_an_error(as_user, open_call):
    france = as_user("delegate-fr")
    france.post(reverse("submissions:new", args=[open_call.pk]), post_data(open_call))
    egypt = as_user("delegate-eg")
    response = egypt.post(reverse("submissions:new", args=[open_call.pk]), post_data(open_call))
    assert response.status_code == 302
    assert sorted(open_call.proposals.values_list("state__iso3", flat=True)) == ["EGY", "FRA"]


def test_a_form_token_says_nothing_to_another_call(as_user, open_call):
    """The same token posted to another call's form (the State's own) is a new form there."""
    later = CallForTopics.objects.get(pk=open_call.pk)
    later.pk, later.reference = None, "CU 2010/41 (A)"
    later.meeting = Meeting.objects.get(slug="wg-2010-10")
    later.save()
    SuggestedArea.objects.create(call=later, letter="a", title_en="Area a")
    france = as_user("delegate-fr")
    for call in (open_call, later, later):
        france.post(reverse("submissions:new", args=[call.pk]), post_data(call))
    made = TopicProposal.objects.filter(state__iso3="FRA", call__in=[open_call, later])
    made = made.values_list("call__reference", "number")
    assert sorted(made) == [("CU 2010/41 (A)", 1), ("CU 2011/40 (A)", 1)]


def test_the_blank_form_stays_true_to_the_areas_the_language_and_the_reader(as_user, open_call):
    """Each page has its own token and shows the call's areas as they stand, in the reader's
    language; a refused or edited form shows its own values."""
    client = as_user("delegate-fr")
    url = reverse("submissions:new", args=[open_call.pk])
    pages = [client.get(url).content.decode() for _ in range(2)]
    tokens = {re.search(r'name="form_token" value="([^"]+)"', page)[1] for page in pages}
    assert len(tokens) == 2
    assert "a) Area a" in pages[1]
    area = open_call.areas.get(letter="a")
    area.title_en = "Victims first"
    area.save()
    page = client.get(url).content.decode()
    assert "a) Victims first" in page and "a) Area a" not in page
    SuggestedArea.objects.create(call=open_call, letter="d", title_en="Area d")
    assert "d) Area d" in client.get(url).content.decode()
    open_call.areas.filter(letter="d").delete()  # a bulk delete, as the admin's action makes
    assert "d) Area d" not in client.get(url).content.decode()
    with translation.override("fr"):
        french = client.get(reverse("submissions:new", args=[open_call.pk])).content.decode()
    assert "At most 200 characters" in page and "200 caractères au maximum" in french
    meeting = Meeting.objects.get(pk=open_call.meeting_id)
    with translation.override("fr"):  # the meeting named in the reader's language
        assert meeting.title != meeting.title_en and escape(meeting.title) in french
    assert escape(meeting.title_en) in page
    refused = client.post(url, post_data(open_call, title="", description="Kept as typed."))
    assert "Kept as typed." in refused.content.decode()
    assert 'aria-invalid="true"' in refused.content.decode()
    client.post(url, post_data(open_call))
    proposal = TopicProposal.objects.get(call=open_call)
    edit = client.get(reverse("submissions:edit", args=[proposal.pk])).content.decode()
    assert 'value="Non-punishment of victims"' in edit


def test_after_the_deadline_the_forms_give_way_to_the_reason(as_user, open_call):
    from django.utils import timezone

    client = as_user("delegate-fr")
    client.post(reverse("submissions:new", args=[open_call.pk]), post_data(open_call))
    proposal = TopicProposal.objects.get(call=open_call)
    open_call.deadline = timezone.now() - timezone.timedelta(minutes=1)
    open_call.save()
    for url in (
        reverse("submissions:new", args=[open_call.pk]),
        reverse("submissions:edit", args=[proposal.pk]),
    ):
        html = client.get(url).content.decode()
        assert "Proposals can no longer be made or changed" in html
        assert '<form method="post" class="form"' not in html
    detail = client.get(reverse("submissions:detail", args=[proposal.pk])).content.decode()
    assert reverse("submissions:edit", args=[proposal.pk]) not in detail


def test_two_delegates_of_one_state_the_second_is_told(as_user, open_call, django_user_model):
    colleague = django_user_model.objects.create_user("colleague-fr", "c@fr.example", "pw-long-1")
    Delegate.objects.create(user=colleague, state=MemberState.objects.get(iso3="FRA"))
    as_user("delegate-fr").post(
        reverse("submissions:new", args=[open_call.pk]), post_data(open_call)
    )
    proposal = TopicProposal.objects.get(call=open_call)
    edit = reverse("submissions:edit", args=[proposal.pk])
    as_user("delegate-fr").post(edit, post_data(open_call, title="Mine", version="1"))
    theirs = as_user("colleague-fr").post(edit, post_data(open_call, title="Theirs", version="1"))
    assert "Someone else of your delegation changed this proposal" in theirs.content.decode()
    proposal.refresh_from_db()
    assert proposal.title == "Mine"


def test_the_bureau_reads_submitted_proposals_only(as_user, open_call, french_proposal):
    draft = services.save_draft(
        user=Delegate.objects.get(state__iso3="FRA").user,
        call=open_call,
        data={**post_data(open_call), "area": None, "title": "A draft"},
    )
    CallForTopics.objects.filter(pk=open_call.pk).update(status="closed")
    bureau = as_user("bureau-ng")
    page = bureau.get(reverse("submissions:call_proposals", args=[open_call.pk])).content.decode()
    assert french_proposal.reference in page and "A draft" not in page
    assert bureau.get(reverse("submissions:detail", args=[draft.pk])).status_code == 404
    assert (
        as_user("delegate-fr")
        .get(reverse("submissions:call_proposals", args=[open_call.pk]))
        .status_code
        == 403
    )


def test_the_bureau_reads_no_proposal_while_the_call_is_open(as_user, open_call, french_proposal):
    bureau = as_user("bureau-ng")
    listing = bureau.get(reverse("submissions:call_proposals", args=[open_call.pk]))
    assert listing.status_code == 403
    assert "once the call for topics has closed" in listing.content.decode()
    assert french_proposal.title not in listing.content.decode()
    assert bureau.get(reverse("submissions:detail", args=[french_proposal.pk])).status_code == 404
    assert bureau.get(reverse("submissions:review", args=[open_call.pk])).status_code == 403
    assert bureau.get(reverse("submissions:bureau_file", args=[open_call.pk])).status_code == 403
    calls = bureau.get(reverse("submissions:home")).content.decode()
    assert "The Bureau reads the proposals once the call has closed." in calls
    secretariat = as_user("secretariat")
    page = secretariat.get(reverse("submissions:call_proposals", args=[open_call.pk]))
    assert french_proposal.reference in page.content.decode()


def test_markup_in_the_description_is_text_in_the_receipt_pdf_and_mail(
    as_user, open_call, django_capture_on_commit_callbacks, celery_eager
):
    from io import BytesIO

    import pypdf

    client = as_user("delegate-fr")
    markup = "<b>bold</b> {{ secret }} {% now 'Y' %}"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("submissions:new", args=[open_call.pk]),
            {**post_data(open_call, title=markup, description=markup), "submit": ""},
        )
    (message,) = mail.outbox
    assert markup in message.body
    pdf = pypdf.PdfReader(BytesIO(message.attachments[0][1]))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert text.count("<b>bold</b> {{ secret }} {% now 'Y' %}") >= 2


def test_the_form_and_a_submission_ask_the_database_a_fixed_number_of_queries(
    as_user, open_call, django_assert_num_queries, database_sessions
):
    """The busiest requests (benchmarks/deadline_rush.py). The form: the session, the user
    with their delegation, the call with its meeting, the State's submitted proposals and its
    extension (whether it may still submit), the call's areas.
    The submission: the session, the user, the call, the area and, in a savepoint, the State's
    lock, the call as it stands now, the State's numbers with the form's token, the State's
    extension, then the proposal and its history; a worker writes the receipt. (With a shared
    cache, the session costs no query: tests/test_sessions.py.)"""
    client = as_user("delegate-fr")
    url, data = reverse("submissions:new", args=[open_call.pk]), post_data(open_call)
    client.get(url)
    with django_assert_num_queries(6):
        client.get(url)
    with django_assert_num_queries(12):
        assert client.post(url, {**data, "submit": ""}).status_code == 302


# Honest actions: each button does what it says; what cannot be undone asks first.


def form_data(proposal, **changes):
    """The proposal's own values, as its form posts them back."""
    return {
        "title": proposal.title,
        "description": proposal.description,
        "rationale": proposal.rationale,
        "area": proposal.area_id or "",
        "language": proposal.language,
        "version": proposal.version,
        **changes,
    }


def test_a_submitted_proposals_form_saves_changes_and_a_drafts_saves_a_draft(
    as_user, open_call, french_proposal
):
    client = as_user("delegate-fr")
    page = client.get(reverse("submissions:edit", args=[french_proposal.pk])).content.decode()
    assert "Save changes" in page and "Save as draft" not in page
    assert "Saving your changes submits it again" in page
    assert reverse("submissions:withdraw", args=[french_proposal.pk]) in page
    client.post(reverse("submissions:new", args=[open_call.pk]), post_data(open_call))
    draft = open_call.proposals.get(status="draft")
    page = client.get(reverse("submissions:edit", args=[draft.pk])).content.decode()
    assert "Save as draft" in page and 'name="submit"' in page
    assert "Save changes" not in page


def test_saving_a_submitted_proposal_unchanged_submits_nothing_and_a_change_submits_again(
    as_user, french_proposal, django_capture_on_commit_callbacks
):
    from submissions.models import OutboundMessage

    client = as_user("delegate-fr")
    url = reverse("submissions:edit", args=[french_proposal.pk])
    submitted_at, version = french_proposal.submitted_at, french_proposal.version
    before = OutboundMessage.objects.filter(kind="receipt").count()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url, {**form_data(french_proposal), "save": ""}, follow=True)
    assert "Nothing changed." in response.content.decode()
    detail = reverse("submissions:detail", args=[french_proposal.pk])
    assert response.redirect_chain[-1][0] == detail
    french_proposal.refresh_from_db()
    assert (french_proposal.submitted_at, french_proposal.version) == (submitted_at, version)
    assert not callbacks and OutboundMessage.objects.filter(kind="receipt").count() == before
    # A change is a new submission: new time, a receipt written after the commit.
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(url, {**form_data(french_proposal, title="Changed"), "save": ""})
    assert response["Location"] == reverse("submissions:receipt", args=[french_proposal.pk])
    french_proposal.refresh_from_db()
    assert french_proposal.status == "submitted" and french_proposal.title == "Changed"
    assert french_proposal.submitted_at > submitted_at and len(callbacks) == 1
    page = client.get(response["Location"]).content.decode()
    assert "a new receipt replaces the earlier one" in page
    assert "Draft saved" not in page


def test_a_draft_saved_unchanged_says_so_and_saved_changed_stays_a_draft(as_user, open_call):
    client = as_user("delegate-fr")
    client.post(reverse("submissions:new", args=[open_call.pk]), post_data(open_call))
    draft = open_call.proposals.get()
    url = reverse("submissions:edit", args=[draft.pk])
    page = client.post(url, {**form_data(draft), "save": ""}, follow=True).content.decode()
    assert "Nothing changed." in page
    page = client.post(url, {**form_data(draft, title="New"), "save": ""}, follow=True)
    assert "Draft saved. It is not submitted yet." in page.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.submitted_at is None and draft.title == "New"


def test_withdrawing_asks_first_and_a_post_without_confirm_withdraws_nothing(
    as_user, french_proposal
):
    client = as_user("delegate-fr")
    url = reverse("submissions:withdraw", args=[french_proposal.pk])
    detail = client.get(reverse("submissions:detail", args=[french_proposal.pk])).content.decode()
    assert f'href="{url}"' in detail  # a link to the question, not a button that acts
    page = client.get(url).content.decode()
    assert "Withdraw CU 2011/40 (A)/FRA/1?" in page
    assert "(1 of 3 now)" in page and "No message goes out" in page
    assert 'name="confirm" value="yes"' in page
    assert f'href="{reverse("submissions:detail", args=[french_proposal.pk])}"' in page
    assert "Nothing was done" not in page
    for refused in ({}, {"confirm": ""}, {"confirm": "no"}):
        response = client.post(url, {"version": french_proposal.version, **refused})
        assert response.status_code == 200
        assert "Nothing was done: to go ahead, confirm" in response.content.decode()
        french_proposal.refresh_from_db()
        assert french_proposal.status == "submitted"
    response = client.post(url, {"version": french_proposal.version, "confirm": "yes"}, follow=True)
    assert "The proposal is withdrawn." in response.content.decode()
    french_proposal.refresh_from_db()
    assert french_proposal.status == "withdrawn"
    # Withdrawn: no question any more, only the reason.
    assert "has been withdrawn and can no longer be changed" in client.get(url).content.decode()


# The State's page: how many it submitted, and whether it may propose another.


def submit_n(call, n):
    user = Delegate.objects.get(state__iso3="FRA").user
    for _ in range(n):
        services.save_draft(
            user=user, call=call, data={**post_data(call), "area": call.areas.first()}, submit=True
        )


def test_the_state_page_counts_submissions_and_offers_a_proposal_while_one_can_be_made(
    as_user, open_call
):
    client = as_user("delegate-fr")
    new = reverse("submissions:new", args=[open_call.pk])
    submit_n(open_call, 2)
    page = client.get(reverse("submissions:home")).content.decode()
    assert "2 of 3 proposals submitted" in page and f'href="{new}"' in page
    submit_n(open_call, 1)
    page = client.get(reverse("submissions:home")).content.decode()
    assert "3 of 3 proposals submitted" in page and f'href="{new}"' not in page
    limit = (
        "Your Government has submitted 3 of 3 proposals, the most this call accepts; "
        "withdraw one to propose another."
    )
    assert limit in page
    # The form's page gives the same reason instead of a form.
    form_page = client.get(new).content.decode()
    assert limit in form_page and 'name="title"' not in form_page
    # A withdrawal makes room again.
    first = open_call.proposals.get(number=1)
    client.post(
        reverse("submissions:withdraw", args=[first.pk]),
        {"version": first.version, "confirm": "yes"},
    )
    page = client.get(reverse("submissions:home")).content.decode()
    assert "2 of 3 proposals submitted" in page and f'href="{new}"' in page
    assert 'name="title"' in client.get(new).content.decode()


def test_the_state_page_says_why_when_the_deadline_passed_or_the_call_is_not_open(
    as_user, open_call
):
    from django.utils import timezone

    client = as_user("delegate-fr")
    new = reverse("submissions:new", args=[open_call.pk])
    CallForTopics.objects.filter(pk=open_call.pk).update(
        deadline=timezone.now() - timezone.timedelta(minutes=1)
    )
    page = client.get(reverse("submissions:home")).content.decode()
    assert "The deadline passed on" in page and f'href="{new}"' not in page
    assert "0 of 3 proposals submitted" in page
    CallForTopics.objects.filter(pk=open_call.pk).update(
        status=CallForTopics.Status.CLOSED, deadline=timezone.now() - timezone.timedelta(days=1)
    )
    page = client.get(reverse("submissions:home")).content.decode()
    assert "The call CU 2011/40 (A) is not open for proposals." in page
    assert f'href="{new}"' not in page


@pytest.mark.parametrize(
    ("language", "submitted", "limit", "expected"),
    [
        ("en", 1, 1, "1 of 1 proposal submitted"),
        ("ru", 1, 1, "Представлено 1 из 1 предложения"),
        ("ru", 2, 3, "Представлено 2 из 3 предложений"),
        ("ru", 1, 21, "Представлено 1 из 21 предложения"),
        ("ar", 1, 2, "قُدِّم 1 من أصل 2 مقترحين"),
        ("ar", 2, 3, "قُدِّم 2 من أصل 3 مقترحات"),
        ("ar", 2, 11, "قُدِّم 2 من أصل 11 مقترحا"),
        ("fr", 1, 3, "1 propositions soumises sur 3"),
        ("es", 1, 1, "1 de 1 propuesta presentada"),
        ("zh-hans", 2, 3, "已提交2项提案，共可提交3项"),
    ],
)
def test_the_count_of_submissions_follows_each_languages_plural(
    as_user, open_call, language, submitted, limit, expected
):
    CallForTopics.objects.filter(pk=open_call.pk).update(max_proposals_per_state=limit)
    open_call.refresh_from_db()
    submit_n(open_call, submitted)
    client = as_user("delegate-fr")
    with translation.override(language):
        url = reverse("submissions:home")
    assert expected in client.get(url).content.decode()


def test_the_state_page_asks_two_queries_per_call(
    as_user, open_call, django_assert_num_queries, database_sessions
):
    """The session, the user with their delegation, their State, the visible calls; then per
    call its proposals and the State's deadline (the count and the reason come from those),
    however many proposals the State made."""
    submit_n(open_call, 2)
    client = as_user("delegate-fr")
    calls = CallForTopics.objects.exclude(status=CallForTopics.Status.DRAFT).count()
    with django_assert_num_queries(4 + 2 * calls):
        client.get(reverse("submissions:home"))


def test_the_overview_csv_writes_formulas_as_text(as_user, french_proposal, open_call):
    MemberState.objects.filter(iso3="FRA").update(short_name='=HYPERLINK("http://x","y")')
    url = reverse("submissions:overview", args=[open_call.pk])
    csv = as_user("secretariat").get(url, {"format": "csv"}).content.decode()
    assert "FRA,\"'=HYPERLINK(" in csv and ',"=HYPERLINK' not in csv


# A form posted again (Back, the text corrected, sent again) never loses what was typed.


def test_a_draft_form_posted_again_with_other_text_saves_that_text(as_user, open_call):
    client = as_user("delegate-fr")
    new = reverse("submissions:new", args=[open_call.pk])
    assert client.post(new, post_data(open_call, title="First text")).status_code == 302
    again = client.post(new, {**post_data(open_call, title="Corrected text"), "submit": ""})
    assert again.status_code == 302
    proposal = TopicProposal.objects.get(call=open_call)
    assert (proposal.title, proposal.status) == ("Corrected text", "submitted")
    assert proposal.version == 3  # saved with the new text, then submitted
    # A double click on the same text makes nothing new.
    assert client.post(new, {**post_data(open_call, title="Corrected text"), "submit": ""})
    proposal.refresh_from_db()
    assert proposal.version == 3 and open_call.proposals.count() == 1


def test_a_draft_changed_meanwhile_shows_both_versions_and_keeps_the_typed_one(as_user, open_call):
    client = as_user("delegate-fr")
    new = reverse("submissions:new", args=[open_call.pk])
    client.post(new, post_data(open_call, title="First text"))
    proposal = TopicProposal.objects.get(call=open_call)
    edit = reverse("submissions:edit", args=[proposal.pk])
    as_user("delegate-fr").post(edit, post_data(open_call, title="Colleague's text", version="1"))
    again = client.post(new, post_data(open_call, title="My corrected text"))
    html = again.content.decode()
    assert again.status_code == 200
    assert "Someone else of your delegation changed this proposal" in html
    assert 'value="My corrected text"' in html  # the form keeps what was typed
    assert "The version saved meanwhile" in html and "Colleague&#x27;s text" in html
    assert 'name="version" value="2"' in html
    proposal.refresh_from_db()
    assert proposal.title == "Colleague's text"
    # Saving again, from the page as shown, keeps the typed text.
    kept = client.post(new, post_data(open_call, title="My corrected text", version="2"))
    assert kept.status_code == 302
    proposal.refresh_from_db()
    assert proposal.title == "My corrected text" and open_call.proposals.count() == 1
