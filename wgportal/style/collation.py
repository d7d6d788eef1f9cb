"""Sorting as a reader of the language expects ("Îles Salomon" among the I in French, Chinese
names by pinyin), by ICU's collation for the locale: CLDR's rules, maintained upstream."""

import icu


def collator(babel_code):
    return icu.Collator.createInstance(icu.Locale(babel_code))
