"""``careweave telecare``: run the consumer of device events, or the rules and escalation once."""

from __future__ import annotations

import logging
import signal
import threading
from typing import Annotated

import typer

from careweave.adapters.cli.database import opened_services

app = typer.Typer(
    help="Technology-enabled care: take in device events, raise and escalate alerts.",
    no_args_is_help=True,
)


@app.command()
def listen(
    host: Annotated[
        str, typer.Option(envvar="CAREWEAVE_MQTT_HOST", help="The broker's address")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(envvar="CAREWEAVE_MQTT_PORT", min=1, max=65535, help="The broker's port")
    ] = 1883,
    client_id: Annotated[
        str,
        typer.Option(
            envvar="CAREWEAVE_MQTT_CLIENT_ID",
            help="Keep it the same from run to run: the broker keeps unacknowledged messages under it",
        ),
    ] = "careweave-telecare",
    username: Annotated[
        str | None, typer.Option(envvar="CAREWEAVE_MQTT_USERNAME", help="Broker user")
    ] = None,
    password: Annotated[
        str | None, typer.Option(envvar="CAREWEAVE_MQTT_PASSWORD", help="Broker password")
    ] = None,
    tick: Annotated[
        float, typer.Option(min=1.0, help="Seconds between runs of the rules for everyone")
    ] = 15.0,
) -> None:
    """Subscribe to careweave/telecare/+/events (QoS 1) and store every event once, acknowledging
    each message only after it is committed; runs until stopped (Ctrl-C or SIGTERM)."""
    from careweave.adapters.mqtt.telecare.consumer import ConsumerSettings, TelecareConsumer

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    settings = ConsumerSettings(
        host=host,
        port=port,
        client_id=client_id,
        username=username,
        password=password,
        tick_seconds=tick,
    )
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with opened_services() as services:
        consumer = TelecareConsumer(services.telecare_ingest, services.telecare_alerting, settings)
        consumer.run(stop, on_ready=lambda: typer.echo(f"listening on {host}:{port}", err=True))


@app.command("tick")
def tick_once() -> None:
    """Run the rules for everyone with telecare and take the escalation steps due, once."""
    with opened_services() as services:
        report = services.telecare_alerting.run()
    typer.echo(f"{len(report.raised)} alert(s) raised, {report.steps} escalation step(s) taken")
