"""The privacy gate and the views: a kit's public model (gate, model) and what pages read of it."""
