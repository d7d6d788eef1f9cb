"""Who may see and record what of recommendations (django-rules predicates and permissions).

The secretariat records recommendations, reports, notes and follow-up. Everyone else sees a
meeting's recommendations once the meeting's report is issued: until then they are a draft
the secretariat is still entering or translating."""

import rules

from meetings.rules import is_issued, is_secretariat


@rules.predicate
def report_is_issued(user, recommendation):
    report = getattr(recommendation.meeting, "report", None) if recommendation else None
    return report is not None and report.issued_at is not None


# Writing goes through the admin, whose model permissions the secretariat's group holds.
rules.add_perm("recommendations.view_recommendation", report_is_issued | is_secretariat)


# Issuing is the secretariat's; the public reads a report or a note once it is issued.
rules.add_perm("recommendations.issue_report", is_secretariat)
rules.add_perm("recommendations.issue_transmittalnote", is_secretariat)
rules.add_perm("recommendations.view_report", is_issued | is_secretariat)
rules.add_perm("recommendations.view_transmittalnote", is_issued | is_secretariat)
