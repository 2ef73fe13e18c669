"""Hostile inputs: files built by the tests to break the readers, the exports and the projects."""
