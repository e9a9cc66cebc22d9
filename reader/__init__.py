"""Field Reader: an offline desktop reader for course chapters."""

__version__ = "0.1.0"
