"""The public view: what a page may show of a kit, private data already gone."""
