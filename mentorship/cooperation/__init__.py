"""Pages of the cooperation profiles (offers and requests, EEN style)."""
