"""The readings of a name: one module per family of names the matcher reads.

:class:`~diplograph.linking.matcher.Matcher` is made of the mixins of these modules (each a
family of readings: official long forms, historical states by period or ruler, capitals and
seats, press, region and role frames, pairs of states, offices, sounds, organisations' acronyms,
calques, institutions and generic names, the fuzzy reading) and tries them in the order of one
table, :data:`~.table.READINGS`. Shared pieces: :mod:`~diplograph.linking.candidates` (what the
matcher answers), :mod:`.text` (pure helpers on words) and :mod:`.answers` (helpers that build a
result). Each module's docstring says which names it reads, with examples. No module here
imports the matcher.
"""
