"""街坊 and 再开发单元 (Y-3, N-1, N-3): blocks from road red lines, units made of blocks,
the one unit-membership rule and the unit statistics."""
