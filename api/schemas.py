"""What the API answers, as pydantic schemas: the OpenAPI description is generated from them,
and every answer is checked against them before it leaves."""

import datetime
from typing import Literal

from ninja import Field, Schema
from typing_extensions import TypedDict  # pydantic needs it on Python 3.11

Language = Literal["ar", "zh-hans", "en", "fr", "ru", "es"]

# A translated text in all six languages (?lang=all).
Translations = TypedDict(
    "Translations", {"ar": str, "zh-hans": str, "en": str, "fr": str, "ru": str, "es": str}
)
# A translated text: a string in the language asked for, or the six of them.
Text = str | Translations


# What a slug, and the beginning of a symbol, are written with: a query holding anything else (a
# NUL, which PostgreSQL refuses) is a 400 naming the parameter, not a query that fails.
SLUG = r"^[-a-zA-Z0-9_]+$"
SYMBOL_START = r"^[A-Za-z0-9./]+$"


class Problem(Schema):
    parameter: str | None = Field(description="The parameter at fault.")
    error: str


class Error(Schema):
    detail: str | list[Problem] = Field(description="What was wrong with the request.")


class Page(Schema):
    next: str | None = Field(description="The address of the next page, or null on the last.")


# What every operation takes: the language, and on lists the page.


class LanguageQuery(Schema):
    lang: Literal["ar", "zh-hans", "en", "fr", "ru", "es", "all"] | None = Field(
        None,
        description=(
            "The language of the texts: one of the six official languages, or `all` for every "
            "text in all six. Without it, the Accept-Language header chooses; then English."
        ),
    )


class PageQuery(LanguageQuery):
    cursor: str | None = Field(None, description="The `next` address's cursor, as given.")
    limit: int = Field(50, ge=1, le=100, description="How many items a page holds.")


class DateRange(Schema):
    date_from: datetime.date | None = Field(None, description="On or after this day (ISO 8601).")
    date_to: datetime.date | None = Field(None, description="On or before this day (ISO 8601).")


class ParagraphReference(Schema):
    decision: str = Field(examples=["4/4"])
    labels: list[str] = Field(description='From the lettered paragraph down: ["o", "i"].')
    citation: Text = Field(description="As the documents cite it: decision 4/4, paragraph (o) (i).")
    url: str = Field(description="The decision in the API.")


class BodyOut(Schema):
    slug: str
    kind: Literal["conference", "bureau", "working_group"]
    name: Text
    short_name: Text
    parent: str | None = Field(description="The slug of the body it reports to.")
    established_by: ParagraphReference | None
    functions: list[ParagraphReference]
    calendar: Text = Field(description="Its meetings as iCalendar (.ics).")
    page: Text = Field(description="Its page on the portal.")
    url: str


class BodyPage(Page):
    results: list[BodyOut]


class MeetingOut(Schema):
    slug: str
    title: Text
    venue: Text
    body: str = Field(description="The slug of the body that meets.")
    start_date: datetime.date
    end_date: datetime.date
    time_zone: str = Field(examples=["Europe/Vienna"])
    mandated_by: list[ParagraphReference]
    agenda: str | None = Field(description="Its issued provisional agenda in the API, if any.")
    documents: str = Field(description="Its documents in the API.")
    recommendations: str = Field(description="What it adopted, once its report is public.")
    calendar: Text = Field(description="The meeting as iCalendar (.ics).")
    page: Text
    url: str


class MeetingPage(Page):
    results: list[MeetingOut]


class DecisionSummary(Schema):
    number: str = Field(examples=["4/4"])
    kind: Literal["decision", "resolution"]
    session: int = Field(description="The number of the session of the Conference.")
    title: Text
    page: Text
    url: str


class DecisionPage(Page):
    results: list[DecisionSummary]


class Session(Schema):
    number: int
    title: Text
    venue: Text
    start_date: datetime.date
    end_date: datetime.date


class SubParagraph(Schema):
    labels: list[str]
    label: Text = Field(description="The label as the language writes it: (i), i), ㈠.")
    citation: Text
    text: Text


class Paragraph(SubParagraph):
    subparagraphs: list[SubParagraph]


class Footnote(Schema):
    number: int
    text: Text


class DecisionOut(DecisionSummary):
    session_held: Session
    preamble: Text
    paragraphs: list[Paragraph]
    footnotes: list[Footnote]


class Version(Schema):
    language: Language
    format: Literal["pdf", "docx"]
    pages: int | None
    size: int = Field(description="In bytes.")
    issue_date: datetime.date | None
    file: str = Field(description="The file, named as the United Nations name it: …-A.pdf.")


class DocumentOut(Schema):
    symbol: str = Field(examples=["CTOC/COP/WG.4/2009/1"])
    title: Text
    category: Literal["agenda", "working", "crp", "information"]
    distribution: Literal["general", "limited", "restricted"]
    issue_date: datetime.date | None
    original_language: Language
    languages: list[Language] = Field(description="The languages it is issued in.")
    versions: list[Version] = Field(description="Its file in each language, in the UN's order.")
    not_edited: bool
    meeting: str | None = Field(description="The slug of the meeting it was issued for.")
    page: Text
    url: str


class DocumentPage(Page):
    results: list[DocumentOut]


class AgendaItemOut(Schema):
    number: int
    sub_letter: str = Field(description="a, b… for a sub-item; empty for an item.")
    title: Text
    heading: Text = Field(description="The item's heading in the annotations.")
    annotation: Text
    documentation: list[str] = Field(description="The symbols of its documents, in order.")


class AgendaOut(Schema):
    meeting: str = Field(description="The slug of the meeting.")
    symbol: str = Field(description="The symbol of the document that issues it.")
    issued_at: datetime.datetime
    items: list[AgendaItemOut]
    pdf: Text = Field(description="The provisional agenda and annotations as a PDF.")
    url: str


class AgendaPage(Page):
    results: list[AgendaOut]


class ItemReference(Schema):
    number: int
    sub_letter: str = Field(description="a, b… for a sub-item; empty for an item.")


class Transmittal(Schema):
    symbol: str = Field(description="The note by the Secretariat that transmitted it.")
    session: str = Field(description="The slug of the session of the Conference it went to.")


class FollowUpOut(Schema):
    outcome: Literal["taken_up", "noted", "pending"]
    paragraph: ParagraphReference | None = Field(
        description="The Conference's paragraph that took it up or took note of it."
    )
    recorded_on: datetime.date | None


class RecommendationOut(Schema):
    meeting: str = Field(description="The slug of the meeting that adopted it.")
    body: str
    number: int
    text: Text
    addressee: Literal["states_parties", "conference", "secretariat"]
    agenda_item: ItemReference | None
    transmitted_by: list[Transmittal]
    follow_up: FollowUpOut = Field(description="What the Conference did: the latest record.")
    demo: bool = Field(description="Invented for the demonstration portal; not adopted text.")
    url: str


class RecommendationPage(Page):
    results: list[RecommendationOut]
