"""The `unspin` command: thin commands that parse arguments and call plain functions."""

from __future__ import annotations

import logging

import click

from unspin import __version__
from unspin.cli.actors import actors_command
from unspin.cli.analyze import analyze_command
from unspin.cli.attribution import attribution_command
from unspin.cli.batch import batch_command
from unspin.cli.claims import claims_command
from unspin.cli.corpus import corpus_command
from unspin.cli.schema import schema_command
from unspin.cli.serve import serve_command
from unspin.cli.techniques import techniques_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="unspin")
def cli() -> None:
    """unspin shows how a news article argues: persuasion techniques, quotes and claims,
    actors and accusations, each with the span of text it rests on."""
    logging.basicConfig(level=logging.WARNING, format="unspin: %(levelname)s: %(message)s")


cli.add_command(actors_command)
cli.add_command(analyze_command)
cli.add_command(attribution_command)
cli.add_command(batch_command)
cli.add_command(claims_command)
cli.add_command(corpus_command)
cli.add_command(schema_command)
cli.add_command(serve_command)
cli.add_command(techniques_command)


def main() -> None:
    cli()
