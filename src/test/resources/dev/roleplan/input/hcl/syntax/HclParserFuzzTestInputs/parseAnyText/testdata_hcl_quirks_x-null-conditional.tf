a = null ? 1 : 0
