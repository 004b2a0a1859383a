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


def test_a_sorted_model_keeps_its_order_for_new_rows_and_passes_qtmodeltester(qtmodeltester):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from acceptance_app.domain.natural_order import natural_key

    from acceptance_app.ui.models.rows_model import Column

    columns = [Column(lambda: "name", lambda r: r[0], sort_key=lambda r: natural_key(r[0])),
               Column(lambda: "n", lambda r: str(r[1]))]
    model = RowsModel(columns)
    model.set_rows([("10#", 3), ("2#", 10), ("1#", 2)])
    assert [r[0] for r in model.rows] == ["10#", "2#", "1#"]  # unsorted: as they came
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [r[0] for r in model.rows] == ["1#", "2#", "10#"]
    model.set_rows([("3#", 1), ("10#", 3), ("1#", 2)])  # a refresh keeps the order chosen
    assert [r[0] for r in model.rows] == ["1#", "3#", "10#"]
    model.sort(1, Qt.SortOrder.DescendingOrder)  # no sort key: by the text
    assert [r[1] for r in model.rows] == [3, 2, 1]
    qtmodeltester.check(model, force_py=True)
    model.sort(-1)
    model.set_rows([("b", 1), ("a", 2)])
    assert [r[0] for r in model.rows] == ["b", "a"]
