"""The MkDocs adapter: the one folder that imports mkdocs and material."""
