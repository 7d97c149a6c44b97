"""Converters from open office-holder datasets to Tightrope's dated actor knowledge base.

``make kb`` runs :mod:`tightrope.actors.sources.build`, which reads ``../shared/kbdata`` (CountryInfo,
the Phoenix dictionaries, the Gleditsch-Ward state list, Wikidata's world leaders), merges them with
the hand-written lists in ``tightrope/data/actors/`` (authoritative for recent years), applies
``data/kb/overrides.csv`` and writes ``tightrope/data/actors/kb/``. Every converted row keeps its source.
"""
