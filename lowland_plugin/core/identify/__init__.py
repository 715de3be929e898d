"""低效用地认定 (Y-1, N-12, N-13) and 历史遗留用地 (Y-9, N-14): per-parcel indicators, the
identification rules of a profile, legacy land and review decisions."""
