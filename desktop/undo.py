"""Review edits as QUndoStack commands over the project's own undo and redo.

The project records each decision the moment it is made; the command only mirrors that on the
stack. Its first ``redo`` (which QUndoStack.push calls) does nothing, because the decision was
recorded just before the push — so a failure to record surfaces before anything is on the stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QUndoCommand

from core import session
from core.model import ReviewDecision
from core.project import Project


class ReviewCommand(QUndoCommand):
    """One recorded review decision; undo and redo go through ``project.undo()/redo()``.

    Args:
        project: the open project the decision was recorded in.
        decision: the decision (already recorded).
        text: what the 撤销/重做 menu entries name.
        changed: called with the item id after every undo or redo, to refresh the views.
    """

    def __init__(self, project: Project, decision: ReviewDecision, text: str,
                 changed: Callable[[str], None]) -> None:
        super().__init__(text)
        self._project = project
        self._decision = decision
        self._changed = changed
        self._pushed = False

    @property
    def item(self) -> str:
        return self._decision.item

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        session.redo(project=self._project, reviewer=self._decision.reviewer)
        self._changed(self._decision.item)

    def undo(self) -> None:
        session.undo(project=self._project, reviewer=self._decision.reviewer)
        self._changed(self._decision.item)


class ReviewGroup(QUndoCommand):
    """Several recorded decisions as one undo step (one edit on several selected rows, one
    judgement over an article's sentences: ``record_together``).

    Commands are pushed into it as into a stack; pushed on the real stack once they all are,
    it undoes them newest first and redoes them in order. It holds its commands itself:
    a command Qt alone holds (a macro's child) loses its Python ``undo`` and ``redo``.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.commands: list[ReviewCommand] = []
        self._pushed = False

    def push(self, command: ReviewCommand) -> None:
        command.redo()  # (the first redo does nothing: the decision is recorded already)
        self.commands.append(command)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        for command in self.commands:
            command.redo()

    def undo(self) -> None:
        for command in reversed(self.commands):
            command.undo()


def record(stack, project: Project, decision: ReviewDecision, text: str,
           changed: Callable[[str], None]) -> None:
    """Save a decision in the project, then put it on the undo stack.

    ``changed`` is what undo and redo call later; refreshing after this first save is the
    caller's business (it knows where the selection should go).
    """
    session.record(project=project, edit=session.Edit(decision, text))
    stack.push(ReviewCommand(project, decision, text, changed))


def record_together(stack, project: Project, together: session.Together, texts: list[str],
                    changed: Callable[[str], None]) -> None:
    """Save several decisions in one transaction (``session.record_together``), then put them
    on the undo stack as one step named ``together.label``; ``texts`` name each decision.
    Nothing is pushed when they could not be saved (the error is raised)."""
    decisions = session.record_together(project=project, together=together)
    if not decisions:
        return
    if len(decisions) == 1:  # one decision is a step of its own, named as ``record`` names it
        stack.push(ReviewCommand(project, decisions[0], texts[0], changed))
        return
    group = ReviewGroup(together.label)
    for decision, text in zip(decisions, texts):
        group.push(ReviewCommand(project, decision, text, changed))
    stack.push(group)


def take_over(action: QAction, slot: Callable[[], None]) -> None:
    """Have an action QUndoStack made (``createUndoAction``: its text and enabled state keep
    following the stack) call ``slot`` when triggered, instead of the stack directly: the
    window's 撤销 and 重做 first save an opinion being typed (``WindowReview.undo_review``),
    so that no decision is pushed while the stack is undoing or redoing."""
    action.triggered.disconnect()
    action.triggered.connect(slot)
