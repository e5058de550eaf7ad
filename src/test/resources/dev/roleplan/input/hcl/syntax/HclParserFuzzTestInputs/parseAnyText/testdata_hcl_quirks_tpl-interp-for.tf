a = "${join(",", [for x in xs : x])}"
