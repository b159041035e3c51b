"""Technology-enabled care: devices in a person's home, their events, the rules that notice when
something is wrong, and the alerts that reach someone (capability 6 of the design)."""
