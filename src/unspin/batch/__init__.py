"""Running the pipeline over many articles."""
