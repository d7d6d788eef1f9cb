from django.core.management.base import BaseCommand
from django.db import transaction

from decisions import demo as decisions_demo
from meetings import demo as meetings_demo
from submissions import demo as submissions_demo
from submissions import demo_stages
from submissions.models import CallForTopics
from wgportal.demo import DEMO_PASSWORD, load_registered


class Command(BaseCommand):
    help = (
        "Load the demo data from the source documents: decision 4/4, the Working Group, its "
        "meetings and the April 2009 provisional agenda, the States, and demo accounts. "
        "Safe to run again: it updates what is there."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stage",
            choices=demo_stages.STAGES,
            help="Start the demo call afresh at this stage: proposals being made (open), "
            "the Bureau reviewing them (closed), or three topics on the agenda (decided). "
            "Without it, a call that has proposals is left as it is.",
        )

    @transaction.atomic
    def handle(self, **options):
        decisions_demo.load()
        states = meetings_demo.load()
        users = submissions_demo.load(options["stage"])
        load_registered()
        if options["verbosity"] == 0:
            return
        self.stdout.write(f"Loaded decision 4/4, {states} States and {len(users)} demo accounts.")
        call = CallForTopics.objects.get(reference=submissions_demo.CALL)
        self.stdout.write(
            f"The call {call.reference} is {call.status}, with {call.proposals.count()} proposals."
        )
        accounts = ", ".join(user.username for user in users)
        self.stdout.write(
            f"Demo accounts (password “{DEMO_PASSWORD}”, for the local demo only): {accounts}"
        )
