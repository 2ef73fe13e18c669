"""Benchmarks printed by `make bench`: quality against generated truth and a hand annotation, speed."""
