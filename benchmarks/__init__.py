"""Quality and speed benchmarks of the matching library."""
