"""Use cases. Each takes a Workspace (the unlocked store and who is acting)."""
