"""`unspin serve`: the web page and the REST API (FastAPI, uvicorn)."""

from __future__ import annotations

from pathlib import Path

import click

from unspin.cli.common import max_size_option, workers_option


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 127.0.0.1 keeps it on this machine.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--store",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A corpus store to serve read-only (the corpus view and /api/articles...).",
)
@workers_option(default=2, help="Analysis processes, each holding the models.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=120.0,
    show_default=True,
    help="Seconds an analysis may take before the answer is 504.",
)
@max_size_option(default_mb=6.0, help="The largest request body")
def serve_command(
    host: str, port: int, store: Path | None, workers: int, timeout: float, max_bytes: int
) -> None:
    """Serve the web page and the API (needs the [web] extra)."""
    import uvicorn

    from unspin.web import WebSettings, create_app

    if store is not None and not store.is_file():
        raise click.BadParameter(f"{store}: no corpus store here", param_hint="--store")
    settings = WebSettings(
        store=store, workers=workers, timeout=timeout, max_request_bytes=max_bytes
    )
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
