from pathlib import Path

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.management.base import BaseCommand, CommandError

from wgportal.pdf import KINDS


class Command(BaseCommand):
    help = "Write one of the portal's documents as PDF in one of the six languages."

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
        for name, (add_arguments, _render) in sorted(KINDS.items()):
            sub = kinds.add_parser(name, help=f"the {name} document")
            add_arguments(sub)
            sub.add_argument(
                "--lang", required=True, choices=[code for code, _name in settings.LANGUAGES]
            )
            sub.add_argument("--out", required=True, type=Path, help="the PDF file to write")

    def handle(self, kind, lang, out, **options):
        _add_arguments, render = KINDS[kind]
        try:
            rendered = render(options, lang)
        except (ObjectDoesNotExist, ValueError) as error:
            raise CommandError(f"No such {kind}: {error}") from None
        out.write_bytes(rendered.content)
        if rendered.missing_glyphs:
            missing = " ".join(f"U+{ord(c):04X}" for c in rendered.missing_glyphs)
            self.stderr.write(f"No font has these characters, they show as boxes: {missing}")
        source = "cache" if rendered.cached else "rendered"
        self.stdout.write(f"Wrote {out} ({len(rendered.content)} bytes, {source}).")
