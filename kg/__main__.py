"""``python -m kg``: the same as the ``kg`` command."""

from .cli import app

app(prog_name="kg")
