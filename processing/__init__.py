"""Processing provider ``lowland`` and its algorithms (thin wrappers around ``lowland_plugin.core``)."""
