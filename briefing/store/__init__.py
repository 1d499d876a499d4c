"""What lives in the output folder: the extraction cache, the manifest, the lock, history, key
stamps and atomic writes."""
