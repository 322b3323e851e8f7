"""Benchmarks: accuracy per field and speed, on synthetic cards made from a seed."""
