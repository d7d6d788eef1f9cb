"""The receipt of a submitted proposal: on screen, by e-mail and as PDF."""

import re

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, override

from wgportal import pdf


def receipt_pdf(proposal, language):
    return pdf.render("pdf/receipt.html", {"proposal": proposal}, language)


def filename(proposal, language):
    return re.sub(r"[^A-Za-z0-9]+", "-", proposal.reference).strip("-") + f"-{language}.pdf"


def send_receipt(proposal, user, base_url):
    """To the delegate who submitted, in the language they used, with the PDF attached."""
    language = get_language()
    with override(language):
        context = {
            "proposal": proposal,
            "user": user,
            "link": base_url + reverse("submissions:receipt", args=[proposal.pk]),
        }
        subject = render_to_string("submissions/email/receipt_subject.txt", context).strip()
        body = render_to_string("submissions/email/receipt.txt", context)
    message = EmailMessage(subject, body, to=[user.email])
    rendered = receipt_pdf(proposal, language)
    message.attach(filename(proposal, language), rendered.content, "application/pdf")
    message.send()
