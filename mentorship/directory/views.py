"""The directory of partner companies and startup clusters: read by all, managed by the lead."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext, lazy_ngettext
from flask_login import current_user, login_required

from mentorship.cooperation.forms import AREA_LABELS, KIND_LABELS, TYPE_LABELS
from mentorship.directory.forms import ClusterForm, PartnerForm
from mentorship.infrastructure.pagination import page_args, paginate
from mentorship.main.helpers import ConfirmForm, role_required, show_service_error
from mentorship.models import Cluster, Partner
from mentorship.services import cooperation, directory
from mentorship.services.errors import ServiceError
from mentorship.services.pairing_endings import approved_pairings_count
from mentorship.vocab import SECTORS

directory_bp = Blueprint("directory", __name__)

PER_PAGE = 20
# Whole phrases per kind, because Serbian declines the noun differently in each of them.
KINDS: dict[str, dict[str, Any]] = {
    "partners": {
        "model": Partner,
        "form": PartnerForm,
        "title": lazy_gettext("Partner companies"),
        "add": lazy_gettext("Add a partner"),
        "add_first": lazy_gettext("Add the first partner"),
        "none_yet": lazy_gettext("No partners in the directory yet."),
        "none_yet_lead": lazy_gettext(
            "The directory has no partners yet. Matching can only propose what is here."
        ),
        "delete_text": lazy_gettext(
            "This removes the partner from the directory, together with every proposal for it "
            "that is not an approved pairing. The audit log keeps its name. This cannot be undone."
        ),
        "count": lambda n: lazy_ngettext("%(num)d partner", "%(num)d partners", n),
    },
    "clusters": {
        "model": Cluster,
        "form": ClusterForm,
        "title": lazy_gettext("Startup clusters"),
        "add": lazy_gettext("Add a cluster"),
        "add_first": lazy_gettext("Add the first cluster"),
        "none_yet": lazy_gettext("No clusters in the directory yet."),
        "none_yet_lead": lazy_gettext(
            "The directory has no clusters yet. Matching can only propose what is here."
        ),
        "delete_text": lazy_gettext(
            "This removes the cluster from the directory, together with every proposal for it "
            "that is not an approved pairing. The audit log keeps its name. This cannot be undone."
        ),
        "count": lambda n: lazy_ngettext("%(num)d cluster", "%(num)d clusters", n),
    },
}
KIND_PATH = "/<any(partners, clusters):kind>"


def _form_data(form) -> dict[str, Any]:
    data = {name: field.data for name, field in form._fields.items() if name != "csrf_token"}
    data["sector"] = data.get("sector") or None
    return data


@directory_bp.route(KIND_PATH)
@login_required
def index(kind: str):
    spec = KINDS[kind]
    search = request.args.get("q", "").strip()[:200]
    sector = request.args.get("sector", "")
    sector = sector if sector in SECTORS else None
    page, per_page = page_args(request.args, PER_PAGE)
    result = paginate(directory.list_organisations(spec["model"], search, sector), page, per_page)
    return render_template(
        "directory/index.html",
        kind=kind,
        spec=spec,
        page=result,
        search=search,
        sector=sector or "",
    )


@directory_bp.route("/<any(partners):kind>/<int:object_id>")
@login_required
def partner(kind: str, object_id: int):
    """One partner company with its cooperation profiles (for those who read them)."""
    target = directory.get_organisation(Partner, object_id)
    return render_template(
        "directory/partner.html",
        kind=kind,
        partner=target,
        profiles=cooperation.partner_profiles(current_user, target.id),
        labels={"kind": KIND_LABELS, "area": AREA_LABELS, "cooperation_type": TYPE_LABELS},
    )


@directory_bp.route(f"{KIND_PATH}/new", methods=["GET", "POST"])
@role_required("lead")
def new(kind: str):
    spec = KINDS[kind]
    form = spec["form"]()
    if form.validate_on_submit():
        try:
            created = directory.create_organisation(current_user, spec["model"], _form_data(form))
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(gettext("“%(name)s” is added to the directory.", name=created.name), "success")
            return redirect(url_for("directory.index", kind=kind))
    elif form.errors:
        flash(gettext("Please correct the marked fields."), "error")
    return render_template("directory/form.html", kind=kind, spec=spec, form=form, target=None)


@directory_bp.route(f"{KIND_PATH}/<int:object_id>/edit", methods=["GET", "POST"])
@role_required("lead")
def edit(kind: str, object_id: int):
    spec = KINDS[kind]
    target = directory.get_organisation(spec["model"], object_id)
    form = spec["form"](obj=target)
    if form.validate_on_submit():
        try:
            directory.update_organisation(current_user, target, _form_data(form))
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(gettext("“%(name)s” is saved.", name=target.name), "success")
            return redirect(url_for("directory.index", kind=kind))
    elif form.errors:
        flash(gettext("Please correct the marked fields."), "error")
    return render_template("directory/form.html", kind=kind, spec=spec, form=form, target=target)


@directory_bp.route(f"{KIND_PATH}/<int:object_id>/delete", methods=["GET", "POST"])
@role_required("lead")
def delete(kind: str, object_id: int):
    """GET asks for confirmation; only the confirmed POST deletes."""
    spec = KINDS[kind]
    target = directory.get_organisation(spec["model"], object_id)
    form = ConfirmForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        name = target.name
        directory.delete_organisation(current_user, target)
        flash(gettext("“%(name)s” is removed from the directory.", name=name), "success")
        return redirect(url_for("directory.index", kind=kind))
    return render_template(
        "directory/confirm_delete.html",
        kind=kind,
        spec=spec,
        form=form,
        target=target,
        ending=approved_pairings_count(kind.removesuffix("s"), target.id),
    )
