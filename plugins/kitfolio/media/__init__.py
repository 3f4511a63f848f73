"""Images: checked, made upright and metadata-free, resized; accent colours."""
