"""Presentation: Markdown to safe HTML, numbers, money and dates by locale."""
