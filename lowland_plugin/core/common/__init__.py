"""What every rule uses and no rule lives in: values, reasons, profiles, field mapping,
code tables, overlay, areas and measures, CRS and input checks, errors."""
