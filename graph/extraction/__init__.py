"""Language-neutral extraction machinery shared by every language reader."""
