"""方案比选 (issue 23): the capacity envelope of parcels under the 控规 (``capacity``),
scenarios of a unit's plan, their evaluation with the redevelopment checks and their
side-by-side comparison."""
