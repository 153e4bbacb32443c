"""Where the analysis runs: local processes, or a Dask cluster."""
