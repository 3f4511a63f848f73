"""The formats as pydantic models (the contracts) and their validation with positions."""
