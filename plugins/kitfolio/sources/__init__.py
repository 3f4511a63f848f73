"""Reading sources: YAML 1.2 files with positions, kits, pitches and the agency."""
