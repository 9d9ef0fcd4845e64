object.__setattr__(0, "x", 1)
