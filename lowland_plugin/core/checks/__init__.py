"""The redevelopment checks, one module per check, each rule in one function citing its
clause: ``far`` (Y-4, N-1), ``scattered`` (Y-7, N-4, N-10), ``land_price`` (Y-14, Y-15,
N-9), ``status_quo`` (Y-5), ``mixed_use`` (Y-10, N-8), ``use_change`` (Y-11),
``conversion`` (Y-12, N-11); ``common`` holds what they share (no rule)."""
