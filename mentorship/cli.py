"""Flask commands: `users create`, `demo load`, `matching rebuild`."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from mentorship.services.errors import ServiceError

users_cli = AppGroup("users", help="Manage accounts.")


@users_cli.command("create")
@click.option("--role", type=click.Choice(["lead"]), required=True, help="Only lead accounts are made here.")
@click.option("--email", required=True)
@click.option("--password", required=True)
@click.option("--name", default="Programme lead", show_default=True)
def create_user(role: str, email: str, password: str, name: str) -> None:
    """Create a programme lead account (the only way to get one)."""
    from mentorship.schemas import PASSWORD_MIN
    from mentorship.services.accounts import create_lead
    from mentorship.validation import Email, Invalid

    try:
        email = Email().clean(email)
    except Invalid as problem:
        raise click.BadParameter(str(problem), param_hint="--email") from None
    if len(password) < PASSWORD_MIN:
        raise click.BadParameter(f"must be at least {PASSWORD_MIN} characters", param_hint="--password")
    try:
        user = create_lead(email, password, name)
    except ServiceError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Created {role} account {user.email} (id {user.id}).")


def register_cli(app: Flask) -> None:
    app.cli.add_command(users_cli)
