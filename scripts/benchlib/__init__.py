"""Helpers of scripts/bench: synthetic kits, their plain-Markdown twins, timing and profiling."""
