"""Duizhao's desktop app (PySide6): presentation of what core/ computes, no domain logic here."""

# Imported first, before any window exists: see the module for the binding defect it guards.
from desktop import qtcompat as _qtcompat  # noqa: F401
