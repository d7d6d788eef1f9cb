from django.core.management.base import BaseCommand
from django.db import transaction

from decisions import demo as decisions_demo
from meetings import demo as meetings_demo
from submissions import demo as submissions_demo
from wgportal.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = (
        "Load the demo data from the source documents: decision 4/4, the Working Group, its "
        "meetings and the April 2009 provisional agenda, the States, and demo accounts. "
        "Safe to run again: it updates what is there."
    )

    @transaction.atomic
    def handle(self, **options):
        decisions_demo.load()
        states = meetings_demo.load()
        users = submissions_demo.load()
        if options["verbosity"] == 0:
            return
        self.stdout.write(f"Loaded decision 4/4, {states} States and {len(users)} demo accounts.")
        accounts = ", ".join(user.username for user in users)
        self.stdout.write(
            f"Demo accounts (password “{DEMO_PASSWORD}”, for the local demo only): {accounts}"
        )
