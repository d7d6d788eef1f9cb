"""The history every key record keeps (django-simple-history)."""

import functools

from simple_history import manager, models


class HistoryManager(manager.HistoryManager):
    # simple-history asks for the history manager's class each time it records a change, and
    # Django builds a new class on each call: one per queryset class serves every record.
    @classmethod
    @functools.cache
    def from_queryset(cls, queryset_class, class_name=None):
        return super().from_queryset(queryset_class, class_name)


def HistoricalRecords(**options):  # noqa: N802 - stands in for simple-history's own field
    return models.HistoricalRecords(history_manager=HistoryManager, **options)
