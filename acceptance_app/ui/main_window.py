"""The main window: project list on the left; the project page or a unit page on the right.

It paints before the database layer is loaded: the list can be filled from the start-up reader, and
``attach(runner)`` connects everything once the database is open (see app.py). The project and unit pages,
and whatever later features add to them, are built on first use, so their imports never delay the start.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QStackedWidget, QToolBar

from acceptance_app import __version__
from acceptance_app.i18n import _
from acceptance_app.settings import Settings, save_settings

from acceptance_app.ui.dialogs.entities import project_dialog
from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.project_list import ProjectList

if TYPE_CHECKING:
    from acceptance_app.ui.widgets.project_page import ProjectPage
    from acceptance_app.ui.widgets.unit_page import UnitPage


class MainWindow(QMainWindow):
    first_paint = Signal()
    attached = Signal()

    def __init__(self, settings: Settings, data_dir: Path, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.runner: TaskRunner | None = None
        self.settings = settings
        self.data_dir = data_dir
        self._painted = False
        self._project_page: ProjectPage | None = None
        self._unit_page: UnitPage | None = None
        self.setWindowTitle(_("Joint completion acceptance"))
        self.resize(1360, 820)

        self.project_list = ProjectList()
        self.empty_page = QLabel(_("Choose a project on the left, or create one."))
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_page)
        split = QSplitter()
        split.addWidget(self.project_list)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 3)
        split.setSizes([470, 890])
        self.setCentralWidget(split)

        self.project_list.project_activated.connect(self.open_project)
        self.project_list.new_project_requested.connect(self.new_project)
        self._build_actions()
        self.statusBar().showMessage(_("Opening the data folder…"))
        if runner is not None:
            self.attach(runner)

    def attach(self, runner: TaskRunner) -> None:
        self.runner = runner
        runner.default_failure = lambda error: show_exception(self, error)
        self.project_list.attach(runner)
        for action in self._data_actions:
            action.setEnabled(True)
        self.statusBar().showMessage(
            _("Data folder: {path}  ·  device {device}").format(path=self.data_dir, device=runner.database.device_id)
        )
        self.project_list.reload()
        self._refresh_calendar()
        self.attached.emit()

    def _build_actions(self) -> None:
        bar = QToolBar(_("Navigation"))
        bar.setObjectName("navigation")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.back_action = QAction(_("Back to project"), self)
        self.back_action.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left))
        self.back_action.triggered.connect(self.back)
        self.back_action.setEnabled(False)
        bar.addAction(self.back_action)

        menu = self.menuBar().addMenu(_("&File"))
        new_action = menu.addAction(_("New project…"))
        new_action.setShortcut(QKeySequence.StandardKey.New)
        new_action.triggered.connect(self.new_project)
        demo_action = menu.addAction(_("Create demo project"))
        demo_action.triggered.connect(self.create_demo)
        self._data_actions = [new_action, demo_action]
        for action in self._data_actions:
            action.setEnabled(False)
        self.project_list.new_button.setEnabled(True)
        menu.addSeparator()
        settings_action = menu.addAction(_("Settings…"))
        settings_action.triggered.connect(self.edit_settings)
        menu.addSeparator()
        quit_action = menu.addAction(_("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(_("&Help"))
        about = help_menu.addAction(_("About"))
        about.triggered.connect(self.about)

    # Pages, built on first use ------------------------------------------------------------------------
    @property
    def project_page(self) -> ProjectPage:
        if self._project_page is None:
            from acceptance_app.ui.widgets.project_page import ProjectPage

            assert self.runner is not None
            self._project_page = ProjectPage(self.runner, settings=lambda: self.settings,
                                             save_settings=self.update_settings)
            self._project_page.unit_activated.connect(self.open_unit)
            self.pages.addWidget(self._project_page)
        return self._project_page

    @property
    def unit_page(self) -> UnitPage:
        if self._unit_page is None:
            from acceptance_app.ui.widgets.unit_page import UnitPage

            assert self.runner is not None
            self._unit_page = UnitPage(self.runner, settings=lambda: self.settings)
            self.pages.addWidget(self._unit_page)
        return self._unit_page

    # Navigation ---------------------------------------------------------------------------------------
    def open_project(self, project_id: uuid.UUID) -> None:
        if self.runner is None:
            return  # rows from the start-up read: the database opens in a moment
        self.project_page.show_project(project_id)
        self.pages.setCurrentWidget(self.project_page)
        self.back_action.setEnabled(False)

    def open_unit(self, unit_id: uuid.UUID) -> None:
        self.unit_page.show_unit(unit_id)
        self.pages.setCurrentWidget(self.unit_page)
        self.back_action.setEnabled(True)

    def back(self) -> None:
        if self._unit_page is not None and self.pages.currentWidget() is self._unit_page:
            self.pages.setCurrentWidget(self.project_page)
            self.back_action.setEnabled(False)

    # Commands -----------------------------------------------------------------------------------------
    def new_project(self) -> None:
        if self.runner is None:
            return
        from acceptance_app.services import projects

        dialog = project_dialog(None, self)
        if dialog.exec():
            data = dialog.result_data
            self.runner.write(lambda s, t: projects.create_project(s, data)).success(self.open_project).run()

    def create_demo(self) -> None:
        if self.runner is None:
            return
        from acceptance_app.services import demo

        self.runner.write(lambda s, t: demo.create_demo(s)).success(lambda made: self.open_project(made.main)).with_progress(
            _("Creating the demo project"), self
        ).run()

    def offer_demo(self) -> None:
        answer = QMessageBox.question(
            self,
            _("Empty data folder"),
            _("There are no projects yet. Create the demo project (a residential project in Jinan) to look around?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.create_demo()

    def edit_settings(self) -> None:
        from acceptance_app.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.update_settings(dialog.updated())

    def update_settings(self, settings: Settings) -> None:
        """Every change of the settings goes through here, so the window's copy and the file agree."""
        folder_changed = settings.forms_dir != self.settings.forms_dir
        self.settings = settings
        save_settings(self.data_dir, settings)
        if folder_changed:
            self._refresh_calendar()

    def _refresh_calendar(self) -> None:
        """The office's forms folder may bring a year's holiday table: deadlines counted on weekends only
        are recomputed with it (a short write; the dashboard shows what changed)."""
        if self.runner is None:
            return
        forms = self.settings.forms_dir
        self.runner.database.calendar_dir = Path(forms).expanduser() / "calendar" if forms else None
        from acceptance_app.services.calendar import refresh_deadlines

        self.runner.write(lambda session, task: refresh_deadlines(session)[1]).run()

    def about(self) -> None:
        QMessageBox.about(
            self,
            _("About"),
            _("Joint completion acceptance {version}\nData folder: {path}").format(
                version=__version__, path=self.data_dir
            ),
        )

    # First paint (for `gui --smoke-test` and start-up measurements) ------------------------------------
    def paintEvent(self, event: object) -> None:  # type: ignore[override]
        super().paintEvent(event)  # type: ignore[arg-type]
        if not self._painted:
            self._painted = True
            self.first_paint.emit()

    def closeEvent(self, event: object) -> None:  # type: ignore[override]
        if self.runner is not None:
            self.runner.shutdown()
        super().closeEvent(event)  # type: ignore[arg-type]
