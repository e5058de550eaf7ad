a = "a\n ${~ x ~} \n b"
