"""Dock widgets, map tools and dialogs of the plugin (forms live in ``forms/*.ui``)."""
