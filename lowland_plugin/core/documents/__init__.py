"""The 实施方案 of a redevelopment unit (Y-3, N-1, N-3, N-5): its context (numbers from the
same check functions as the algorithms), funding balance, formatting and rendering."""
