"""Figures derived from a kit: engagement, tier, reach, growth, freshness, history."""
