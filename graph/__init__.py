"""newskg: knowledge graphs from AI-industry news."""
