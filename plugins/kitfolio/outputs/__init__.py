"""What a build writes: the feed, social cards, page metadata, charts, assets."""
