"""Duizhao core: reads, outlines, aligns and compares policy and statute documents (no Qt)."""

__version__ = "0.1.0"
