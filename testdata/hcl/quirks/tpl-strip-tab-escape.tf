a = "a\t${~x}"
