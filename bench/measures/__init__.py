"""Measures of outline substance, independent of drafter's generator (bench/quality.py uses them).

Pure functions over text: the vocabularies (`vocab`), the lines of an outline or a real speech
(`lines`), the per-outline and per-topic figures (`metrics`), and the checks against a `--ref`
document (`reference`). Nothing here imports drafter: the instrument must not share the
generator's lexicon or internals.
"""
