"""The grid secretary's pages (/secretary/...)."""
