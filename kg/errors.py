"""Every message kg shows a user, in one place (numbered like spaCy's)."""

from __future__ import annotations


class _Catalogue(type):
    def __getattribute__(cls, name: str) -> str:
        value = super().__getattribute__(name)
        if name.startswith(("E", "W")) and name[1:].isdigit():
            return f"[{name}] {value}"
        return value


class Errors(metaclass=_Catalogue):
    E001 = "No such file or directory: {path}"
    E002 = "Cannot read {path}: {reason}"
    E003 = "Unsupported output format '{suffix}' for {path}; use one of {formats}"
    E004 = "Nothing to build: none of the inputs yielded a readable document"
    E005 = "Cannot parse graph {path}: {reason}"
    E006 = "Gold directory {path} has no *.json files"
    E007 = "Cannot read gold file {path}: {reason}"
    E008 = "spaCy model '{model}' is not installed; install it with pip or pass --model"
    E009 = "Cannot write {path}: {reason}"
    E010 = "Invalid SPARQL query: {reason}"
    E011 = "Unsupported input format '{suffix}' for {path}"
    E012 = "Unknown store backend '{name}'; available: {names}"
    E013 = "No entity or event named {name!r} in the graph{hint}"
    E014 = "Invalid {name} {value!r}: must be {rule}"
    E015 = "No kg store at {path} (make one with: kg build INPUT... --store {path})"
    E016 = "Cannot open the store {path}: {reason}"
    E017 = "Document {id!r} is not in the store {path}"
    E018 = "Nothing to write to: give --out FILE, --store DIR or both"
    E019 = "Cannot push graph {graph} to {url}: {reason}"
    E020 = "Cannot serve on {host}:{port}: {reason}"
    E021 = "This SPARQL endpoint is read-only: SPARQL Update is not accepted"
    E022 = "The answer has more than {limit:,} {unit}, this endpoint's limit; add a LIMIT or raise kg serve --max-rows"
    E023 = "The query did not finish within {seconds:g} s (this endpoint's timeout; see kg serve --timeout)"
    E024 = "No query: send query=… in the URL or a form, or a body of type application/sparql-query"
    E025 = "Cannot connect to the dask scheduler {address}: {reason}"


class Warnings(metaclass=_Catalogue):
    W001 = "Skipped {path}: {reason}"
    W002 = "Skipped {path} line {line}: {reason}"
    W003 = "{path}: no text left after cleaning; skipped"
    W004 = "{path}: no entities found"
    W005 = "{path} line {line}: bad 'published' date {value!r}; ignored"
    W006 = "{path}: decoded as {encoding} (not UTF-8)"
    W007 = "{path} line {line}: duplicate id {id!r}; the later record wins"
    W008 = "Skipped {path}: no such file or directory"
    W009 = "Skipped {path}: unsupported input format '{suffix}'; use one of {suffixes}"
    W010 = "Duplicate document id {id!r}: {source} replaces {previous} (the later one wins)"
    W011 = "{path} line {line}: {field!r} is not a string; ignored"
    W012 = "{path} line {line}: unusable 'id' {value!r}; using {id!r}"
    W013 = "Skipped {path}: too long ({size}; the limit is {limit:,} characters, see --max-chars)"
    W014 = "{path}: unknown field(s) {fields} ignored"
    W015 = "{path}: symbolic link loop back to {target}; not followed"
    W016 = "Skipped {count} document(s) {ids}: extraction failed ({reason})"
    W017 = "Skipped {source}: its id {id!r} gives the same IRI as {other!r} ({other_source}); rename one"


# Warnings that mean an input (a file, a record, an earlier duplicate) was left out of the
# graph; the others are notes about an input that was used. `kg build` exits 3 on any of these.
SKIP_WARNINGS = frozenset({"W001", "W002", "W003", "W007", "W008", "W009", "W010", "W013", "W016", "W017"})


class KgError(Exception):
    """An error a user can act on; the CLI prints it as ``Error: …`` and exits 1."""


class InputError(KgError):
    """One input file or record cannot be used."""
