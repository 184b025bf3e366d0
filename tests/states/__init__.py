"""State tests: page states instantiated in pytest, their handlers called directly."""
