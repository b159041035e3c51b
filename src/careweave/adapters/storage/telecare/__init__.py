"""SQL storage of telecare: devices, events (each stored once), dead letters, rules, set-ups,
absences, alerts and their escalation steps."""
