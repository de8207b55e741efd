"""`unspin schema`: print the JSON Schema every JSON report follows."""

from __future__ import annotations

import json

import click

from unspin.report.schema import schema


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the report (unspin/1)."""
    click.echo(json.dumps(schema(), indent=2))
