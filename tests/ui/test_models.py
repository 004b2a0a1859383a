from acceptance_app.services import projects

from acceptance_app.ui.models.columns import PARTY_COLUMNS, PROJECT_COLUMNS, UNIT_COLUMNS
from acceptance_app.ui.models.rows_model import RowsModel


def test_models_pass_qtmodeltester(qtmodeltester, session, demo_project):
    detail = projects.get_project(session, demo_project)
    for columns, rows in (
        (PROJECT_COLUMNS, projects.list_projects(session)),
        (PARTY_COLUMNS, detail.parties),
        (UNIT_COLUMNS, detail.units),
    ):
        model = RowsModel(columns)
        model.set_rows(rows)
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() == len(rows)
