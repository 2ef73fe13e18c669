"""Typed errors a user can meet; each carries a Chinese message fit to show as it is."""

from __future__ import annotations


class DuizhaoError(Exception):
    """Base class of every error a user can meet.

    Attributes:
        message: one Chinese sentence for the user (dialog text, CLI line).
        path: the file concerned, when there is one.
    """

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        if self.path:
            return f"{self.message}（{self.path}）"
        return self.message


class DocumentReadError(DuizhaoError):
    """A document cannot be read (broken, empty, unreadable text)."""


class UnsupportedFormatError(DocumentReadError):
    """The file's extension or content is of a format Duizhao does not read."""


class EmptyDocumentError(DocumentReadError):
    """The file holds no text at all."""


class EncryptedDocumentError(DocumentReadError):
    """The document is password-protected."""


class NoTextLayerError(DocumentReadError):
    """A PDF without a text layer (a scan)."""


class DocumentTooLargeError(DocumentReadError):
    """The file is over the size limit, or would unpack past it (zip bomb)."""


class ConverterMissingError(DocumentReadError):
    """A .doc/.wps file needs LibreOffice, which is not installed."""


class SameDocumentError(DuizhaoError):
    """Both sides hold the same text: there is nothing to compare."""

    def __init__(self) -> None:
        super().__init__("国家文件和地方文件的内容完全相同，无需对照：请在“地方文件”一侧选择地方实施文件。")


class ProjectFileError(DuizhaoError):
    """A project file that is corrupt, foreign, or from a newer version."""


class ReviewMismatchError(DuizhaoError):
    """A pair's review was made on other texts than the ones a batch compared."""


class ExportError(DuizhaoError):
    """A result cannot be written to the chosen file."""


class Cancelled(Exception):
    """Raised inside long work when the caller's cancel flag is set. Not a user error."""


class ProjectLockedError(ProjectFileError):
    """The project is open for writing somewhere else; it may still be opened read-only.

    Attributes:
        holder: who has it open (host, user, pid, since), when known.
    """

    def __init__(self, message: str, *, path: str | None = None, holder=None) -> None:
        super().__init__(message, path=path)
        self.holder = holder


class ProjectReadOnlyError(ProjectFileError):
    """The project cannot be changed here: it was opened read-only, or lies on a read-only drive."""


class ProjectSaveError(ProjectFileError):
    """A change to an open project could not be written (disk full, drive gone, read-only)."""
