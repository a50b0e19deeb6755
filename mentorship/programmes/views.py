"""The lead's programme pages: list, create and edit programmes and modules, enrol, see ideas."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user

from mentorship.infrastructure.pagination import page_args, paginate
from mentorship.main.helpers import ConfirmForm, role_required, show_service_error
from mentorship.programmes.forms import EnrolForm, ModuleForm, ProgrammeForm
from mentorship.services import programmes
from mentorship.services.errors import ServiceError

programmes_bp = Blueprint("programmes", __name__, url_prefix="/lead/programmes")

PER_PAGE = 20
CANDIDATES_PER_PAGE = 50


def _data(form) -> dict[str, Any]:
    return {name: field.data for name, field in form._fields.items() if name != "csrf_token"}


@programmes_bp.route("")
@role_required("lead")
def index():
    page, per_page = page_args(request.args, PER_PAGE)
    result = paginate(programmes.list_programmes(), page, per_page)
    counts = {programme.id: programmes.enrolled_count(programme) for programme in result.items}
    return render_template("programmes/index.html", page=result, counts=counts)


@programmes_bp.route("/new", methods=["GET", "POST"])
@role_required("lead")
def new():
    form = ProgrammeForm()
    if form.validate_on_submit():
        try:
            programme = programmes.save_programme(current_user, _data(form))
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(
                gettext(
                    "“%(name)s” is created. Add its modules and enrol entrepreneurs.",
                    name=programme.name,
                ),
                "success",
            )
            return redirect(url_for("programmes.show", programme_id=programme.id))
    return render_template("programmes/form.html", form=form, programme=None)


@programmes_bp.route("/<int:programme_id>")
@role_required("lead")
def show(programme_id: int):
    programme = programmes.get_programme(programme_id)
    page, per_page = page_args(request.args, PER_PAGE)
    enrolled = paginate(programmes.enrolled_users(programme), page, per_page)
    ideas_total = paginate(programmes.programme_ideas(programme), 1, 1).total
    return render_template(
        "programmes/show.html",
        programme=programme,
        enrolled=enrolled,
        ideas_total=ideas_total,
        form=ConfirmForm(),
    )


@programmes_bp.route("/<int:programme_id>/edit", methods=["GET", "POST"])
@role_required("lead")
def edit(programme_id: int):
    programme = programmes.get_programme(programme_id)
    form = ProgrammeForm(obj=programme)
    if form.validate_on_submit():
        try:
            programmes.save_programme(current_user, _data(form), programme)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(gettext("The programme is saved."), "success")
            return redirect(url_for("programmes.show", programme_id=programme.id))
    return render_template("programmes/form.html", form=form, programme=programme)


@programmes_bp.route("/<int:programme_id>/modules/new", methods=["GET", "POST"])
@role_required("lead")
def new_module(programme_id: int):
    programme = programmes.get_programme(programme_id)
    form = ModuleForm()
    if form.validate_on_submit():
        try:
            module = programmes.save_module(current_user, programme, _data(form))
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(gettext("“%(name)s” is added.", name=module.title), "success")
            return redirect(url_for("programmes.show", programme_id=programme.id))
    return render_template(
        "programmes/module_form.html", form=form, programme=programme, module=None
    )


@programmes_bp.route("/<int:programme_id>/modules/<int:module_id>/edit", methods=["GET", "POST"])
@role_required("lead")
def edit_module(programme_id: int, module_id: int):
    programme = programmes.get_programme(programme_id)
    module = programmes.get_module(programme, module_id)
    form = ModuleForm(obj=module)
    if form.validate_on_submit():
        try:
            programmes.save_module(current_user, programme, _data(form), module)
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(gettext("The module is saved."), "success")
            return redirect(url_for("programmes.show", programme_id=programme.id))
    return render_template(
        "programmes/module_form.html",
        form=form,
        programme=programme,
        module=module,
        delete_form=ConfirmForm(),
    )


@programmes_bp.route("/<int:programme_id>/modules/<int:module_id>/delete", methods=["POST"])
@role_required("lead")
def delete_module(programme_id: int, module_id: int):
    programme = programmes.get_programme(programme_id)
    module = programmes.get_module(programme, module_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    programmes.delete_module(current_user, programme, module)
    flash(gettext("The module is removed; its ideas stay in the programme."), "success")
    return redirect(url_for("programmes.show", programme_id=programme.id))


@programmes_bp.route("/<int:programme_id>/enrol", methods=["GET", "POST"])
@role_required("lead")
def enrol(programme_id: int):
    programme = programmes.get_programme(programme_id)
    search = request.args.get("q", "").strip()[:200]
    form = EnrolForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        added = programmes.enrol(
            current_user, programme, [int(i) for i in form.user_ids.data or []]
        )
        flash(
            ngettext(
                "%(num)d entrepreneur is enrolled.", "%(num)d entrepreneurs are enrolled.", added
            ),
            "success" if added else "info",
        )
        return redirect(url_for("programmes.enrol", programme_id=programme.id, q=search or None))
    page, per_page = page_args(request.args, CANDIDATES_PER_PAGE)
    candidates = paginate(programmes.enrolment_candidates(programme, search), page, per_page)
    return render_template(
        "programmes/enrol.html", programme=programme, page=candidates, search=search, form=form
    )


@programmes_bp.route("/<int:programme_id>/enrolments/<int:user_id>/remove", methods=["POST"])
@role_required("lead")
def unenrol(programme_id: int, user_id: int):
    programme = programmes.get_programme(programme_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        programmes.unenrol(current_user, programme, user_id)
    except ServiceError as error:
        flash(error.message, "info")
    else:
        flash(
            gettext("The entrepreneur is no longer enrolled; her ideas keep their programme."),
            "success",
        )
    return redirect(url_for("programmes.show", programme_id=programme.id))


@programmes_bp.route("/<int:programme_id>/ideas")
@role_required("lead")
def ideas(programme_id: int):
    programme = programmes.get_programme(programme_id)
    module_ids = {module.id for module in programme.modules}
    module_id = request.args.get("module", type=int)
    module_id = module_id if module_id in module_ids else None
    page, per_page = page_args(request.args, PER_PAGE)
    result = paginate(programmes.programme_ideas(programme, module_id), page, per_page)
    return render_template(
        "programmes/ideas.html", programme=programme, page=result, module_id=module_id
    )
