"""Field Reader storage: the SQLite annotations database."""
