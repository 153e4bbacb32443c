"""Actors: the knowledge of who is who, its matcher, and word lists for unknown names."""
