"""方案比选 (issue 23): scenarios of a unit's plan and their comparison under the policy.
``capacity`` (the 开发容量 envelope of parcels under the 控规), ``model`` (the scenario
fields, a scenario from a unit's projects, copy, validation), ``evaluate`` and
``scenario_checks`` (each scenario through the existing checks — Y-4, Y-7, Y-10, Y-11,
Y-14/15, N-9 — the funding balance and the capacity envelope), ``comparison`` (the
evaluation result: indicator rows with the best value marked, failed checks with their
clause, chart series)."""
