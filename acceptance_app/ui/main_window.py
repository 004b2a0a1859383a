"""The main window: project list on the left; the project page or a unit page on the right.

It paints before the database layer is loaded: the list can be filled from the start-up reader, and
``attach(runner)`` connects everything once the database is open (see app.py). The project and unit pages,
and whatever later features add to them, are built on first use, so their imports never delay the start.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QStackedWidget, QToolBar

from acceptance_app import __version__
from acceptance_app.context import AppContext
from acceptance_app.i18n import _
from acceptance_app.settings import Settings, inspector_actor

from acceptance_app.ui import desktop_state
from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.project_list import ProjectList
from acceptance_app.ui.widgets.screen_fit import resize_to_screen

if TYPE_CHECKING:
    from acceptance_app.ui.checklists.forms_page import FormsPage
    from acceptance_app.ui.widgets.project_page import ProjectPage
    from acceptance_app.ui.widgets.unit_page import UnitPage


class MainWindow(QMainWindow):
    first_paint = Signal()
    attached = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.runner: TaskRunner | None = None
        self.context = context
        self.data_dir = context.folder.root
        self._settings_actor = inspector_actor(context.settings)
        desktop_state.use_folder(self.data_dir)
        self._painted = False
        self._project_page: ProjectPage | None = None
        self._unit_page: UnitPage | None = None
        self._forms_page: FormsPage | None = None
        self.setWindowTitle(_("Joint completion acceptance"))
        if not desktop_state.restore_geometry(self):
            resize_to_screen(self, 1360, 820)

        self.project_list = ProjectList()
        self.empty_page = QLabel(_("Choose a project on the left, or create one."))
        self.empty_page.setObjectName("empty_page")
        self.empty_page.setWordWrap(True)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_page)
        split = QSplitter()
        split.setObjectName("main_split")
        split.addWidget(self.project_list)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 3)
        split.setSizes([300, max(self.width() - 300, 600)])  # the list wide enough to tell 一期 from 二期
        self.setCentralWidget(split)
        desktop_state.restore_splitters(self)
        # A permanent label, not showMessage(): menu status tips replace a message, never this label.
        self.status_text = QLabel()
        self.status_text.setObjectName("status_text")
        self.statusBar().addPermanentWidget(self.status_text, 1)

        self.project_list.project_activated.connect(self.open_project)
        self.project_list.new_project_requested.connect(self.new_project)
        self._build_actions()
        self.status_text.setText(_("Opening the data folder…"))
        # Permanent widgets: status tips replace the message, never these (the sync state, field trial item 16).
        self.sync_state = QLabel(objectName="status_sync")
        self.statusBar().addPermanentWidget(self.sync_state)
        self.backup_reminder = QLabel(objectName="status_backup")
        self.backup_reminder.hide()
        self.statusBar().addPermanentWidget(self.backup_reminder)
        if runner is not None:
            self.attach(runner)

    def attach(self, runner: TaskRunner) -> None:
        self.runner = runner
        runner.default_failure = lambda error: show_exception(self, error)
        self.project_list.attach(runner)
        for action in self._data_actions:
            action.setEnabled(True)
        self.status_text.setText(
            _("Data folder: {path}  ·  device {device}").format(path=self.data_dir, device=runner.database.device_id)
        )
        self.project_list.reload()
        from acceptance_app.ui.backup import show_reminder

        show_reminder(self.backup_reminder, runner.database.folder)
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
        forms_action = menu.addAction(_("Checklist forms"))
        forms_action.triggered.connect(self.open_forms)
        backup_action = menu.addAction(_("Back up to…"))
        backup_action.setObjectName("backup_action")
        backup_action.triggered.connect(self.back_up)
        self._data_actions = [new_action, demo_action, forms_action, backup_action]
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
            self._project_page.sync_panel.summary_changed.connect(self.sync_state.setText)
            self.pages.addWidget(self._project_page)
            desktop_state.restore_splitters(self._project_page, self)
        return self._project_page

    @property
    def unit_page(self) -> UnitPage:
        if self._unit_page is None:
            from acceptance_app.ui.widgets.unit_page import UnitPage

            assert self.runner is not None
            self._unit_page = UnitPage(self.runner, settings=lambda: self.settings)
            self.pages.addWidget(self._unit_page)
            desktop_state.restore_splitters(self._unit_page, self)
        return self._unit_page

    @property
    def forms_page(self) -> FormsPage:
        if self._forms_page is None:
            from acceptance_app.ui.checklists.forms_page import FormsPage

            assert self.runner is not None
            self._forms_page = FormsPage(self.runner, settings=lambda: self.settings)
            self.pages.addWidget(self._forms_page)
        return self._forms_page

    # Navigation ---------------------------------------------------------------------------------------
    def open_forms(self) -> None:
        """The 检查表 page: which forms are in use and what this office's folder changed."""
        if self.runner is None:
            return
        self.forms_page.reload()
        self.pages.setCurrentWidget(self.forms_page)
        self.back_action.setEnabled(False)

    def open_project(self, project_id: uuid.UUID) -> None:
        if self.runner is None:
            return  # rows from the start-up read: the database opens in a moment
        self.project_page.show_project(project_id)
        self.pages.setCurrentWidget(self.project_page)
        self.back_action.setEnabled(False)
        self.project_list.select_project(project_id)
        desktop_state.set_value("projects/last", str(project_id))

    def open_last_project(self) -> bool:
        """The project open when the window last closed, if it is still in the list."""
        last = desktop_state.value("projects/last")
        row = next((r for r in self.project_list.model.rows if str(r.id) == last), None)
        if row is None:
            return False
        self.open_project(row.id)
        return True

    def show_empty_state(self, has_projects: bool) -> None:
        self.empty_page.setText(
            _("Choose a project on the left.") if has_projects else
            _("No projects yet. Create one with File → New project (Ctrl+N), or look around in the demo: "
              "File → Create demo project.")
        )

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

        from acceptance_app.ui.dialogs.entities import project_dialog  # on first use: start-up time

        dialog = project_dialog(None, self)
        if dialog.exec():
            data = dialog.result_data
            self.runner.write(lambda s, t: projects.create_project(s, data)).success(self.open_project).run()

    def create_demo(self) -> None:
        if self.runner is None:
            return
        from acceptance_app.demo import project as demo

        self.runner.write(lambda s, t: demo.create_demo(s)).success(lambda made: self.open_project(made.main)).with_progress(
            _("Creating the demo project"), self
        ).run()

    def offer_demo(self) -> None:
        answer = QMessageBox.question(
            self,
            _("Empty data folder"),
            _("There are no projects yet. Create the two demo projects to look around? (Two phases of a residential "
              "estate in Jinan: phase one with work in progress, phase two concluded and ready for its documents.)"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.create_demo()

    def back_up(self) -> None:
        if self.runner is None:
            return
        from acceptance_app.ui.backup import back_up

        back_up(self, self.runner, self.backup_reminder)

    def edit_settings(self) -> None:
        from acceptance_app.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        before = self.settings.language
        if dialog.exec():
            self.update_settings(dialog.updated())
            if self.settings.language != before:
                self.offer_restart()

    def offer_restart(self) -> None:
        """The language is read at start: offer to start again now instead of leaving the user to find out."""
        answer = QMessageBox.question(self, _("Restart"), _(
            "The new language applies after a restart. Restart the program now? (Nothing is lost: every answer "
            "is saved when it is given.)"))
        if answer == QMessageBox.StandardButton.Yes:
            import sys

            from PySide6.QtCore import QProcess

            if QProcess.startDetached(sys.executable, sys.argv):
                self.close()

    @property
    def settings(self) -> Settings:
        return self.context.settings

    def update_settings(self, settings: Settings) -> None:
        """Every change of the settings goes through the context, so the file, the window and the database's
        sessions agree."""
        previous = self._settings_actor
        folder_changed = settings.forms_dir != self.context.settings.forms_dir
        self.context.update_settings(settings)
        self._settings_actor = inspector_actor(settings)
        # The records name the inspector set here, unless the window was started with --actor.
        if self.context.actor in ("", previous):
            self.context.actor = self._settings_actor
        if self.runner is not None and self.runner.database.actor in ("", previous):
            self.runner.database.actor = self._settings_actor
        if folder_changed:
            self._refresh_calendar()

    def _refresh_calendar(self) -> None:
        """The office's forms folder may bring a year's holiday table: deadlines counted on weekends only
        are recomputed with it (a short write; the dashboard shows what changed)."""
        if self.runner is None:
            return
        from acceptance_app.services.calendar import refresh_deadlines

        self.runner.write(lambda session, task: refresh_deadlines(session)[1]).run()

    def ensure_identity(self) -> bool:
        """Ask who is working when nobody is set (the first start). False: still nobody, nothing is recorded."""
        if self.runner is None or self.runner.database.actor.strip():
            return True
        from acceptance_app.ui.dialogs.identity_dialog import IdentityDialog

        dialog = IdentityDialog(self.context.settings, self)
        if dialog.exec():
            self.update_settings(dialog.updated())
        return bool(self.runner.database.actor.strip())

    def about(self) -> None:
        QMessageBox.about(
            self,
            _("About"),
            _("Joint completion acceptance {version}\nData folder: {path}").format(
                version=__version__, path=self.data_dir
            ),
        )

    # First paint (for `gui --smoke-test` and start-up measurements) ------------------------------------
    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)  # type: ignore[arg-type]
        if not self._painted:
            self._painted = True
            self.first_paint.emit()

    def closeEvent(self, event: object) -> None:
        desktop_state.save_geometry(self)
        desktop_state.save_splitters(self)
        if self.runner is not None:
            self.runner.shutdown()
        super().closeEvent(event)  # type: ignore[arg-type]
