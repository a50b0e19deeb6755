"""Flask commands: `users create`, `demo load`, `matching rebuild`."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from mentorship.services.errors import ServiceError

users_cli = AppGroup("users", help="Manage accounts.")


@users_cli.command("create")
@click.option(
    "--role", type=click.Choice(["lead"]), required=True, help="Only lead accounts are made here."
)
@click.option("--email", required=True)
@click.option("--password", required=True)
@click.option("--name", default="Programme lead", show_default=True)
def create_user(role: str, email: str, password: str, name: str) -> None:
    """Create a programme lead account (the only way to get one)."""
    from mentorship.contract.fields import PASSWORD_MIN, clean_email
    from mentorship.services.accounts import create_lead

    try:
        email = clean_email(email)
    except ValueError as problem:
        raise click.BadParameter(str(problem), param_hint="--email") from None
    if len(password) < PASSWORD_MIN:
        raise click.BadParameter(
            f"must be at least {PASSWORD_MIN} characters", param_hint="--password"
        )
    try:
        user = create_lead(email, password, name)
    except ServiceError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Created {role} account {user.email} (id {user.id}).")


demo_cli = AppGroup("demo", help="Demo data for trying the service.")


@demo_cli.command("load")
@click.option("--no-matching", is_flag=True, help="Skip the one batch rematch after loading.")
@click.option("--allow-production", is_flag=True, help="Load even though ENV is production.")
def load_demo_data(no_matching: bool, allow_production: bool) -> None:
    """Add the programme's organisations, demo people and 186 ideas, matched and half-way through
    reviews and decisions; running it again adds nothing."""
    from flask import current_app

    from mentorship.demo.loader import (
        DEMO_PASSWORD,
        advance_to_halfway,
        load_demo,
        load_demo_event,
        load_demo_introductions,
        match_open_ideas,
    )

    if current_app.config.get("ENV_NAME") == "production" and not allow_production:
        raise click.ClickException(
            "Refusing to load demo accounts with a published password in production."
        )
    report = load_demo()
    click.echo(f"Demo data loaded: created {_counts(report.created) or 'nothing new'}.")
    if report.existing:
        click.echo(f"Already there, left as they were: {_counts(report.existing)}.")
    if report.created_anything and not no_matching:
        click.echo(match_open_ideas())
    if not no_matching:
        click.echo(advance_to_halfway())
    click.echo(load_demo_event())
    if not no_matching:
        click.echo(load_demo_introductions())
    click.echo(f"Demo logins (password {DEMO_PASSWORD!r}, for the demo only):")
    for role, email in report.logins:
        click.echo(f"  {role:<13} {email}")


matching_cli = AppGroup("matching", help="The matching index and re-matching.")


@matching_cli.command("rebuild")
@click.option(
    "--rematch/--no-rematch",
    default=True,
    show_default=True,
    help="Re-match every open idea against the rebuilt index.",
)
def rebuild_matching_index(rematch: bool) -> None:
    """Refit the matching index over all candidates (workers pick the new one up by themselves)."""
    import time

    from mentorship.services.matching import rebuild_index, rematch_open_ideas

    started = time.perf_counter()
    size = rebuild_index()
    click.echo(f"Index rebuilt over {size} candidates in {time.perf_counter() - started:.2f} s.")
    if rematch:
        started = time.perf_counter()
        count = rematch_open_ideas()
        click.echo(f"Re-matched {count} open ideas in {time.perf_counter() - started:.2f} s.")


@matching_cli.command("rematch")
@click.option(
    "--programme-id", type=int, default=None, help="Only the open ideas of this programme."
)
def rematch_ideas(programme_id: int | None) -> None:
    """Re-match open ideas now, in this process."""
    from mentorship.services.matching import rematch_open_ideas

    click.echo(f"Re-matched {rematch_open_ideas(programme_id)} open ideas.")


def _counts(counter: dict[str, int]) -> str:
    return ", ".join(
        f"{count} {kind if count != 1 else kind.removesuffix('s')}"
        for kind, count in counter.items()
    )


def register_cli(app: Flask) -> None:
    app.cli.add_command(users_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(matching_cli)
