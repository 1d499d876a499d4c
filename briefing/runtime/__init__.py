"""Where work runs: process pools, the model process, shelves on disk, memory given back to the
system, Dask, the forked brief writers and the fast exit."""
