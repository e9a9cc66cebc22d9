"""Field Reader core: chapters, rendering, anchoring and search, with no Qt import."""
